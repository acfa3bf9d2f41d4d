package io.newsmon.processor.dedup;

import io.newsmon.common.kafka.JsonSerde;
import io.newsmon.common.kafka.RecordBuffer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The dedup store's value format: a compact binary form of {@link DedupEntry}, about a third of its
 * JSON. Every article's decision writes its own entry, which goes to RocksDB and to the changelog topic,
 * and rewrites a few dozen lookup buckets (each a list of up to {@link Deduplicator#MAX_BUCKET} ids),
 * which stay in the local index store. Ids of the form
 * {@code x-<16 hex digits>} take 9 bytes, hex strings half their length, hashes 8 bytes.
 *
 * <p>Layout: version byte {@value #VERSION}, then the entry; JSON (the format before, first byte
 * {@code '{'}) is still read, so a store or changelog written by an earlier version restores.
 */
public final class DedupEntrySerde implements Serde<DedupEntry> {

  /** First byte of the binary form (JSON starts with '{'): 2 adds an article's leading hashes and judging order. */
  static final byte VERSION = 2;
  /** The binary form before the leading hashes and the judging order (still read). */
  static final byte VERSION_1 = 1;
  private static final JsonSerde<DedupEntry> JSON = JsonSerde.of(DedupEntry.class);

  private static final byte NULL = 0;
  private static final byte UTF8 = 1;
  private static final byte HEX = 2;
  private static final byte ID = 3;

  public static final DedupEntrySerde INSTANCE = new DedupEntrySerde();

  @Override
  public Serializer<DedupEntry> serializer() {
    return (topic, e) -> e == null ? null : toBytes(e);
  }

  @Override
  public Deserializer<DedupEntry> deserializer() {
    return (topic, b) -> b == null ? null : fromBytes(b);
  }

  /** The binary form of an entry. */
  public static byte[] toBytes(DedupEntry e) {
    // written into this thread's buffer and copied once, at the exact size (a bucket of 32 ids is
    // written ~50 times per article)
    RecordBuffer out = RecordBuffer.get();
    try {
      out.write(VERSION);
      SeenArticle a = e.article();
      out.write(a != null ? 1 : 0);
      if (a != null) {
        string(out, a.id());
        string(out, a.contentHash());
        out.writeLong(a.simhash());
        longs(out, a.sample());
        string(out, a.duplicateOf());
        string(out, a.storyId());
        strings(out, a.entities());
        out.writeLong(a.eventTime());
        out.writeLong(a.seenAt());
        strings(out, a.topics());
        strings(out, a.event());
        longs(out, a.minima());
        out.writeInt(a.shingles());
        longs(out, a.leading());
        out.writeLong(a.seq());
      }
      strings(out, e.ids());
      out.writeLong(e.seenAt());
      return out.toByteArray();
    } finally {
      out.release();
    }
  }

  /** An entry from its binary form or from the JSON of earlier versions. */
  public static DedupEntry fromBytes(byte[] b) {
    if (b.length > 0 && b[0] == '{') {
      return JSON.fromBytes(b);
    }
    try {
      ByteBuffer in = ByteBuffer.wrap(b);
      byte version = in.get();
      if (version != VERSION && version != VERSION_1) {
        throw new SerializationException("dedup entry of unknown version " + version);
      }
      DecodedStrings pool = DecodedStrings.get();
      SeenArticle a = null;
      if (in.get() != 0) {
        a = new SeenArticle(string(in, pool), string(in, pool), in.getLong(), longs(in), string(in, pool),
            string(in, pool), strings(in, pool), in.getLong(), in.getLong(), strings(in, pool), strings(in, pool),
            longs(in), in.getInt(), version == VERSION ? longs(in) : new long[0], version == VERSION ? in.getLong() : 0);
      }
      List<String> ids = strings(in, pool);
      long seenAt = in.getLong();
      if (in.hasRemaining()) {
        throw new SerializationException("dedup entry: " + in.remaining() + " bytes after its end");
      }
      return new DedupEntry(a, ids, seenAt);
    } catch (java.nio.BufferUnderflowException | IllegalArgumentException e) {
      throw new SerializationException("dedup entry cut short or corrupt (" + b.length + " bytes)", e);
    }
  }

  private static void string(RecordBuffer out, String s) {
    if (s == null) {
      out.write(NULL);
    } else if (isId(s)) {
      out.write(ID);
      out.write(s.charAt(0));
      long v = 0;
      for (int i = 2; i < 18; i++) {
        v = v << 4 | Character.digit(s.charAt(i), 16);
      }
      out.writeLong(v);
    } else if (isHex(s)) {
      out.write(HEX);
      varint(out, s.length() / 2);
      for (int i = 0; i < s.length(); i += 2) {
        out.write(Character.digit(s.charAt(i), 16) << 4 | Character.digit(s.charAt(i + 1), 16));
      }
    } else {
      byte[] u = s.getBytes(StandardCharsets.UTF_8);
      out.write(UTF8);
      varint(out, u.length);
      out.write(u);
    }
  }

  /** A string of an entry; ids and UTF-8 strings given by {@code pool} (equal, shared when decoded before). */
  private static String string(ByteBuffer in, DecodedStrings pool) {
    byte kind = in.get();
    switch (kind) {
      case NULL:
        return null;
      case ID: {
        byte prefix = in.get();
        return pool.id(prefix, in.getLong());
      }
      case HEX: {
        int n = varint(in);
        StringBuilder sb = new StringBuilder(n * 2);
        for (int i = 0; i < n; i++) {
          int v = in.get() & 0xFF;
          sb.append(Character.forDigit(v >> 4, 16)).append(Character.forDigit(v & 15, 16));
        }
        return sb.toString();
      }
      case UTF8: {
        int n = varint(in);
        String s = pool.utf8(in.array(), in.arrayOffset() + in.position(), n);
        in.position(in.position() + n);
        return s;
      }
      default:
        throw new IllegalArgumentException("string of unknown kind " + kind);
    }
  }

  /** {@code x-} and 16 lower-case hex digits: an article, story or alert id. */
  static boolean isId(String s) {
    if (s.length() != 18 || s.charAt(1) != '-' || s.charAt(0) < 'a' || s.charAt(0) > 'z') {
      return false;
    }
    for (int i = 2; i < 18; i++) {
      if (!hexDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isHex(String s) {
    if (s.isEmpty() || s.length() % 2 != 0) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!hexDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean hexDigit(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  }

  private static void strings(RecordBuffer out, List<String> list) {
    varint(out, list.size());
    for (String s : list) {
      string(out, s);
    }
  }

  /**
   * A list of strings, unmodifiable as the entry's records make it (built once: the records keep it
   * as it is instead of copying it); null elements, which such a list cannot hold, in a list that the
   * records copy as before.
   */
  private static List<String> strings(ByteBuffer in, DecodedStrings pool) {
    int n = varint(in);
    if (n > in.remaining()) {
      throw new IllegalArgumentException("list longer than the entry");
    }
    String[] out = new String[n];
    boolean nulls = false;
    for (int i = 0; i < n; i++) {
      out[i] = string(in, pool);
      nulls |= out[i] == null;
    }
    return nulls ? java.util.Arrays.asList(out) : List.of(out);
  }

  private static void longs(RecordBuffer out, long[] values) {
    varint(out, values.length);
    for (long v : values) {
      out.writeLong(v);
    }
  }

  private static long[] longs(ByteBuffer in) {
    int n = varint(in);
    if (n * 8L > in.remaining()) {
      throw new IllegalArgumentException("array longer than the entry");
    }
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      out[i] = in.getLong();
    }
    return out;
  }

  private static void varint(RecordBuffer out, int v) {
    while ((v & ~0x7F) != 0) {
      out.write((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out.write(v);
  }

  private static int varint(ByteBuffer in) {
    int v = 0;
    for (int shift = 0; shift < 32; shift += 7) {
      byte b = in.get();
      v |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        if (v < 0) {
          throw new IllegalArgumentException("negative length");
        }
        return v;
      }
    }
    throw new IllegalArgumentException("varint too long");
  }
}
