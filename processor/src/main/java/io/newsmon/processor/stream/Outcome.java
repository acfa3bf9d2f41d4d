package io.newsmon.processor.stream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.newsmon.common.kafka.JsonSerde;
import io.newsmon.common.record.Analysis;
import io.newsmon.common.record.ProcessedArticle;
import io.newsmon.common.record.RawArticle;
import io.newsmon.processor.fingerprint.Fingerprint;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * What a step of the topology made of one record: an analysed article (with its near-duplicate
 * fingerprint, which travels to the dedup step through the repartition topic), or a failure carrying
 * the bytes to put on {@code news.deadletter} (the dead-letter fields travel as record headers).
 *
 * <p>An article is held in the form the dedup step needs: id, event time, analysis and fingerprint
 * as objects, and the raw article as its JSON bytes, written once by the analyse step and never
 * parsed again downstream: the output record is spliced from those bytes and the decided analysis
 * ({@link #processedJson()}), byte for byte what Jackson writes for the {@link ProcessedArticle}.
 * {@link #SERDE} is the compact binary form used on the repartition topic and in the reorder buffer.
 */
public final class Outcome {

  private static final JsonSerde<RawArticle> RAW = JsonSerde.of(RawArticle.class);
  private static final JsonSerde<Analysis> ANALYSIS = JsonSerde.of(Analysis.class);
  private static final JsonSerde<String> STRING = JsonSerde.of(String.class);
  private static final JsonSerde<LegacyOutcome> LEGACY = JsonSerde.of(LegacyOutcome.class);
  /** First byte of the binary form of an article; JSON (the earlier form) starts with '{'. */
  private static final byte OK = 1;
  private static final byte FAILED = 2;

  private final String id;
  private final Long eventTime;
  private final Analysis analysis;
  private final Fingerprint fingerprint;
  private byte[] articleJson;
  private RawArticle rawArticle;
  private final byte[] failedKey;
  private final byte[] failedValue;
  /** The binary form this was read from, reused when it is written again (reorder buffer). */
  private byte[] wire;

  private Outcome(String id, Long eventTime, Analysis analysis, Fingerprint fingerprint, byte[] articleJson,
      RawArticle rawArticle, byte[] failedKey, byte[] failedValue) {
    this.id = id;
    this.eventTime = eventTime;
    this.analysis = analysis;
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
    return a.publishedAt() != null ? Long.valueOf(a.publishedAt().toEpochMilli())
        : a.fetchedAt() != null ? Long.valueOf(a.fetchedAt().toEpochMilli()) : null;
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

  Analysis analysis() {
    return analysis;
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
    return ProcessedArticle.of(id, rawArticle, analysis);
  }

  /** The same article with another analysis, and without the fingerprint. */
  Outcome withAnalysis(Analysis decided) {
    return new Outcome(id, eventTime, decided, null, articleJson, rawArticle, null, null);
  }

  /** The {@code news.processed} value: the JSON of {@link #article()}, spliced without re-parsing. */
  byte[] processedJson() {
    byte[] idJson = STRING.toBytes(id);
    byte[] art = articleJson();
    byte[] an = ANALYSIS.toBytes(analysis);
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
    byte[] an = ANALYSIS.toBytes(analysis);
    byte[] art = articleJson();
    Fingerprint fp = fingerprint;
    int fpLen = fp == null ? 1 : 1 + 8 + 4 + 4 + 8 * fp.sample().length + 4 + 8 * fp.minima().length;
    ByteBuffer b = ByteBuffer.allocate(1 + 4 + idBytes.length + 1 + 8 + fpLen + 4 + an.length + art.length);
    b.put(OK).putInt(idBytes.length).put(idBytes);
    b.put((byte) (eventTime == null ? 0 : 1)).putLong(eventTime == null ? 0 : eventTime);
    if (fp == null) {
      b.put((byte) 0);
    } else {
      b.put((byte) 1).putLong(fp.simhash()).putInt(fp.shingles());
      putLongs(b, fp.sample());
      putLongs(b, fp.minima());
    }
    b.putInt(an.length).put(an).put(art);
    return b.array();
  }

  private int failedKeyLength() {
    return failedKey == null ? 0 : failedKey.length;
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
      if (tag != OK) {
        throw new SerializationException("not an analysed-article record (first byte " + tag + ")");
      }
      byte[] idBytes = new byte[b.getInt()];
      b.get(idBytes);
      boolean hasTime = b.get() != 0;
      long time = b.getLong();
      Fingerprint fp = null;
      if (b.get() != 0) {
        long simhash = b.getLong();
        int shingles = b.getInt();
        long[] sample = getLongs(b);
        long[] minima = getLongs(b);
        fp = new Fingerprint(simhash, sample, minima, shingles);
      }
      int anLen = b.getInt();
      Analysis an = ANALYSIS.fromBytes(Arrays.copyOfRange(bytes, b.position(), b.position() + anLen));
      b.position(b.position() + anLen);
      byte[] art = Arrays.copyOfRange(bytes, b.position(), offset + length);
      Outcome o = new Outcome(new String(idBytes, StandardCharsets.UTF_8), hasTime ? Long.valueOf(time) : null,
          an, fp, art, null, null, null);
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
