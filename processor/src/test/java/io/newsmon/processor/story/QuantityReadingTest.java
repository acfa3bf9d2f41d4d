package io.newsmon.processor.story;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.processor.text.LabelledTexts;
import io.newsmon.processor.text.TextNormalizer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Quantities#find} reads integers as {@code long}s and looks at the words after a number
 * without copying them; the plain reading kept here ({@link BigDecimal} for every number, the words
 * after it copied, trimmed and folded) is its specification. Both must give the same quantities on
 * the labelled prose and on random strings of digits, separators, scale and percent words.
 */
class QuantityReadingTest {

  @Test
  void quantitiesAreWhatThePlainReadingGives() {
    List<String> texts = new ArrayList<>(LabelledTexts.all());
    Random random = new Random(8);
    String[] pieces = {"0", "1", "2", "3", "5", "7", "9", "19", "20", "205", "1999", "2024", "2101", "400", "000",
        "999999999", "123456789012", "9223372036854", " ", " ", "\u00A0", "\u202F", "\t", ",", ".", "'", "\u066B",
        "\u066C", "%", "٪", "a", "mil", "mil millones", "millones", "thousand", "million", "Million", "MILLIARD",
        "млн", "тыс.", "مليون", "ألف", "trillion", "bin", "milyar", "percent", "pour cent", "por ciento",
        "процент", "بالمئه", "في المئه", "١٢٣", "٤٥٦", "x", "é"};
    for (int n = 0; n < 30_000; n++) {
      StringBuilder sb = new StringBuilder();
      int len = 1 + random.nextInt(12);
      for (int k = 0; k < len; k++) {
        sb.append(pieces[random.nextInt(pieces.length)]);
      }
      texts.add(sb.toString());
    }
    int found = 0;
    for (String text : texts) {
      List<int[]> excluded = List.of(new int[] {text.length() / 3, text.length() / 2});
      for (int[] region : new int[][] {{0, text.length()}, {text.length() / 4, text.length()}}) {
        List<String> expected = plain(text, region[0], region[1], excluded);
        assertThat(Quantities.find(text, region[0], region[1], excluded))
            .as("quantities of [%s]", text.substring(region[0], region[1])).isEqualTo(expected);
        found += expected.size();
      }
    }
    assertThat(found).isGreaterThan(20_000);
  }

  /** The plain reading: every number a {@link BigDecimal}, the 24 characters after it copied. */
  private static List<String> plain(String text, int from, int to, List<int[]> excluded) {
    List<String> out = new ArrayList<>();
    String digits = Quantities.asciiDigits(text, from, to);
    int base = from;
    int hi = to - base;
    int[] m = new int[3];
    int pos = 0;
    while (Quantities.nextNumber(digits, pos, 0, hi, m)) {
      pos = m[2];
      int start = base + m[0];
      boolean inside = false;
      for (int[] s : excluded) {
        inside |= start >= s[0] && start < s[1];
      }
      if (inside) {
        continue;
      }
      String group1 = digits.substring(m[0], m[1]);
      String whole = group1.replaceAll("[^0-9]", "");
      String frac = m[2] > m[1] ? digits.substring(m[1] + 1, m[2]) : null;
      if (frac != null && frac.length() == 3 && group1.length() <= 3) {
        whole = whole + frac;
        frac = null;
      }
      BigDecimal v = new BigDecimal(frac == null ? whole : whole + "." + frac);
      String after = digits.substring(m[2], Math.min(hi, m[2] + 24));
      String next = after.replaceFirst("^[ \u00A0\u202F]*", "").replaceFirst("(?s)^(\\p{IsLetter}*).*", "$1");
      next = next.chars().allMatch(Character::isLetter) ? TextNormalizer.fold(next) : "";
      BigDecimal scale = null;
      if (next.equals("mil")) {
        scale = after.substring(after.indexOf("mil") + 3).trim().startsWith("millon")
            ? BigDecimal.valueOf(1_000_000_000L) : Quantities.THOUSAND;
      } else {
        for (int len = Math.min(next.length(), 8); len >= 3 && scale == null; len--) {
          scale = Quantities.SCALE.get(next.substring(0, len));
        }
      }
      boolean percent = after.startsWith("%") || after.startsWith(" %") || after.startsWith("\u00A0%")
          || after.startsWith("٪");
      for (String p : Quantities.PERCENT) {
        percent |= next.equals(p) || after.trim().startsWith(p);
      }
      if (scale == null && !percent) {
        boolean year = frac == null && whole.length() == 4 && v.intValue() >= 1900 && v.intValue() <= 2100
            && group1.length() == 4;
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
}
