package io.newsmon.processor.story;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.processor.text.LabelledTexts;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Numbers and numeric dates are read by hand; their patterns ({@link Quantities#NUMBER},
 * {@link MentionedDates#NUMERIC}) are the specification. Both readings must find the same matches
 * with the same parts, on the labelled prose and on random strings of digits and separators.
 */
class NumberReadingTest {

  private static List<String> texts() {
    List<String> texts = new ArrayList<>(LabelledTexts.all());
    Random random = new Random(3);
    String alphabet = "0123456789012345678901234567890123456789 ,.'-/%a\u066B\u066C\u00A0\u202F\u2009";
    for (int n = 0; n < 20_000; n++) {
      StringBuilder sb = new StringBuilder();
      int len = 1 + random.nextInt(30);
      for (int k = 0; k < len; k++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      texts.add(sb.toString());
    }
    for (int n = 0; n < 20_000; n++) {
      // date-shaped: digit runs of one to five digits joined by date separators
      StringBuilder sb = new StringBuilder();
      int parts = 1 + random.nextInt(5);
      for (int k = 0; k < parts; k++) {
        int len = 1 + random.nextInt(5);
        for (int d = 0; d < len; d++) {
          sb.append((char) ('0' + random.nextInt(10)));
        }
        sb.append("./- ,".charAt(random.nextInt(5)));
      }
      texts.add(sb.toString());
    }
    texts.add("1,234,567.89 1 234 567 12'345 ١٢٣٬٤٥٦ 1,2345 1,234,5678 2025-02-28 28.02.2025 1/2/2025 123.4.2025 "
        + "2025-02-288 1.1.20255 .5 ,5 5.");
    return texts;
  }

  @Test
  void numbersAreReadAsTheirPatternReadsThem() {
    int found = 0;
    for (String text : texts()) {
      for (int[] region : regions(text)) {
        List<List<Integer>> expected = new ArrayList<>();
        Matcher m = Quantities.NUMBER.matcher(text);
        int pos = region[0];
        while (patternAtDigit(m, text, pos, region[0], region[1], ".,")) {
          pos = m.end();
          expected.add(List.of(m.start(), m.end(1), m.end()));
        }
        List<List<Integer>> actual = new ArrayList<>();
        int[] r = new int[3];
        pos = region[0];
        while (Quantities.nextNumber(text, pos, region[0], region[1], r)) {
          pos = r[2];
          actual.add(List.of(r[0], r[1], r[2]));
        }
        assertThat(actual).as("numbers of [%s] in %s", text.substring(region[0], region[1]), List.of(region[0], region[1]))
            .isEqualTo(expected);
        found += actual.size();
      }
    }
    assertThat(found).isGreaterThan(10_000);
  }

  @Test
  void numericDatesAreReadAsTheirPatternReadsThem() {
    int found = 0;
    for (String text : texts()) {
      for (int[] region : regions(text)) {
        List<List<Integer>> expected = new ArrayList<>();
        Matcher m = MentionedDates.NUMERIC.matcher(text);
        int pos = region[0];
        while (patternAtDigit(m, text, pos, region[0], region[1], ".")) {
          pos = m.end();
          expected.add(m.group(1) != null
              ? List.of(m.start(), m.end(), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))
              : List.of(m.start(), m.end(), Integer.parseInt(m.group(6)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(4))));
        }
        List<List<Integer>> actual = new ArrayList<>();
        int[] r = new int[5];
        pos = region[0];
        while (MentionedDates.nextNumericDate(text, pos, region[0], region[1], r)) {
          pos = r[1];
          actual.add(List.of(r[0], r[1], r[2], r[3], r[4]));
        }
        assertThat(actual).as("dates of [%s]", text.substring(region[0], region[1])).isEqualTo(expected);
        found += actual.size();
      }
    }
    assertThat(found).isGreaterThan(200);
  }

  /** The whole text and a few inner spans (the readers see only their span, as a region). */
  private static List<int[]> regions(String text) {
    List<int[]> out = new ArrayList<>();
    out.add(new int[] {0, text.length()});
    int n = text.length();
    if (n > 4) {
      out.add(new int[] {1, n - 1});
      out.add(new int[] {n / 3, 2 * n / 3});
    }
    return out;
  }

  /**
   * The plain reading: {@code m.find()} tried only at an ASCII digit not preceded (inside the
   * region) by a digit or one of {@code notBefore}, as the readers did before they read by hand.
   */
  private static boolean patternAtDigit(Matcher m, CharSequence s, int pos, int lo, int hi, String notBefore) {
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
}
