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
 */
public final class DatasetSplit {

  /** Which part of a set to run. */
  public enum Part { DEV, TEST, ALL }

  private DatasetSplit() {}

  public static boolean isTest(String id) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
      int v = ((h[0] & 0xff) << 8) | (h[1] & 0xff);
      return v % 100 < 30;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  public static boolean in(Part part, String id) {
    return switch (part) {
      case ALL -> true;
      case TEST -> isTest(id);
      case DEV -> !isTest(id);
    };
  }
}
