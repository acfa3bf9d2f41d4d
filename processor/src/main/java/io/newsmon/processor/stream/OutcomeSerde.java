package io.newsmon.processor.stream;

import io.newsmon.common.kafka.RecordBuffer;
import io.newsmon.common.record.DeadLetter;
import io.newsmon.processor.fingerprint.Fingerprint;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The binary form of an {@link Analysed} article on the dedup repartition topic and in the reorder
 * buffer. The first byte is the format version, {@value #VERSION}; then the id, the event time, the
 * content hash, entity ids, topics, event keys, the fingerprint, the analysis JSON without its dedup
 * fields (length-prefixed) and the raw article JSON (the rest).
 *
 * <p>Reading never throws: bytes of an unknown version, or truncated ones, come back as a
 * {@link Failed} (stage {@code dedup}) with the bytes as the original value and the reason, so they
 * become a dead letter. Only analysed articles are written: failures go to {@code news.deadletter}
 * before the repartition topic and are never held by the reorder buffer.
 */
final class OutcomeSerde implements Serde<Outcome> {

  /**
   * The format version written and read. (Versions 1 and 2 were development forms that were never
   * released; a record of any other version becomes a dead letter.)
   */
  static final byte VERSION = 3;
  static final OutcomeSerde INSTANCE = new OutcomeSerde();

  private OutcomeSerde() {}

  @Override
  public Serializer<Outcome> serializer() {
    return (topic, o) -> o == null ? null : toBytes(o);
  }

  @Override
  public Deserializer<Outcome> deserializer() {
    return (topic, bytes) -> bytes == null ? null : fromBytes(bytes, 0, bytes.length, topic);
  }

  /** The binary form of an analysed article. */
  static byte[] toBytes(Outcome o) {
    if (!(o instanceof Analysed a)) {
      throw new IllegalArgumentException("only analysed articles are written in binary form, not " + o);
    }
    if (a.wire != null) {
      return a.wire;
    }
    RecordBuffer b = RecordBuffer.get();
    try {
      write(a, b);
      return b.toByteArray();
    } finally {
      b.release();
    }
  }

  private static void write(Analysed a, RecordBuffer b) {
    Fingerprint fp = a.fingerprint();
    Long eventTime = a.eventTimeOrNull();
    b.write(VERSION);
    b.writeUtf8(a.id());
    b.write(eventTime == null ? 0 : 1);
    b.writeLong(eventTime == null ? 0 : eventTime);
    if (a.contentHash() == null) {
      b.writeInt(-1);
    } else {
      b.writeUtf8(a.contentHash());
    }
    putStrings(b, a.specificEntities());
    putStrings(b, a.topics());
    putStrings(b, a.eventKeys());
    if (fp == null) {
      b.write(0);
    } else {
      // 2: with the leading hashes (1: without, as written before they existed)
      b.write(2);
      b.writeLong(fp.simhash());
      b.writeInt(fp.shingles());
      putLongs(b, fp.sample());
      putLongs(b, fp.minima());
      putLongs(b, fp.leading());
    }
    // the analysis (length first) and the article as JSON, written where they go: no array of
    // either is made on the way
    int lengthAt = b.size();
    b.writeInt(0);
    a.writeUndecidedAnalysisJson(b);
    b.setInt(lengthAt, b.size() - lengthAt - 4);
    a.writeArticleJson(b);
  }

  /**
   * Reads {@link #toBytes}: an {@link Analysed} article, or a {@link Failed} one saying why the
   * bytes could not be read.
   *
   * @param topic where the bytes were read (for the dead letter), or null
   */
  static Outcome fromBytes(byte[] bytes, int offset, int length, String topic) {
    if (length == 0) {
      return failed(bytes, offset, length, topic, "an empty analysed-article record");
    }
    if (bytes[offset] != VERSION) {
      return failed(bytes, offset, length, topic, "an analysed-article record of unknown format version "
          + bytes[offset] + " (this version of newsmon reads version " + VERSION + ")");
    }
    try {
      ByteBuffer b = ByteBuffer.wrap(bytes, offset, length);
      b.get();
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
      List<String> event = getStrings(b);
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
      if (anLen < 0 || anLen > b.remaining()) {
        throw new IndexOutOfBoundsException("analysis length " + anLen);
      }
      // the analysis and the article stay where they are in the record's array (read only, never
      // written): the news.processed value is the one copy made of them
      int anAt = b.position();
      int artAt = anAt + anLen;
      Analysed a = new Analysed(new String(idBytes, StandardCharsets.UTF_8), hasTime ? Long.valueOf(time) : null,
          null, bytes, anAt, anLen, hash, specific, topics, event, null, fp, bytes, artAt, offset + length - artAt,
          null);
      a.wire = offset == 0 && length == bytes.length ? bytes : Arrays.copyOfRange(bytes, offset, offset + length);
      return a;
    } catch (java.nio.BufferUnderflowException | IndexOutOfBoundsException | NegativeArraySizeException
        | IllegalArgumentException e) {
      return failed(bytes, offset, length, topic, "a truncated analysed-article record (" + e + ")");
    }
  }

  private static Failed failed(byte[] bytes, int offset, int length, String topic, String why) {
    return unreadable(Arrays.copyOfRange(bytes, offset, offset + length), topic, why);
  }

  /** The failure of bytes that could not be read: {@code why} says what they were taken for. */
  static Failed unreadable(byte[] bytes, String topic, String why) {
    return new Failed(null, bytes, new DeadLetter("dedup", topic, -1, -1, null, null, "unreadable-record",
        "cannot read " + why, Instant.now()));
  }

  private static void putStrings(RecordBuffer b, List<String> strings) {
    b.writeInt(strings.size());
    for (int i = 0, n = strings.size(); i < n; i++) {
      b.writeUtf8(strings.get(i));
    }
  }

  private static List<String> getStrings(ByteBuffer b) {
    int n = b.getInt();
    if (n < 0 || n > b.remaining()) {
      throw new IndexOutOfBoundsException("string count " + n);
    }
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int len = b.getInt();
      if (len < 0 || len > b.remaining()) {
        throw new IndexOutOfBoundsException("string length " + len);
      }
      out.add(new String(b.array(), b.position(), len, StandardCharsets.UTF_8));
      b.position(b.position() + len);
    }
    return List.copyOf(out);
  }

  private static void putLongs(RecordBuffer b, long[] values) {
    b.writeInt(values.length);
    for (long v : values) {
      b.writeLong(v);
    }
  }

  private static long[] getLongs(ByteBuffer b) {
    int n = b.getInt();
    if (n < 0 || n > b.remaining() / 8) {
      throw new IndexOutOfBoundsException("long count " + n);
    }
    long[] out = new long[n];
    for (int i = 0; i < out.length; i++) {
      out[i] = b.getLong();
    }
    return out;
  }
}
