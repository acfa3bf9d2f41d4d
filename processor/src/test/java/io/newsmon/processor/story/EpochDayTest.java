package io.newsmon.processor.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The direct reading of event-key days gives what {@link LocalDate#parse} gives, failures included. */
class EpochDayTest {

  @Test
  void everyDayOfFourCenturiesReadsAsLocalDateReadsIt() {
    for (LocalDate d = LocalDate.parse("1900-01-01"); d.isBefore(LocalDate.parse("2300-01-01")); d = d.plusDays(1)) {
      String iso = d.toString();
      assertThat(StoryMatcher.epochDay(iso)).as(iso).isEqualTo(LocalDate.parse(iso).toEpochDay());
    }
  }

  @Test
  void otherFormsGoToTheGeneralParser() {
    for (String iso : new String[] {"0001-01-01", "9999-12-31", "+10000-01-01", "-0001-06-30", "2024-02-29"}) {
      assertThat(StoryMatcher.epochDay(iso)).as(iso).isEqualTo(LocalDate.parse(iso).toEpochDay());
    }
  }

  @Test
  void impossibleDaysFailAsTheyDidWithLocalDate() {
    for (String bad : new String[] {"2025-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-1-01", "20x6-01-01",
        "2026/01/01", "2026-01-0a", ""}) {
      assertThatThrownBy(() -> LocalDate.parse(bad)).isInstanceOf(DateTimeException.class);
      assertThatThrownBy(() -> StoryMatcher.epochDay(bad)).as(bad).isInstanceOf(DateTimeException.class);
    }
  }
}
