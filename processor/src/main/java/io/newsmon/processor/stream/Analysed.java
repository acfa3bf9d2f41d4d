package io.newsmon.processor.stream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.newsmon.common.kafka.Json;
import io.newsmon.common.kafka.JsonSerde;
import io.newsmon.common.record.Analysis;
import io.newsmon.common.record.ProcessedArticle;
import io.newsmon.common.record.RawArticle;
import io.newsmon.processor.dedup.Deduplicator;
import io.newsmon.processor.fingerprint.Fingerprint;
import io.newsmon.processor.story.EventKeys;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * An analysed article in the form the dedup step needs: id, event time, content hash, entity ids,
 * topics, event keys and near-duplicate fingerprint as values; the analysis and the raw article as
 * the JSON bytes the analyse step wrote. The raw article's text is never parsed again downstream:
 * {@link #processedJson()} embeds its bytes in the {@code news.processed} value. After the dedup step
 * it carries the decision (and no fingerprint).
 */
final class Analysed implements Outcome {

  private static final JsonSerde<RawArticle> RAW = JsonSerde.of(RawArticle.class);
  private static final JsonSerde<Analysis> ANALYSIS = JsonSerde.of(Analysis.class);
  private static final JsonSerde<String> STRING = JsonSerde.of(String.class);
  /** Writes an analysis without its two dedup fields (they are added by {@link #processedJson()}). */
  private static final ObjectWriter UNDECIDED = Json.mapper().copy()
      .addMixIn(Analysis.class, WithoutDecision.class).writerFor(Analysis.class);

  /** Leaves out what the dedup step decides. */
  @JsonIgnoreProperties({"duplicateOf", "storyId"})
  private abstract static class WithoutDecision {}

  private final String id;
  private final Long eventTime;
  private Analysis analysis;
  /** The analysis as JSON without the dedup fields, as the analyse step wrote it; or null. */
  private final byte[] analysisJson;
  private final String contentHash;
  private final List<String> specificEntities;
  private final List<String> topics;
  private final List<String> eventKeys;
  /** The dedup step's decision; null before it. */
  private final Deduplicator.Decision decision;
  private final Fingerprint fingerprint;
  private byte[] articleJson;
  private RawArticle rawArticle;
  /** The binary form this was read from, reused when it is written again (reorder buffer). */
  byte[] wire;

  Analysed(String id, Long eventTime, Analysis analysis, byte[] analysisJson, String contentHash,
      List<String> specificEntities, List<String> topics, List<String> eventKeys, Deduplicator.Decision decision,
      Fingerprint fingerprint, byte[] articleJson, RawArticle rawArticle) {
    this.id = id;
    this.eventTime = eventTime;
    this.analysis = analysis;
    this.analysisJson = analysisJson;
    this.contentHash = contentHash;
    this.specificEntities = specificEntities;
    this.topics = topics;
    this.eventKeys = eventKeys;
    this.decision = decision;
    this.fingerprint = fingerprint;
    this.articleJson = articleJson;
    this.rawArticle = rawArticle;
  }

  /** The analyse step's result: the article and its fingerprint. */
  static Analysed of(ProcessedArticle a, Fingerprint fingerprint) {
    RawArticle raw = a.article();
    Analysis an = a.analysis();
    return new Analysed(a.id(), raw.eventTime() == null ? null : Long.valueOf(raw.eventTime().toEpochMilli()), an,
        null, an.contentHash(), Deduplicator.specificEntities(an), an.topics(), EventKeys.of(an), null,
        fingerprint, null, raw);
  }

  /** The article id. */
  String id() {
    return id;
  }

  /** Publication time, else fetch time, else {@code recordTimestamp} (epoch milliseconds). */
  long eventTime(long recordTimestamp) {
    return eventTime == null ? recordTimestamp : eventTime;
  }

  /** The event time carried, or null (for the serde). */
  Long eventTimeOrNull() {
    return eventTime;
  }

  /** The analysis (with the dedup decision once there is one); decoded on first use. */
  Analysis analysis() {
    if (analysis == null && analysisJson != null) {
      Analysis a = ANALYSIS.fromBytes(analysisJson);
      analysis = decision == null ? a : a.withDedup(decision.duplicateOf(), decision.storyId());
    }
    return analysis;
  }

  /**
   * The analysis as JSON without its dedup fields (the binary form carries it so; they are null
   * before the dedup step): the analyse step's bytes, or written now.
   */
  byte[] undecidedAnalysisJson() {
    if (analysisJson != null) {
      return analysisJson;
    }
    try {
      return UNDECIDED.writeValueAsBytes(analysis);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  String contentHash() {
    return contentHash;
  }

  /** {@link Deduplicator#specificEntities} of the analysis. */
  List<String> specificEntities() {
    return specificEntities;
  }

  List<String> topics() {
    return topics;
  }

  /** {@link EventKeys} of the analysis' event. */
  List<String> eventKeys() {
    return eventKeys;
  }

  Fingerprint fingerprint() {
    return fingerprint;
  }

  /** The raw article as JSON (what {@code news.raw}'s serde writes). */
  byte[] articleJson() {
    if (articleJson == null && rawArticle != null) {
      articleJson = RAW.toBytes(rawArticle);
    }
    return articleJson;
  }

  /** The analysed article as an object (parses the raw article; for tests and rare paths). */
  ProcessedArticle article() {
    if (rawArticle == null) {
      rawArticle = RAW.fromBytes(articleJson);
    }
    return ProcessedArticle.of(id, rawArticle, analysis());
  }

  /** The same article with the dedup step's decision, and without the fingerprint. */
  Analysed withDecision(Deduplicator.Decision d) {
    Analysis decided = analysis == null ? null : analysis.withDedup(d.duplicateOf(), d.storyId());
    return new Analysed(id, eventTime, decided, analysisJson, contentHash, specificEntities, topics, eventKeys, d,
        null, articleJson, rawArticle);
  }

  /**
   * The {@code news.processed} value: a {@link ProcessedArticle} JSON object whose {@code article}
   * is the raw article's JSON bytes as they are and whose {@code analysis} is the analyse step's JSON
   * with the two dedup fields added as its last members: neither the text nor the analysis is
   * decoded again, and nothing depends on the order in which Jackson writes the fields.
   */
  byte[] processedJson() {
    byte[] idJson = STRING.toBytes(id);
    byte[] art = articleJson();
    byte[] an = undecidedAnalysisJson();
    int close = an.length - 1;
    while (close > 0 && an[close] != '}') {
      close--;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(art.length + an.length + idJson.length + 128);
    out.writeBytes(("{\"schemaVersion\":" + ProcessedArticle.SCHEMA_VERSION + ",\"id\":")
        .getBytes(StandardCharsets.UTF_8));
    out.writeBytes(idJson);
    out.writeBytes(",\"article\":".getBytes(StandardCharsets.UTF_8));
    out.writeBytes(art);
    out.writeBytes(",\"analysis\":".getBytes(StandardCharsets.UTF_8));
    out.write(an, 0, close);
    out.writeBytes(",\"duplicateOf\":".getBytes(StandardCharsets.UTF_8));
    out.writeBytes(json(decision == null ? null : decision.duplicateOf()));
    out.writeBytes(",\"storyId\":".getBytes(StandardCharsets.UTF_8));
    out.writeBytes(json(decision == null ? null : decision.storyId()));
    out.write('}');
    out.write('}');
    return out.toByteArray();
  }

  private static final byte[] NULL = "null".getBytes(StandardCharsets.UTF_8);

  private static byte[] json(String s) {
    return s == null ? NULL : STRING.toBytes(s);
  }

  @Override
  public String toString() {
    return "Analysed[" + id + "]";
  }
}
