package io.newsmon.processor.story;

import io.newsmon.processor.text.TextNormalizer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers and quantities of a text in one normal form, whatever the digits, separators and scale
 * words: {@code 400 000}, {@code 400,000}, {@code 400.000}, {@code 400 тыс.}, {@code 400 мың},
 * {@code ٤٠٠ ألف} and {@code 0.4 million} are all {@code 400000}; percentages end in {@code %}.
 * Years (1900–2100 without a scale word), numbers below 10 without a scale word, and the spans of
 * dates are left out.
 */
public final class Quantities {

  /** Digit groups: thousands separators (space, no-break spaces, comma, dot, apostrophe) or a plain run. */
  private static final Pattern NUMBER = Pattern.compile(
      "(?<![\\d.,])(\\d{1,3}(?:[ \u00A0\u202F\u2009,.'\u066C](?:\\d{3}))+(?![\\d])|\\d+)(?:[.,\u066B](\\d+))?(?![\\d])");
  /** Folded scale words (prefixes of three or more letters) and their factor. */
  private static final Map<String, BigDecimal> SCALE = new java.util.HashMap<>();

  static {
    scale(1_000L, "thousand", "mille", "millier", "тыс", "мың", "الف", "الاف", "bin");
    scale(1_000_000L, "million", "millon", "млн", "миллион", "مليون", "ملايين", "milyon", "mln");
    scale(1_000_000_000L, "billion", "milliard", "млрд", "миллиард", "مليار", "bln", "milyar");
    scale(1_000_000_000_000L, "trillion", "трлн", "триллион");
  }

  private static void scale(long factor, String... words) {
    for (String w : words) {
      SCALE.put(w, BigDecimal.valueOf(factor));
    }
  }

  /** Spanish "mil" (thousand) is a whole word; "mil millones" is a billion. */
  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1_000L);
  private static final List<String> PERCENT = List.of("%", "percent", "pour cent", "por ciento", "процент",
      "пайыз", "بالمئه", "بالمائه", "في المئه", "في المائه", "٪");

  private Quantities() {}

  /**
   * The quantities in {@code text} between {@code from} and {@code to}, in order, outside the
   * {@code excluded} spans ({@code [start, end)} pairs, e.g. dates).
   */
  public static List<String> find(String text, int from, int to, List<int[]> excluded) {
    List<String> out = new ArrayList<>();
    String digits = asciiDigits(text, from, to);
    Matcher m = NUMBER.matcher(digits);
    int pos = 0;
    while (findAtDigit(m, digits, pos, 0, digits.length(), ".,")) {
      pos = m.end();
      int start = from + m.start();
      if (inside(start, excluded)) {
        continue;
      }
      String whole = asciiDigitsOnly(m.group(1));
      String frac = m.group(2);
      if (frac != null && frac.length() == 3 && m.group(1).length() <= 3) {
        // 400.000 / 400,000: a thousands group, not a fraction
        whole = whole + frac;
        frac = null;
      }
      BigDecimal v = new BigDecimal(frac == null ? whole : whole + "." + frac);
      String after = digits.substring(m.end(), Math.min(digits.length(), m.end() + 24));
      String next = nextWord(after);
      BigDecimal scale = scaleOf(next, after);
      String trimmed = after.trim();
      boolean percent = after.startsWith("%") || after.startsWith(" %") || after.startsWith("\u00A0%")
          || after.startsWith("٪") || PERCENT.stream().anyMatch(p -> next.equals(p) || trimmed.startsWith(p));
      if (scale == null && !percent) {
        boolean year = frac == null && whole.length() == 4 && v.intValue() >= 1900 && v.intValue() <= 2100
            && m.group(1).length() == 4;
        if (year || v.compareTo(BigDecimal.TEN) < 0) {
          continue;
        }
      }
      if (scale != null) {
        v = v.multiply(scale);
      }
      String q = v.stripTrailingZeros().toPlainString() + (percent ? "%" : "");
      if (!out.contains(q)) {
        out.add(q);
      }
    }
    return out;
  }

  /**
   * {@code m.find()} from {@code pos} for a pattern whose every match starts with an ASCII digit not
   * preceded (inside {@code [lo, hi)}) by a digit or one of {@code notBefore}: only such positions
   * are tried, instead of the regex engine testing the look-behind at every character. Afterwards
   * {@code m} holds the match (absolute offsets).
   */
  static boolean findAtDigit(Matcher m, CharSequence s, int pos, int lo, int hi, String notBefore) {
    for (int i = Math.max(pos, lo); i < hi; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        continue;
      }
      if (i > lo) {
        char p = s.charAt(i - 1);
        if ((p >= '0' && p <= '9') || notBefore.indexOf(p) >= 0) {
          continue;
        }
      }
      m.region(i, hi);
      if (m.lookingAt()) {
        return true;
      }
    }
    return false;
  }

  private static String asciiDigitsOnly(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static BigDecimal scaleOf(String next, String after) {
    if (next.isEmpty()) {
      return null;
    }
    if (next.equals("mil")) {
      String rest = after.substring(after.indexOf("mil") + 3).trim();
      return rest.startsWith("millon") ? BigDecimal.valueOf(1_000_000_000L) : THOUSAND;
    }
    for (int len = Math.min(next.length(), 8); len >= 3; len--) {
      BigDecimal s = SCALE.get(next.substring(0, len));
      if (s != null) {
        return s;
      }
    }
    return null;
  }

  /** The folded first word of {@code s}, or "". */
  private static String nextWord(String s) {
    int i = 0;
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\u00A0' || s.charAt(i) == '\u202F')) {
      i++;
    }
    int j = i;
    while (j < s.length() && Character.isLetter(s.charAt(j))) {
      j++;
    }
    return j == i ? "" : TextNormalizer.fold(s.substring(i, j));
  }

  private static boolean inside(int pos, List<int[]> spans) {
    for (int[] s : spans) {
      if (pos >= s[0] && pos < s[1]) {
        return true;
      }
    }
    return false;
  }

  /** The text between the bounds with every decimal digit as an ASCII digit (same length). */
  static String asciiDigits(String text, int from, int to) {
    char[] c = text.substring(from, to).toCharArray();
    for (int i = 0; i < c.length; i++) {
      if (c[i] >= 0x80 && Character.isDigit(c[i])) {
        c[i] = (char) ('0' + Character.digit(c[i], 10));
      }
    }
    return new String(c);
  }
}
