package io.newsmon.ingestor.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The fixed development / test split of a labelled page set: a page belongs to the test part when the
 * first two bytes of the SHA-256 of its id (the file name without {@code .html.gz}, UTF-8), read as an
 * unsigned big-endian number, modulo 100 are below 30. About 30 % of every set is test; the rule needs
 * no list and gives the same answer on any machine. Heuristics are developed on the dev part only; the
 * test part is scored once at the end.
 *
 * <p>Once the test part had been scored, a second held-out slice was cut from the dev part, so that a
 * later round of changes still has a figure on pages it was not tuned on: a dev page is <em>holdout</em>
 * when bytes three and four of the same hash, read the same way, modulo 100 are below 20 (about 14 % of
 * a set). The rest of the dev part is <em>tune</em>, the only part looked at while changing heuristics.
 * {@code DEV} stays the union of the two, so earlier dev figures remain comparable.
 */
public final class DatasetSplit {

  /** Which part of a set to run. */
  public enum Part { DEV, TUNE, HOLDOUT, TEST, ALL }

  private DatasetSplit() {}

  public static boolean isTest(String id) {
    return bucket(id, 0) < 30;
  }

  /** A dev page set apart after the first scoring of the test part (see the class comment). */
  public static boolean isHoldout(String id) {
    return !isTest(id) && bucket(id, 2) < 20;
  }

  /** Bytes {@code at} and {@code at + 1} of SHA-256(id), unsigned big-endian, modulo 100. */
  private static int bucket(String id, int at) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
      int v = ((h[at] & 0xff) << 8) | (h[at + 1] & 0xff);
      return v % 100;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  public static boolean in(Part part, String id) {
    return switch (part) {
      case ALL -> true;
      case TEST -> isTest(id);
      case DEV -> !isTest(id);
      case TUNE -> !isTest(id) && !isHoldout(id);
      case HOLDOUT -> isHoldout(id);
    };
  }
}
