package io.newsmon.common.util;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Stable hashes and the deterministic ids built from them. */
public final class Hashing {

  private Hashing() {}

  public static String sha256Hex(String s) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** An article's id: the first 16 hex digits of the SHA-256 of its canonical URL. */
  public static String articleId(String canonicalUrl) {
    return "a-" + sha256Hex(canonicalUrl).substring(0, 16);
  }

  /** An id made of the first 16 hex digits of the SHA-256 of the parts joined by NUL. */
  public static String id(String prefix, String... parts) {
    return prefix + "-" + sha256Hex(String.join("\u0000", parts)).substring(0, 16);
  }
}
