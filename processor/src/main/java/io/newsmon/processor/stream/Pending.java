package io.newsmon.processor.stream;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * An analysed article held by the dedup step's reorder buffer until its burst is judged.
 *
 * @param key the record key
 * @param timestamp the record timestamp, kept for the output record
 * @param partition the partition of {@code news.raw} it was read from (-1: unknown)
 * @param outcome the analysed article with its fingerprint; a {@link Failed} one when the stored
 *     bytes could not be read
 */
record Pending(String key, long timestamp, int partition, Outcome outcome) {

  /** The format version, the first byte of the binary form. */
  static final byte VERSION = 3;
  /** Prefix of the buffer's store keys (arrival numbers). */
  static final String KEY_PREFIX = "q";

  /** The buffer store's key of the {@code seq}-th arrival: sorts in arrival order. */
  static String storeKey(long seq) {
    String n = Long.toString(seq);
    return KEY_PREFIX + "0".repeat(Math.max(0, 19 - n.length())) + n;
  }

  /** The arrival number of a {@link #storeKey}, or -1 for a key that is not one. */
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

  /** The article id, or the empty string for an unreadable entry (the buffer's tie-breaker). */
  String id() {
    return outcome instanceof Analysed a ? a.id() : "";
  }

  /**
   * Binary form: the version byte, the source partition, the timestamp, the key, then the
   * {@link OutcomeSerde} form of the article.
   */
  byte[] toBytes() {
    byte[] k = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
    byte[] o = OutcomeSerde.toBytes(outcome);
    ByteBuffer b = ByteBuffer.allocate(1 + 4 + 8 + 4 + (k == null ? 0 : k.length) + o.length);
    b.put(VERSION).putInt(partition).putLong(timestamp).putInt(k == null ? -1 : k.length);
    if (k != null) {
      b.put(k);
    }
    return b.put(o).array();
  }

  /** Reads {@link #toBytes()}; bytes it cannot read give an entry whose outcome is {@link Failed}. */
  static Pending fromBytes(byte[] bytes) {
    if (bytes.length == 0 || bytes[0] != VERSION) {
      return unreadable(bytes, bytes.length == 0 ? "an empty reorder-buffer entry"
          : "a reorder-buffer entry of unknown format version " + bytes[0] + " (this version of newsmon reads "
              + "version " + VERSION + ")");
    }
    try {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      b.get();
      int partition = b.getInt();
      long timestamp = b.getLong();
      int kl = b.getInt();
      String key = null;
      if (kl >= 0) {
        key = new String(bytes, b.position(), kl, StandardCharsets.UTF_8);
        b.position(b.position() + kl);
      }
      return new Pending(key, Math.max(0, timestamp), partition,
          OutcomeSerde.fromBytes(bytes, b.position(), bytes.length - b.position(), null));
    } catch (java.nio.BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
      return unreadable(bytes, "a truncated reorder-buffer entry (" + e + ")");
    }
  }

  /** An entry whose outcome is the failure to read {@code bytes}. */
  private static Pending unreadable(byte[] bytes, String why) {
    return new Pending(null, 0, -1, OutcomeSerde.unreadable(bytes, null, why));
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
}
