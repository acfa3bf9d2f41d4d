package io.newsmon.processor.stream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.newsmon.common.kafka.JsonSerde;
import io.newsmon.common.record.Analysis;
import io.newsmon.common.record.ProcessedArticle;
import io.newsmon.common.record.RawArticle;
import io.newsmon.processor.dedup.Deduplicator;
import io.newsmon.processor.fingerprint.Fingerprint;
import io.newsmon.processor.story.EventKeys;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * What a step of the topology made of one record: an analysed article (with its near-duplicate
 * fingerprint, which travels to the dedup step through the repartition topic), or a failure carrying
 * the bytes to put on {@code news.deadletter} (the dead-letter fields travel as record headers).
 *
 * <p>An article is held in the form the dedup step needs: id, event time, content hash, entity ids,
 * topics and fingerprint as values, the analysis and the raw article as the JSON bytes the analyse
 * step wrote, never parsed again downstream: the output record is spliced from those bytes and the
 * dedup decision ({@link #processedJson()}), byte for byte what Jackson writes for the
 * {@link ProcessedArticle}.
 * {@link #SERDE} is the compact binary form used on the repartition topic and in the reorder buffer.
 */
public final class Outcome {

  private static final JsonSerde<RawArticle> RAW = JsonSerde.of(RawArticle.class);
  private static final JsonSerde<Analysis> ANALYSIS = JsonSerde.of(Analysis.class);
  private static final JsonSerde<String> STRING = JsonSerde.of(String.class);
  private static final JsonSerde<LegacyOutcome> LEGACY = JsonSerde.of(LegacyOutcome.class);
  /** First byte of the binary form of an article; JSON (the earlier form) starts with '{'. */
  private static final byte OK_WITHOUT_EVENT = 1;
  private static final byte FAILED = 2;
  /** An article with its event keys (the form written since event keys exist). */
  private static final byte OK = 3;

  private final String id;
  private final Long eventTime;
  private Analysis analysis;
  /** The analysis as JSON, as the analyse step wrote it (no dedup decision yet); or null. */
  private final byte[] analysisJson;
  private final String contentHash;
  private final List<String> specificEntities;
  private final List<String> topics;
  private final List<String> eventKeys;
  /** The dedup step's decision, spliced into {@link #analysisJson}; null before it. */
  private final Deduplicator.Decision decision;
  private final Fingerprint fingerprint;
  private byte[] articleJson;
  private RawArticle rawArticle;
  private final byte[] failedKey;
  private final byte[] failedValue;
  /** The binary form this was read from, reused when it is written again (reorder buffer). */
  private byte[] wire;

  private Outcome(String id, Long eventTime, Analysis analysis, Fingerprint fingerprint, byte[] articleJson,
      RawArticle rawArticle, byte[] failedKey, byte[] failedValue) {
    this(id, eventTime, analysis, null, analysis == null ? null : analysis.contentHash(),
        analysis == null ? null : Deduplicator.specificEntities(analysis),
        analysis == null ? null : analysis.topics(),
        analysis == null ? null : EventKeys.of(analysis), null, fingerprint, articleJson, rawArticle,
        failedKey, failedValue);
  }

  private Outcome(String id, Long eventTime, Analysis analysis, byte[] analysisJson, String contentHash,
      List<String> specificEntities, List<String> topics, List<String> eventKeys, Deduplicator.Decision decision,
      Fingerprint fingerprint, byte[] articleJson, RawArticle rawArticle, byte[] failedKey, byte[] failedValue) {
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
    this.failedKey = failedKey;
    this.failedValue = failedValue;
  }

  static Outcome ok(ProcessedArticle a, Fingerprint fingerprint) {
    RawArticle raw = a.article();
    return new Outcome(a.id(), eventTimeOf(raw), a.analysis(), fingerprint, null, raw, null, null);
  }

  static Outcome failed(byte[] key, byte[] value) {
    return new Outcome(null, null, null, null, null, null, key, value == null ? new byte[0] : value);
  }

  private static Long eventTimeOf(RawArticle a) {
    return a.eventTime() == null ? null : Long.valueOf(a.eventTime().toEpochMilli());
  }

  boolean isFailure() {
    return id == null;
  }

  /** The article id; null for a failure. */
  String id() {
    return id;
  }

  /** Publication time, else fetch time, else {@code recordTimestamp} (epoch milliseconds). */
  long eventTime(long recordTimestamp) {
    return eventTime == null ? recordTimestamp : eventTime;
  }

  /** The analysis (with the dedup decision once there is one); decoded on first use. */
  Analysis analysis() {
    if (analysis == null && analysisJson != null) {
      Analysis a = ANALYSIS.fromBytes(analysisJson);
      analysis = decision == null ? a : a.withDedup(decision.duplicateOf(), decision.storyId());
    }
    return analysis;
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

  byte[] failedKey() {
    return failedKey;
  }

  byte[] failedValue() {
    return failedValue;
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
    if (isFailure()) {
      return null;
    }
    if (rawArticle == null) {
      rawArticle = RAW.fromBytes(articleJson);
    }
    return ProcessedArticle.of(id, rawArticle, analysis());
  }

  /** The same article with the dedup step's decision, and without the fingerprint. */
  Outcome withDecision(Deduplicator.Decision d) {
    Analysis decided = analysis == null ? null : analysis.withDedup(d.duplicateOf(), d.storyId());
    return new Outcome(id, eventTime, decided, analysisJson, contentHash, specificEntities, topics, eventKeys, d,
        null,
        articleJson, rawArticle, null, null);
  }

  /** The {@code news.processed} value: the JSON of {@link #article()}, spliced without re-parsing. */
  byte[] processedJson() {
    byte[] idJson = STRING.toBytes(id);
    byte[] art = articleJson();
    byte[] an = analysisBytes();
    ByteArrayOutputStream out = new ByteArrayOutputStream(art.length + an.length + idJson.length + 64);
    out.writeBytes(("{\"schemaVersion\":" + ProcessedArticle.SCHEMA_VERSION + ",\"id\":")
        .getBytes(StandardCharsets.UTF_8));
    out.writeBytes(idJson);
    out.writeBytes(",\"article\":".getBytes(StandardCharsets.UTF_8));
    out.writeBytes(art);
    out.writeBytes(",\"analysis\":".getBytes(StandardCharsets.UTF_8));
    out.writeBytes(an);
    out.write('}');
    return out.toByteArray();
  }

  /**
   * The analysis as JSON. With a decision over the analyse step's JSON, the two dedup fields (null
   * there, and written by Jackson in the record's component order) are replaced in place.
   */
  private byte[] analysisBytes() {
    if (decision != null && analysisJson != null) {
      int at = indexOf(analysisJson, UNDECIDED);
      if (at >= 0) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(analysisJson.length + 64);
        out.write(analysisJson, 0, at);
        out.writeBytes(",\"duplicateOf\":".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(json(decision.duplicateOf()));
        out.writeBytes(",\"storyId\":".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(json(decision.storyId()));
        int rest = at + UNDECIDED.length - 1; // keep the ',' or '}' that follows
        out.write(analysisJson, rest, analysisJson.length - rest);
        return out.toByteArray();
      }
    }
    if (analysis == null && analysisJson != null && decision == null) {
      return analysisJson;
    }
    return ANALYSIS.toBytes(analysis());
  }

  /**
   * The two dedup fields as Jackson writes them before a decision, with the character after them
   * ({@code ,}; a key inside a JSON string would have its quotes escaped, so this cannot match there).
   */
  private static final byte[] UNDECIDED = ",\"duplicateOf\":null,\"storyId\":null,".getBytes(StandardCharsets.UTF_8);
  private static final byte[] NULL = "null".getBytes(StandardCharsets.UTF_8);

  private static byte[] json(String s) {
    return s == null ? NULL : STRING.toBytes(s);
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** The binary form (see {@link #SERDE}). */
  byte[] toBytes() {
    if (wire != null) {
      return wire;
    }
    if (isFailure()) {
      ByteBuffer b = ByteBuffer.allocate(9 + failedKeyLength() + failedValue.length);
      b.put(FAILED).putInt(failedKey == null ? -1 : failedKey.length);
      if (failedKey != null) {
        b.put(failedKey);
      }
      b.putInt(failedValue.length).put(failedValue);
      return b.array();
    }
    byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
    byte[] an = analysisJson != null && decision == null ? analysisJson : ANALYSIS.toBytes(analysis());
    byte[] art = articleJson();
    byte[] hash = contentHash == null ? null : contentHash.getBytes(StandardCharsets.UTF_8);
    byte[][] specific = utf8(specificEntities);
    byte[][] topicBytes = utf8(topics);
    byte[][] eventBytes = utf8(eventKeys);
    Fingerprint fp = fingerprint;
    int fpLen = fp == null ? 1
        : 1 + 8 + 4 + 4 + 8 * fp.sample().length + 4 + 8 * fp.minima().length + 4 + 8 * fp.leading().length;
    ByteBuffer b = ByteBuffer.allocate(1 + 4 + idBytes.length + 1 + 8 + 4 + (hash == null ? 0 : hash.length)
        + size(specific) + size(topicBytes) + size(eventBytes) + fpLen + 4 + an.length + art.length);
    b.put(OK).putInt(idBytes.length).put(idBytes);
    b.put((byte) (eventTime == null ? 0 : 1)).putLong(eventTime == null ? 0 : eventTime);
    b.putInt(hash == null ? -1 : hash.length);
    if (hash != null) {
      b.put(hash);
    }
    putStrings(b, specific);
    putStrings(b, topicBytes);
    putStrings(b, eventBytes);
    if (fp == null) {
      b.put((byte) 0);
    } else {
      // 2: with the leading hashes (1, records written before: without)
      b.put((byte) 2).putLong(fp.simhash()).putInt(fp.shingles());
      putLongs(b, fp.sample());
      putLongs(b, fp.minima());
      putLongs(b, fp.leading());
    }
    b.putInt(an.length).put(an).put(art);
    return b.array();
  }

  private int failedKeyLength() {
    return failedKey == null ? 0 : failedKey.length;
  }

  private static byte[][] utf8(List<String> values) {
    byte[][] out = new byte[values.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i).getBytes(StandardCharsets.UTF_8);
    }
    return out;
  }

  private static int size(byte[][] strings) {
    int n = 4;
    for (byte[] v : strings) {
      n += 4 + v.length;
    }
    return n;
  }

  private static void putStrings(ByteBuffer b, byte[][] strings) {
    b.putInt(strings.length);
    for (byte[] v : strings) {
      b.putInt(v.length).put(v);
    }
  }

  private static List<String> getStrings(ByteBuffer b) {
    int n = b.getInt();
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int len = b.getInt();
      out.add(new String(b.array(), b.position(), len, StandardCharsets.UTF_8));
      b.position(b.position() + len);
    }
    return List.copyOf(out);
  }

  private static void putLongs(ByteBuffer b, long[] values) {
    b.putInt(values.length);
    for (long v : values) {
      b.putLong(v);
    }
  }

  private static long[] getLongs(ByteBuffer b) {
    long[] out = new long[b.getInt()];
    for (int i = 0; i < out.length; i++) {
      out[i] = b.getLong();
    }
    return out;
  }

  /** Reads {@link #toBytes()}; also the earlier JSON form (records written before an upgrade). */
  static Outcome fromBytes(byte[] bytes) {
    return fromBytes(bytes, 0, bytes.length);
  }

  static Outcome fromBytes(byte[] bytes, int offset, int length) {
    try {
      ByteBuffer b = ByteBuffer.wrap(bytes, offset, length);
      byte tag = b.get();
      if (tag == '{') {
        LegacyOutcome l = LEGACY.fromBytes(Arrays.copyOfRange(bytes, offset, offset + length));
        return l.article() == null ? failed(l.failedKey(), l.failedValue()) : ok(l.article(), l.fingerprint());
      }
      if (tag == FAILED) {
        int kl = b.getInt();
        byte[] key = null;
        if (kl >= 0) {
          key = new byte[kl];
          b.get(key);
        }
        byte[] value = new byte[b.getInt()];
        b.get(value);
        return failed(key, value);
      }
      if (tag != OK && tag != OK_WITHOUT_EVENT) {
        throw new SerializationException("not an analysed-article record (first byte " + tag + ")");
      }
      byte[] idBytes = new byte[b.getInt()];
      b.get(idBytes);
      boolean hasTime = b.get() != 0;
      long time = b.getLong();
      int hashLen = b.getInt();
      String hash = null;
      if (hashLen >= 0) {
        hash = new String(bytes, b.position(), hashLen, StandardCharsets.UTF_8);
        b.position(b.position() + hashLen);
      }
      List<String> specific = getStrings(b);
      List<String> topics = getStrings(b);
      List<String> event = tag == OK ? getStrings(b) : List.of();
      Fingerprint fp = null;
      byte fpForm = b.get();
      if (fpForm != 0) {
        long simhash = b.getLong();
        int shingles = b.getInt();
        long[] sample = getLongs(b);
        long[] minima = getLongs(b);
        long[] leading = fpForm == 2 ? getLongs(b) : new long[0];
        fp = new Fingerprint(simhash, sample, minima, shingles, leading);
      }
      int anLen = b.getInt();
      byte[] an = Arrays.copyOfRange(bytes, b.position(), b.position() + anLen);
      b.position(b.position() + anLen);
      byte[] art = Arrays.copyOfRange(bytes, b.position(), offset + length);
      Outcome o = new Outcome(new String(idBytes, StandardCharsets.UTF_8), hasTime ? Long.valueOf(time) : null,
          null, an, hash, specific, topics, event, null, fp, art, null, null, null);
      o.wire = offset == 0 && length == bytes.length ? bytes : Arrays.copyOfRange(bytes, offset, offset + length);
      return o;
    } catch (java.nio.BufferUnderflowException | IndexOutOfBoundsException | NegativeArraySizeException e) {
      throw new SerializationException("truncated analysed-article record: " + e, e);
    }
  }

  /** Binary serde of the dedup repartition topic. Null stays null. */
  static final Serde<Outcome> SERDE = new Serde<>() {
    @Override
    public Serializer<Outcome> serializer() {
      return (topic, o) -> o == null ? null : o.toBytes();
    }

    @Override
    public Deserializer<Outcome> deserializer() {
      return (topic, bytes) -> bytes == null ? null : fromBytes(bytes);
    }
  };

  /** The JSON form written before the binary one. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record LegacyOutcome(ProcessedArticle article, Fingerprint fingerprint, byte[] failedKey, byte[] failedValue) {}

  @Override
  public String toString() {
    return isFailure() ? "Outcome[failed]" : "Outcome[" + id + "]";
  }
}
