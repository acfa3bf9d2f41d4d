package io.newsmon.processor.stream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.newsmon.common.kafka.JsonSerde;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * An analysed article held by the dedup step's reorder buffer until its burst is judged.
 *
 * @param key the record key
 * @param timestamp the record timestamp, kept for the output record
 * @param outcome the analysed article with its fingerprint
 */
record Pending(String key, long timestamp, Outcome outcome) {

  private static final byte BINARY = 1;
  private static final JsonSerde<LegacyPending> LEGACY = JsonSerde.of(LegacyPending.class);

  /**
   * The buffer's sort key: publication time (else fetch time, else record time), then article id,
   * so a burst is judged in the same order whatever order it arrived in.
   */
  static String orderKey(Outcome outcome, long recordTimestamp) {
    // offset so negative (pre-1970) times sort correctly as fixed-width decimals
    String t = Long.toString(outcome.eventTime(recordTimestamp) + Long.MAX_VALUE / 2);
    String id = outcome.id();
    StringBuilder sb = new StringBuilder(21 + id.length());
    for (int i = t.length(); i < 20; i++) {
      sb.append('0');
    }
    return sb.append(t).append('|').append(id).toString();
  }

  /** Binary form: a marker byte, the timestamp, the key, then the outcome's binary form. */
  byte[] toBytes() {
    byte[] k = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
    byte[] o = outcome.toBytes();
    ByteBuffer b = ByteBuffer.allocate(1 + 8 + 4 + (k == null ? 0 : k.length) + o.length);
    b.put(BINARY).putLong(timestamp).putInt(k == null ? -1 : k.length);
    if (k != null) {
      b.put(k);
    }
    return b.put(o).array();
  }

  /** Reads {@link #toBytes()}, or the JSON form buffers were written in before. */
  static Pending fromBytes(byte[] bytes) {
    if (bytes.length > 0 && bytes[0] == '{') {
      LegacyPending l = LEGACY.fromBytes(bytes);
      Outcome.LegacyOutcome o = l.outcome();
      return new Pending(l.key(), l.timestamp(), o == null || o.article() == null
          ? Outcome.failed(o == null ? null : o.failedKey(), o == null ? null : o.failedValue())
          : Outcome.ok(o.article(), o.fingerprint()));
    }
    try {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      if (b.get() != BINARY) {
        throw new SerializationException("not a reorder-buffer record (first byte " + bytes[0] + ")");
      }
      long timestamp = b.getLong();
      int kl = b.getInt();
      String key = null;
      if (kl >= 0) {
        key = new String(bytes, b.position(), kl, StandardCharsets.UTF_8);
        b.position(b.position() + kl);
      }
      return new Pending(key, timestamp,
          Outcome.fromBytes(Arrays.copyOfRange(bytes, b.position(), bytes.length)));
    } catch (java.nio.BufferUnderflowException | IndexOutOfBoundsException e) {
      throw new SerializationException("truncated reorder-buffer record: " + e, e);
    }
  }

  /** Serde of the reorder buffer store. Null stays null (deletes). */
  static final Serde<Pending> SERDE = new Serde<>() {
    @Override
    public Serializer<Pending> serializer() {
      return (topic, p) -> p == null ? null : p.toBytes();
    }

    @Override
    public Deserializer<Pending> deserializer() {
      return (topic, bytes) -> bytes == null ? null : fromBytes(bytes);
    }
  };

  /** The JSON form written before the binary one. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record LegacyPending(String key, long timestamp, Outcome.LegacyOutcome outcome) {}
}
