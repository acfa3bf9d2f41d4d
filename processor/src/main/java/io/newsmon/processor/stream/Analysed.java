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
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
  /**
   * The analysis as JSON without the dedup fields, as the analyse step wrote it: {@code analysisLen}
   * bytes of {@code analysisBuf} from {@code analysisOff} (the record read, not a copy of it); or null.
   */
  private byte[] analysisBuf;
  private int analysisOff;
  private int analysisLen;
  private final String contentHash;
  private final List<String> specificEntities;
  private final List<String> topics;
  private final List<String> eventKeys;
  /** The dedup step's decision; null before it. */
  private final Deduplicator.Decision decision;
  private final Fingerprint fingerprint;
  /** The raw article's JSON: {@code articleLen} bytes of {@code articleBuf} from {@code articleOff}; or null. */
  private byte[] articleBuf;
  private int articleOff;
  private int articleLen;
  private RawArticle rawArticle;
  /** The binary form this was read from, reused when it is written again (reorder buffer). */
  byte[] wire;

  Analysed(String id, Long eventTime, Analysis analysis, byte[] analysisJson, String contentHash,
      List<String> specificEntities, List<String> topics, List<String> eventKeys, Deduplicator.Decision decision,
      Fingerprint fingerprint, byte[] articleJson, RawArticle rawArticle) {
    this(id, eventTime, analysis, analysisJson, 0, analysisJson == null ? 0 : analysisJson.length, contentHash,
        specificEntities, topics, eventKeys, decision, fingerprint, articleJson, 0,
        articleJson == null ? 0 : articleJson.length, rawArticle);
  }

  /**
   * With the analysis and the raw article as slices of a larger array (the binary record they were
   * read from): read in place, copied once into the {@code news.processed} value.
   */
  Analysed(String id, Long eventTime, Analysis analysis, byte[] analysisBuf, int analysisOff, int analysisLen,
      String contentHash, List<String> specificEntities, List<String> topics, List<String> eventKeys,
      Deduplicator.Decision decision, Fingerprint fingerprint, byte[] articleBuf, int articleOff, int articleLen,
      RawArticle rawArticle) {
    this.id = id;
    this.eventTime = eventTime;
    this.analysis = analysis;
    this.analysisBuf = analysisBuf;
    this.analysisOff = analysisOff;
    this.analysisLen = analysisLen;
    this.contentHash = contentHash;
    this.specificEntities = specificEntities;
    this.topics = topics;
    this.eventKeys = eventKeys;
    this.decision = decision;
    this.fingerprint = fingerprint;
    this.articleBuf = articleBuf;
    this.articleOff = articleOff;
    this.articleLen = articleLen;
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
    if (analysis == null && analysisBuf != null) {
      Analysis a = ANALYSIS.fromBytes(undecidedAnalysisJson());
      analysis = decision == null ? a : a.withDedup(decision.duplicateOf(), decision.storyId());
    }
    return analysis;
  }

  /**
   * The analysis as JSON without its dedup fields (the binary form carries it so; they are null
   * before the dedup step): the analyse step's bytes, or written now.
   */
  byte[] undecidedAnalysisJson() {
    if (analysisBuf == null) {
      try {
        analysisBuf = UNDECIDED.writeValueAsBytes(analysis);
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
      analysisOff = 0;
      analysisLen = analysisBuf.length;
    }
    return exact(analysisBuf, analysisOff, analysisLen);
  }

  /**
   * Writes {@link #undecidedAnalysisJson()} to {@code out}: the analyse step's bytes when there are
   * some, else written by Jackson straight into {@code out} (the same bytes; no array is kept).
   */
  void writeUndecidedAnalysisJson(java.io.OutputStream out) {
    try {
      if (analysisBuf != null) {
        out.write(analysisBuf, analysisOff, analysisLen);
      } else {
        UNDECIDED.writeValue(out, analysis);
      }
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes {@link #articleJson()} to {@code out}: the bytes read
   * when there are some, else the raw article written by {@code news.raw}'s serde straight into
   * {@code out}.
   */
  void writeArticleJson(java.io.OutputStream out) {
    if (articleBuf != null) {
      try {
        out.write(articleBuf, articleOff, articleLen);
      } catch (java.io.IOException e) {
        throw new UncheckedIOException(e);
      }
    } else if (rawArticle != null) {
      RAW.write(rawArticle, out);
    } else {
      throw new NullPointerException("an analysed article without its article");
    }
  }

  /** The bytes of a slice, the array itself when the slice is all of it. */
  private static byte[] exact(byte[] buf, int off, int len) {
    return off == 0 && len == buf.length ? buf : Arrays.copyOfRange(buf, off, off + len);
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
    if (articleBuf == null) {
      if (rawArticle == null) {
        return null;
      }
      articleBuf = RAW.toBytes(rawArticle);
      articleOff = 0;
      articleLen = articleBuf.length;
    }
    return exact(articleBuf, articleOff, articleLen);
  }

  /** The analysed article as an object (parses the raw article; for tests and rare paths). */
  ProcessedArticle article() {
    if (rawArticle == null) {
      rawArticle = RAW.fromBytes(articleJson());
    }
    return ProcessedArticle.of(id, rawArticle, analysis());
  }

  /** The same article with the dedup step's decision, and without the fingerprint. */
  Analysed withDecision(Deduplicator.Decision d) {
    Analysis decided = analysis == null ? null : analysis.withDedup(d.duplicateOf(), d.storyId());
    return new Analysed(id, eventTime, decided, analysisBuf, analysisOff, analysisLen, contentHash,
        specificEntities, topics, eventKeys, d, null, articleBuf, articleOff, articleLen, rawArticle);
  }

  /**
   * The {@code news.processed} value: a {@link ProcessedArticle} JSON object whose {@code article}
   * is the raw article's JSON bytes as they are and whose {@code analysis} is the analyse step's JSON
   * with the two dedup fields added as its last members: neither the text nor the analysis is
   * decoded again, and nothing depends on the order in which Jackson writes the fields.
   */
  byte[] processedJson() {
    if (articleBuf == null) {
      articleJson();
    }
    if (analysisBuf == null) {
      undecidedAnalysisJson();
    }
    byte[] idJson = json(id);
    byte[] dup = json(decision == null ? null : decision.duplicateOf());
    byte[] story = json(decision == null ? null : decision.storyId());
    int close = analysisOff + analysisLen - 1;
    while (close > analysisOff && analysisBuf[close] != '}') {
      close--;
    }
    int anPart = close - analysisOff;
    // written straight into an array of the exact size: one copy of the article and the analysis
    byte[] out = new byte[PREFIX.length + idJson.length + ARTICLE.length + articleLen + ANALYSIS_FIELD.length
        + anPart + DUPLICATE_OF.length + dup.length + STORY_ID.length + story.length + 2];
    int at = put(out, 0, PREFIX, 0, PREFIX.length);
    at = put(out, at, idJson, 0, idJson.length);
    at = put(out, at, ARTICLE, 0, ARTICLE.length);
    at = put(out, at, articleBuf, articleOff, articleLen);
    at = put(out, at, ANALYSIS_FIELD, 0, ANALYSIS_FIELD.length);
    at = put(out, at, analysisBuf, analysisOff, anPart);
    at = put(out, at, DUPLICATE_OF, 0, DUPLICATE_OF.length);
    at = put(out, at, dup, 0, dup.length);
    at = put(out, at, STORY_ID, 0, STORY_ID.length);
    at = put(out, at, story, 0, story.length);
    out[at++] = '}';
    out[at] = '}';
    return out;
  }

  private static int put(byte[] out, int at, byte[] src, int off, int len) {
    System.arraycopy(src, off, out, at, len);
    return at + len;
  }

  private static final byte[] PREFIX = ("{\"schemaVersion\":" + ProcessedArticle.SCHEMA_VERSION + ",\"id\":")
      .getBytes(StandardCharsets.UTF_8);
  private static final byte[] ARTICLE = ",\"article\":".getBytes(StandardCharsets.UTF_8);
  private static final byte[] ANALYSIS_FIELD = ",\"analysis\":".getBytes(StandardCharsets.UTF_8);
  private static final byte[] DUPLICATE_OF = ",\"duplicateOf\":".getBytes(StandardCharsets.UTF_8);
  private static final byte[] STORY_ID = ",\"storyId\":".getBytes(StandardCharsets.UTF_8);
  private static final byte[] NULL = "null".getBytes(StandardCharsets.UTF_8);

  /**
   * A string as a JSON value, as Jackson writes it: ids and story ids (letters, digits, '-', ':', '_',
   * '.') quoted as they are, anything else through Jackson.
   */
  static byte[] json(String s) {
    if (s == null) {
      return NULL;
    }
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == ':'
          || c == '_' || c == '.')) {
        return STRING.toBytes(s);
      }
    }
    byte[] out = new byte[n + 2];
    out[0] = '"';
    for (int i = 0; i < n; i++) {
      out[i + 1] = (byte) s.charAt(i);
    }
    out[n + 1] = '"';
    return out;
  }

  @Override
  public String toString() {
    return "Analysed[" + id + "]";
  }
}
