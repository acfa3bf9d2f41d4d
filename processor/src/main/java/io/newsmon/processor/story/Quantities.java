package io.newsmon.processor.story;

import io.newsmon.processor.text.TextNormalizer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Numbers and quantities of a text in one normal form, whatever the digits, separators and scale
 * words: {@code 400 000}, {@code 400,000}, {@code 400.000}, {@code 400 тыс.}, {@code 400 мың},
 * {@code ٤٠٠ ألف} and {@code 0.4 million} are all {@code 400000}; percentages end in {@code %}.
 * Years (1900–2100 without a scale word), numbers below 10 without a scale word, and the spans of
 * dates are left out.
 */
public final class Quantities {

  /**
   * Digit groups: thousands separators (space, no-break spaces, comma, dot, apostrophe) or a plain
   * run. The specification of {@link #nextNumber}, which reads it by hand.
   */
  static final Pattern NUMBER = Pattern.compile(
      "(?<![\\d.,])(\\d{1,3}(?:[ \u00A0\u202F\u2009,.'\u066C](?:\\d{3}))+(?![\\d])|\\d+)(?:[.,\u066B](\\d+))?(?![\\d])");
  /** Folded scale words (prefixes of three or more letters) and their factor. */
  static final Map<String, BigDecimal> SCALE = new java.util.HashMap<>();

  static {
    scale(1_000L, "thousand", "mille", "millier", "тыс", "мың", "الف", "الاف", "bin");
    scale(1_000_000L, "million", "millon", "млн", "миллион", "مليون", "ملايين", "milyon", "mln");
    scale(1_000_000_000L, "billion", "milliard", "млрд", "миллиард", "مليار", "bln", "milyar");
    scale(1_000_000_000_000L, "trillion", "трлн", "триллион");
  }

  /** The first three chars of each scale word ({@link #start3}), sorted. */
  private static final long[] SCALE_STARTS = SCALE.keySet().stream().mapToLong(Quantities::start3).sorted().toArray();

  private static long start3(String w) {
    return ((long) w.charAt(0) << 32) | ((long) w.charAt(1) << 16) | w.charAt(2);
  }

  private static void scale(long factor, String... words) {
    for (String w : words) {
      SCALE.put(w, BigDecimal.valueOf(factor));
    }
  }

  /** Spanish "mil" (thousand) is a whole word; "mil millones" is a billion. */
  static final BigDecimal THOUSAND = BigDecimal.valueOf(1_000L);
  static final List<String> PERCENT = List.of("%", "percent", "pour cent", "por ciento", "процент",
      "пайыз", "بالمئه", "بالمائه", "في المئه", "في المائه", "٪");

  /** The first chars of the {@link #PERCENT} words. */
  private static final String PERCENT_STARTS = PERCENT.stream().map(p -> p.substring(0, 1)).distinct()
      .collect(java.util.stream.Collectors.joining());

  private Quantities() {}

  /**
   * The quantities in {@code text} between {@code from} and {@code to}, in order, outside the
   * {@code excluded} spans ({@code [start, end)} pairs, e.g. dates).
   */
  public static List<String> find(String text, int from, int to, List<int[]> excluded) {
    List<String> out = new ArrayList<>();
    // the text itself when the span has ASCII digits only, else a copy with ASCII digits (same length)
    String digits = text;
    int base = 0;
    if (hasOtherDigits(text, from, to)) {
      digits = asciiDigits(text, from, to);
      base = from;
    }
    int lo = from - base;
    int hi = to - base;
    int[] m = new int[3];
    int pos = lo;
    while (nextNumber(digits, pos, lo, hi, m)) {
      int mStart = m[0];
      int wholeEnd = m[1];
      int mEnd = m[2];
      pos = mEnd;
      int start = base + mStart;
      if (inside(start, excluded)) {
        continue;
      }
      String q = quantity(digits, mStart, wholeEnd, mEnd, hi);
      if (q == null) {
        continue;
      }
      if (!out.contains(q)) {
        out.add(q);
      }
    }
    return out;
  }

  /**
   * The quantity of the number {@code s[start, mEnd)} (whole part up to {@code wholeEnd}) read with
   * the words after it (up to 24 characters, not beyond {@code hi}), or null when it is left out.
   * Integers are read as {@code long}s, numbers with a fraction (or too long for one) as {@link BigDecimal}s;
   * the words after the number are folded only when there are some, without copying the rest.
   */
  private static String quantity(String s, int start, int wholeEnd, int mEnd, int hi) {
    int afterEnd = Math.min(hi, mEnd + 24);
    int wholeDigits = 0;
    for (int i = start; i < wholeEnd; i++) {
      if (isAsciiDigit(s.charAt(i))) {
        wholeDigits++;
      }
    }
    int group1 = wholeEnd - start;
    boolean fraction = mEnd > wholeEnd;
    boolean merged = fraction && mEnd - wholeEnd - 1 == 3 && group1 <= 3; // 400.000: a thousands group
    // the next word: letters after spaces
    int w = mEnd;
    while (w < afterEnd && (s.charAt(w) == ' ' || s.charAt(w) == '\u00A0' || s.charAt(w) == '\u202F')) {
      w++;
    }
    int wEnd = w;
    while (wEnd < afterEnd && Character.isLetter(s.charAt(wEnd))) {
      wEnd++;
    }
    String next = wEnd == w ? "" : TextNormalizer.fold(s, w, wEnd);
    BigDecimal scale = next.isEmpty() ? null : scaleOf(next, s.substring(mEnd, afterEnd));
    boolean percent = percentSign(s, mEnd, afterEnd) || isPercentWord(next, s, mEnd, afterEnd);
    if ((!fraction || merged) && wholeDigits + (merged ? 3 : 0) <= 18) {
      long v = 0;
      for (int i = start; i < (merged ? mEnd : wholeEnd); i++) {
        char c = s.charAt(i);
        if (isAsciiDigit(c)) {
          v = v * 10 + (c - '0');
        }
      }
      if (scale == null && !percent) {
        boolean year = !merged && wholeDigits == 4 && v >= 1900 && v <= 2100 && group1 == 4;
        if (year || v < 10) {
          return null;
        }
      }
      if (scale != null) {
        long factor = scale.longValueExact();
        if (v != 0 && Math.abs(v) > Long.MAX_VALUE / factor) {
          return BigDecimal.valueOf(v).multiply(scale).toPlainString() + (percent ? "%" : "");
        }
        v *= factor;
      }
      return v + (percent ? "%" : "");
    }
    String whole = asciiDigitsOnly(s.substring(start, wholeEnd));
    String frac = fraction ? s.substring(wholeEnd + 1, mEnd) : null;
    if (merged) {
      whole = whole + frac;
      frac = null;
    }
    BigDecimal v = new BigDecimal(frac == null ? whole : whole + "." + frac);
    if (scale == null && !percent) {
      boolean year = frac == null && whole.length() == 4 && v.intValue() >= 1900 && v.intValue() <= 2100
          && group1 == 4;
      if (year || v.compareTo(BigDecimal.TEN) < 0) {
        return null;
      }
    }
    if (scale != null) {
      v = v.multiply(scale);
    }
    return v.stripTrailingZeros().toPlainString() + (percent ? "%" : "");
  }

  /** {@code s[at, limit)} starts with {@code %}, {@code " %"}, a no-break space and {@code %}, or {@code ٪}. */
  private static boolean percentSign(String s, int at, int limit) {
    if (at >= limit) {
      return false;
    }
    char c = s.charAt(at);
    return c == '%' || c == '٪' || ((c == ' ' || c == '\u00A0') && at + 1 < limit && s.charAt(at + 1) == '%');
  }

  /** {@code s[at, limit)} starts with {@code p}. */
  private static boolean startsWith(String s, int at, int limit, String p) {
    return at + p.length() <= limit && s.startsWith(p, at);
  }

  /**
   * The next word is a percent word, or the text after the number, without white space (as
   * {@link String#trim} takes it), starts with one.
   */
  private static boolean isPercentWord(String next, String s, int from, int to) {
    int k = from;
    while (k < to && s.charAt(k) <= ' ') {
      k++;
    }
    if ((next.isEmpty() || PERCENT_STARTS.indexOf(next.charAt(0)) < 0)
        && (k == to || PERCENT_STARTS.indexOf(s.charAt(k)) < 0)) {
      return false; // neither the word nor the trimmed text starts as a percent word does
    }
    for (String p : PERCENT) {
      // each percent word ends in a character trim keeps, so the trimmed text starts with it when
      // the text from its first kept character does
      if (next.equals(p) || startsWith(s, k, to, p)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasOtherDigits(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c >= 0x0660 && Character.isDigit(c)) { // no decimal digit below U+0660 but ASCII's
        return true;
      }
    }
    return false;
  }

  /**
   * The next number of {@link #NUMBER} in {@code s[lo, hi)} from {@code pos}, read by hand: the
   * pattern is kept as its specification (and the tests compare the two). Fills {@code m} with the
   * start, the end of the whole part (group 1) and the end of the match; false when there is none.
   */
  static boolean nextNumber(String s, int pos, int lo, int hi, int[] m) {
    for (int i = Math.max(pos, lo); i < hi; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        continue;
      }
      if (i > lo) {
        char p = s.charAt(i - 1);
        if ((p >= '0' && p <= '9') || p == '.' || p == ',') {
          continue;
        }
      }
      int run = i;
      while (run < hi && isAsciiDigit(s.charAt(run))) {
        run++;
      }
      int whole = run;
      if (run - i <= 3) {
        // digit groups: a separator and exactly three digits, as many as there are, not followed by a digit
        int q = run;
        int groups = 0;
        while (q + 3 < hi && isGroupSeparator(s.charAt(q)) && isAsciiDigit(s.charAt(q + 1))
            && isAsciiDigit(s.charAt(q + 2)) && isAsciiDigit(s.charAt(q + 3))) {
          q += 4;
          groups++;
        }
        if (groups > 0 && q < hi && isAsciiDigit(s.charAt(q))) {
          q -= 4;
          groups--;
        }
        if (groups > 0) {
          whole = q;
        }
      }
      int end = whole;
      if (whole + 1 < hi && (s.charAt(whole) == '.' || s.charAt(whole) == ',' || s.charAt(whole) == '\u066B')
          && isAsciiDigit(s.charAt(whole + 1))) {
        end = whole + 1;
        while (end < hi && isAsciiDigit(s.charAt(end))) {
          end++;
        }
      }
      m[0] = i;
      m[1] = whole;
      m[2] = end;
      return true;
    }
    return false;
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isGroupSeparator(char c) {
    return c == ' ' || c == '\u00A0' || c == '\u202F' || c == '\u2009' || c == ',' || c == '.' || c == '\''
        || c == '\u066C';
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
    if (next.length() < 3 || Arrays.binarySearch(SCALE_STARTS, start3(next)) < 0) {
      return null; // no scale word starts with the word's first three letters
    }
    for (int len = Math.min(next.length(), 8); len >= 3; len--) {
      BigDecimal s = SCALE.get(next.substring(0, len));
      if (s != null) {
        return s;
      }
    }
    return null;
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
