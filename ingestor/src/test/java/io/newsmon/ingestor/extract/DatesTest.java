package io.newsmon.ingestor.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DatesTest {

  @Test
  void readsTheCommonForms() {
    assertThat(Dates.parse("2025-03-04T10:30:00+01:00")).isEqualTo(Instant.parse("2025-03-04T09:30:00Z"));
    assertThat(Dates.parse("2025-03-04T10:30:00.123Z")).isEqualTo(Instant.parse("2025-03-04T10:30:00.123Z"));
    assertThat(Dates.parse("2025-03-04 10:30")).isEqualTo(Instant.parse("2025-03-04T10:30:00Z"));
    assertThat(Dates.parse("2025-03-04")).isEqualTo(Instant.parse("2025-03-04T00:00:00Z"));
    assertThat(Dates.parse("Tue, 4 Mar 2025 09:30:00 GMT")).isEqualTo(Instant.parse("2025-03-04T09:30:00Z"));
    assertThat(Dates.parse("2025-03-04T10:30:00+0500")).isEqualTo(Instant.parse("2025-03-04T05:30:00Z"));
    assertThat(Dates.parse("1741080600")).isEqualTo(Instant.parse("2025-03-04T09:30:00Z"));
  }

  @Test
  void nonsenseIsNull() {
    assertThat(Dates.parse("yesterday")).isNull();
    assertThat(Dates.parse("")).isNull();
    assertThat(Dates.parse(null)).isNull();
    assertThat(Dates.parse("2025-13-45")).isNull();
  }
}
