package io.newsmon.common.record;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * A record that could not be processed. On {@code news.deadletter} its value is the original bytes
 * (or, for a source that failed before anything was fetched, empty) and these fields travel as
 * headers named {@code newsmon.dlq.<field>}, so the original can be replayed untouched.
 *
 * @param stage where it failed: {@code ingest}, {@code parse}, {@code analyze}, {@code dedup}, {@code sink}
 * @param sourceTopic topic the record came from, or null for ingest failures
 * @param partition partition in the source topic, or -1
 * @param offset offset in the source topic, or -1
 * @param sourceId the configured source, for ingest failures
 * @param url the URL that failed, where there is one
 * @param errorClass the exception class, or a short error code such as {@code http-404}
 * @param errorMessage a readable reason
 * @param failedAt when it failed
 */
public record DeadLetter(
    String stage,
    String sourceTopic,
    int partition,
    long offset,
    String sourceId,
    String url,
    String errorClass,
    String errorMessage,
    Instant failedAt) {

  public static final String HEADER_PREFIX = "newsmon.dlq.";
  /** Longest error message kept in a header; longer ones are cut with an ellipsis. */
  public static final int MAX_MESSAGE_CHARS = 2000;

  public static DeadLetter of(String stage, String sourceTopic, int partition, long offset,
      Throwable error) {
    return new DeadLetter(stage, sourceTopic, partition, offset, null, null,
        error.getClass().getName(), messageOf(error), Instant.now());
  }

  public static DeadLetter ingest(String sourceId, String url, String errorClass, String message) {
    return new DeadLetter("ingest", null, -1, -1, sourceId, url, errorClass, message, Instant.now());
  }

  /** The same dead letter, read from {@code sourceTopic} at {@code partition} and {@code offset}. */
  public DeadLetter at(String sourceTopic, int partition, long offset) {
    return new DeadLetter(stage, sourceTopic, partition, offset, sourceId, url, errorClass, errorMessage, failedAt);
  }

  /** The exception's message, with its causes, cut to {@link #MAX_MESSAGE_CHARS}. */
  public static String messageOf(Throwable error) {
    StringBuilder sb = new StringBuilder();
    for (Throwable t = error; t != null && sb.length() < MAX_MESSAGE_CHARS; t = t.getCause()) {
      if (sb.length() > 0) {
        sb.append(" <- caused by ").append(t.getClass().getSimpleName()).append(": ");
      }
      sb.append(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
      if (t.getCause() == t) {
        break;
      }
    }
    return cut(sb.toString());
  }

  private static String cut(String s) {
    if (s == null) {
      return null;
    }
    return s.length() <= MAX_MESSAGE_CHARS ? s : s.substring(0, MAX_MESSAGE_CHARS - 1) + "…";
  }

  public Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("stage", stage);
    m.put("sourceTopic", sourceTopic);
    m.put("partition", Integer.toString(partition));
    m.put("offset", Long.toString(offset));
    m.put("sourceId", sourceId);
    m.put("url", url);
    m.put("errorClass", errorClass);
    m.put("errorMessage", cut(errorMessage));
    m.put("failedAt", failedAt == null ? null : failedAt.toString());
    return m;
  }

  /** The Kafka headers that carry this dead letter's fields. Null fields are left out. */
  public Headers toHeaders() {
    RecordHeaders headers = new RecordHeaders();
    asMap().forEach((k, v) -> {
      if (v != null) {
        headers.add(HEADER_PREFIX + k, v.getBytes(StandardCharsets.UTF_8));
      }
    });
    return headers;
  }

  /** Reads the fields back from a dead-letter record's headers. */
  public static DeadLetter fromHeaders(Headers headers) {
    Map<String, String> m = new LinkedHashMap<>();
    for (Header h : headers) {
      if (h.key().startsWith(HEADER_PREFIX) && h.value() != null) {
        m.put(h.key().substring(HEADER_PREFIX.length()), new String(h.value(), StandardCharsets.UTF_8));
      }
    }
    String failedAt = m.get("failedAt");
    return new DeadLetter(m.get("stage"), m.get("sourceTopic"),
        Integer.parseInt(m.getOrDefault("partition", "-1")),
        Long.parseLong(m.getOrDefault("offset", "-1")),
        m.get("sourceId"), m.get("url"), m.get("errorClass"), m.get("errorMessage"),
        failedAt == null ? null : Instant.parse(failedAt));
  }
}
