package io.newsmon.processor.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The parts of a key read in place (after its tag) are what reading the substring gave: amounts, days,
 * hash codes and equality.
 */
class KeyPartsTest {

  @Test
  void anAmountReadInPlaceIsWhatTheNumberParserGivesForTheSubstring() {
    for (String v : List.of("0", "7", "007", "400000", "123456789012345", "1234567890123456", "99999999999999999999",
        "41.2", "-5", "1e3", "4%", "", "12a", "0x10", " 12", "Infinity", "NaN", "1_000")) {
      String key = "q:" + v;
      double expected = StoryMatcher.amount(v);
      double got = StoryMatcher.amount(key, 2);
      assertThat(Double.doubleToRawLongBits(got)).as(v).isEqualTo(Double.doubleToRawLongBits(expected));
    }
    assertThat(StoryMatcher.amount("q:400000", 2)).isEqualTo(400_000.0);
    assertThat(StoryMatcher.amount("q:5%", 2)).isNaN();
  }

  @Test
  void aDayReadInPlaceIsTheEpochDayOfTheSubstring() {
    for (String v : List.of("2026-03-06", "1999-12-31", "2024-02-29", "0001-01-01")) {
      assertThat(StoryMatcher.epochDay("p:" + v, 2)).isEqualTo(LocalDate.parse(v).toEpochDay());
    }
    assertThatThrownBy(() -> StoryMatcher.epochDay("t:2025-02-29", 2)).isInstanceOf(java.time.DateTimeException.class);
    assertThatThrownBy(() -> StoryMatcher.epochDay("t:06/03/2026", 2))
        .isInstanceOf(java.time.format.DateTimeParseException.class);
  }

  @Test
  void hashesAndEqualityOfKeyPartsAreThoseOfTheSubstrings() {
    List<String> keys = List.of("n:brt", "n:~brt", "n:\u0628\u0648\u0631", "n:~\u0628\u0648\u0631", "q:", "n:~", "n:b");
    for (String a : keys) {
      for (int from = 2; from <= Math.min(3, a.length()); from++) {
        assertThat(StoryMatcher.hash(a, from)).isEqualTo(a.substring(from).hashCode());
        for (String b : keys) {
          for (int bFrom = 2; bFrom <= Math.min(3, b.length()); bFrom++) {
            assertThat(StoryMatcher.same(a, from, b, bFrom)).as(a + "@" + from + " vs " + b + "@" + bFrom)
                .isEqualTo(a.substring(from).equals(b.substring(bFrom)));
          }
        }
      }
    }
  }
}
