package io.newsmon.processor.fingerprint;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The near-duplicate signature of one text.
 *
 * @param simhash 64-bit SimHash over the word shingles of the text's content sentences
 * @param sample shingle hashes selected by value (about one in {@link Fingerprinter#SAMPLE_MODULUS}),
 *     sorted: the same shingle is selected in every text containing it, so the share of one text's
 *     sample found in another's estimates how much of it the other contains
 * @param minima the smallest shingle hashes (at most {@link Fingerprinter#MINIMA}), used as lookup
 *     keys to find texts that contain or extend this one
 * @param shingles how many distinct shingles the text has
 * @param leading the smallest hashes of the text's first {@link Fingerprinter#LEADING_SHINGLES}
 *     shingles (at most {@link Fingerprinter#MINIMA}, sorted), lookup keys through which a truncated
 *     copy, which keeps the beginning but not the hashes that are smallest over the whole text,
 *     finds its original; empty in fingerprints written before
 */
public record Fingerprint(long simhash, long[] sample, long[] minima, int shingles, long[] leading) {

  public Fingerprint {
    leading = leading == null ? new long[0] : leading;
  }

  /** A fingerprint without leading hashes (as written before they existed). */
  public Fingerprint(long simhash, long[] sample, long[] minima, int shingles) {
    this(simhash, sample, minima, shingles, new long[0]);
  }

  public String hex() {
    return hex(simhash);
  }

  public static String hex(long v) {
    return HexFormat.of().toHexDigits(v);
  }

  public static long parseHex(String hex) {
    return Long.parseUnsignedLong(hex, 16);
  }

  /** Number of differing bits between two SimHashes. */
  public static int hamming(long a, long b) {
    return Long.bitCount(a ^ b);
  }

  /**
   * Share of the smaller sample found in the larger, in [0, 1]; 0 when either is empty.
   * Both arrays must be sorted.
   */
  public static double containment(long[] a, long[] b) {
    if (a.length == 0 || b.length == 0) {
      return 0;
    }
    long[] small = a.length <= b.length ? a : b;
    long[] large = small == a ? b : a;
    // both sorted: one merge walk instead of a binary search per value
    int found = 0;
    int i = 0;
    int j = 0;
    while (i < small.length && j < large.length) {
      long x = small[i];
      long y = large[j];
      if (x == y) {
        found++;
        i++;
        j++;
      } else if (x < y) {
        i++;
      } else {
        j++;
      }
    }
    return (double) found / small.length;
  }

  /**
   * {@link #containment} when it is at least {@code min}, else -1; stops as soon as too many values
   * of the smaller sample are missing for {@code min} to be reached. Both arrays must be sorted.
   */
  public static double containmentAtLeast(long[] a, long[] b, double min) {
    if (a.length == 0 || b.length == 0) {
      return min <= 0 ? 0 : -1;
    }
    long[] small = a.length <= b.length ? a : b;
    long[] large = small == a ? b : a;
    // most missing values allowed; counting them is exact, so the answer equals containment's
    int allowed = (int) Math.floor(small.length - min * small.length + 1e-9);
    int missing = 0;
    int found = 0;
    int i = 0;
    int j = 0;
    while (i < small.length) {
      long x = small[i];
      while (j < large.length && large[j] < x) {
        j++;
      }
      if (j < large.length && large[j] == x) {
        found++;
        j++;
      } else if (++missing > allowed) {
        return -1;
      }
      i++;
    }
    double c = (double) found / small.length;
    return c >= min ? c : -1;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fingerprint f && f.simhash == simhash && Arrays.equals(f.sample, sample)
        && Arrays.equals(f.minima, minima) && f.shingles == shingles && Arrays.equals(f.leading, leading);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(simhash) * 31 + Arrays.hashCode(sample);
  }

  @Override
  public String toString() {
    return "Fingerprint[" + hex() + ", sample=" + sample.length + ", shingles=" + shingles + "]";
  }
}
