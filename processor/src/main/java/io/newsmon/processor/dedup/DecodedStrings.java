package io.newsmon.processor.dedup;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The strings of the dedup store's entries as they are decoded, each given as the string decoded last
 * time from the same bytes when that one is still in its slot: a direct-mapped table (one slot per
 * hash of the encoded form, the newest string replacing the one there), so decoding the same article
 * id, name key or topic again makes no new string. The dedup step decodes the same few thousand ids
 * (every bucket holds up to {@value Deduplicator#MAX_BUCKET}, and an article is filed in a few dozen)
 * and event keys (the articles of one story share their names, days and quantities) again and again;
 * the strings given out are equal to those decoded anew, only shared, which also lets the decoded
 * buckets and articles the state keeps in memory hold one copy of each. Not thread-safe: one per
 * thread ({@link #get}).
 */
final class DecodedStrings {

  /** Slots of each table: a power of two. */
  static final int SLOTS = 8192;

  private static final ThreadLocal<DecodedStrings> PER_THREAD = ThreadLocal.withInitial(() -> new DecodedStrings(SLOTS));
  private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private final int mask;
  // ids (a letter, '-', 16 hex digits): the letter and the 64-bit value
  private final String[] ids;
  private final long[] idValues;
  private final byte[] idPrefixes;
  // UTF-8 strings: their bytes and the string
  private final String[] texts;
  private final byte[][] textBytes;

  DecodedStrings(int slots) {
    if (Integer.bitCount(slots) != 1) {
      throw new IllegalArgumentException("slots must be a power of two, not " + slots);
    }
    mask = slots - 1;
    ids = new String[slots];
    idValues = new long[slots];
    idPrefixes = new byte[slots];
    texts = new String[slots];
    textBytes = new byte[slots][];
  }

  /** This thread's table. */
  static DecodedStrings get() {
    return PER_THREAD.get();
  }

  /** The id {@code prefix}, '-' and the 16 lower-case hex digits of {@code value}. */
  String id(byte prefix, long value) {
    long h = (value ^ prefix) * 0x9E3779B97F4A7C15L;
    int i = (int) (h >>> 40) & mask;
    String s = ids[i];
    if (s != null && idValues[i] == value && idPrefixes[i] == prefix) {
      return s;
    }
    byte[] id = new byte[18];
    id[0] = prefix;
    id[1] = '-';
    long v = value;
    for (int k = 17; k >= 2; k--, v >>>= 4) {
      id[k] = HEX_DIGITS[(int) (v & 15)];
    }
    s = new String(id, StandardCharsets.ISO_8859_1);
    ids[i] = s;
    idValues[i] = value;
    idPrefixes[i] = prefix;
    return s;
  }

  /** {@code new String(bytes, offset, length, UTF_8)}, or the equal string decoded before. */
  String utf8(byte[] bytes, int offset, int length) {
    if (offset < 0 || length < 0 || length > bytes.length - offset) {
      return new String(bytes, offset, length, StandardCharsets.UTF_8); // the exception the bytes deserve
    }
    int h = 1;
    for (int k = offset, end = offset + length; k < end; k++) {
      h = 31 * h + bytes[k];
    }
    h *= 0x9E3779B9;
    int i = (h ^ (h >>> 16)) & mask;
    byte[] known = textBytes[i];
    if (known != null && Arrays.equals(known, 0, known.length, bytes, offset, offset + length)) {
      return texts[i];
    }
    String s = new String(bytes, offset, length, StandardCharsets.UTF_8);
    texts[i] = s;
    textBytes[i] = Arrays.copyOfRange(bytes, offset, offset + length);
    return s;
  }
}
