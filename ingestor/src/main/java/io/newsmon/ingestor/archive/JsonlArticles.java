package io.newsmon.ingestor.archive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.newsmon.common.kafka.Json;
import io.newsmon.ingestor.extract.Dates;
import io.newsmon.common.record.RawArticle;
import io.newsmon.ingestor.RawArticles;
import java.time.Instant;

/**
 * Reads one line of a JSONL article archive: a JSON object with {@code url} (or, failing that,
 * {@code id}), {@code title}, {@code text} (or {@code body}/{@code content}), {@code published} or
 * {@code publishedAt}, and optional {@code canonicalUrl}, {@code summary}, {@code language}
 * ({@code lang}), {@code author}, {@code sourceId} ({@code source}), {@code fetchedAt}. Times are
 * ISO-8601 instants or offset date-times, RFC 1123 dates, or plain dates (midnight UTC). The key is
 * the canonical URL (else the URL) normalised by {@link RawArticles#key}, as for live articles. Pure.
 */
public final class JsonlArticles {

  /** URL given to an archived article that has an id but no URL. */
  public static final String ID_URL_PREFIX = "urn:newsmon:replay:";

  private JsonlArticles() {}

  /**
   * The article on one line.
   *
   * @throws IllegalArgumentException with a readable reason when the line is not a usable article
   */
  public static RawArticle parse(String line) {
    return parseEntry(line).article();
  }

  /** One line's article and its {@code id} (null when the line has none). */
  public record Entry(RawArticle article, String id) {}

  /**
   * The article on one line, with its id.
   *
   * @throws IllegalArgumentException with a readable reason when the line is not a usable article
   */
  public static Entry parseEntry(String line) {
    JsonNode node;
    try {
      node = Json.mapper().readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    String url = text(node, "url", "link");
    String id = text(node, "id");
    if (url == null && id == null) {
      throw new IllegalArgumentException("no 'url' and no 'id'");
    }
    String body = text(node, "text", "body", "content");
    String title = text(node, "title");
    String summary = text(node, "summary", "description");
    if (body == null && summary == null && title == null) {
      throw new IllegalArgumentException("no 'text', 'summary' or 'title'");
    }
    String published = text(node, "publishedAt", "published", "date");
    String fetched = text(node, "fetchedAt");
    String source = text(node, "sourceId", "source");
    String address = url != null ? url : ID_URL_PREFIX + id;
    RawArticle article = RawArticle.builder()
        .url(address)
        .canonicalUrl(RawArticles.key(address, text(node, "canonicalUrl")))
        .sourceId(source != null ? source : ArchiveSource.SOURCE_ID)
        .origin("replay")
        .title(title)
        .summary(summary)
        .text(body != null ? body : summary != null ? summary : "")
        .languageHint(text(node, "language", "lang", "languageHint"))
        .author(text(node, "author"))
        .publishedAt(published == null ? null : time(published, "published"))
        .fetchedAt(fetched == null ? null : time(fetched, "fetchedAt"))
        .build();
    return new Entry(article, id);
  }

  private static String text(JsonNode node, String... names) {
    for (String n : names) {
      JsonNode v = node.get(n);
      if (v != null && !v.isNull()) {
        String s = v.isValueNode() ? v.asText() : v.toString();
        if (!s.isBlank()) {
          return s.strip();
        }
      }
    }
    return null;
  }

  /**
   * Parses the time formats archives use (the ingestor's {@link Dates}: ISO-8601, RFC 1123, epoch
   * seconds or milliseconds, and the other common feed formats); throws naming the field otherwise.
   */
  public static Instant time(String s, String field) {
    Instant t = Dates.parse(s);
    if (t == null) {
      throw new IllegalArgumentException("'" + field + "' is '" + s.strip()
          + "', not a time such as 2025-02-28T10:00:00Z or 2025-02-28");
    }
    return t;
  }
}
