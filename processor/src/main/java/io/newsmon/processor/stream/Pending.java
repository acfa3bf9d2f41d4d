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
 * @param partition the partition of {@code news.raw} it was read from (-1: unknown)
 * @param outcome the analysed article with its fingerprint
 */
record Pending(String key, long timestamp, int partition, Outcome outcome) {

  /** The binary form without the source partition, written before the merge by partition. */
  private static final byte BINARY_V1 = 1;
  private static final byte BINARY = 3;
  /** Prefix of the buffer's store keys (arrival numbers); keys written before do not start with it. */
  static final String KEY_PREFIX = "q";
  private static final JsonSerde<LegacyPending> LEGACY = JsonSerde.of(LegacyPending.class);

  /** The buffer store's key of the {@code seq}-th arrival: sorts in arrival order. */
  static String storeKey(long seq) {
    String n = Long.toString(seq);
    return KEY_PREFIX + "0".repeat(Math.max(0, 19 - n.length())) + n;
  }

  /** The arrival number of a {@link #storeKey}, or -1 for a key written before. */
  static long seqOf(String storeKey) {
    if (!storeKey.startsWith(KEY_PREFIX)) {
      return -1;
    }
    try {
      return Long.parseLong(storeKey.substring(KEY_PREFIX.length()));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Binary form: a marker byte, the source partition, the timestamp, the key, then the outcome's binary form. */
  byte[] toBytes() {
    byte[] k = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
    byte[] o = outcome.toBytes();
    ByteBuffer b = ByteBuffer.allocate(1 + 4 + 8 + 4 + (k == null ? 0 : k.length) + o.length);
    b.put(BINARY).putInt(partition).putLong(timestamp).putInt(k == null ? -1 : k.length);
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
      return new Pending(l.key(), l.timestamp(), -1, o == null || o.article() == null
          ? Outcome.failed(o == null ? null : o.failedKey(), o == null ? null : o.failedValue())
          : Outcome.ok(o.article(), o.fingerprint()));
    }
    try {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      byte marker = b.get();
      if (marker != BINARY && marker != BINARY_V1) {
        throw new SerializationException("not a reorder-buffer record (first byte " + bytes[0] + ")");
      }
      int partition = marker == BINARY ? b.getInt() : -1;
      long timestamp = b.getLong();
      int kl = b.getInt();
      String key = null;
      if (kl >= 0) {
        key = new String(bytes, b.position(), kl, StandardCharsets.UTF_8);
        b.position(b.position() + kl);
      }
      return new Pending(key, timestamp, partition,
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
