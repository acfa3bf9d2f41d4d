package io.newsmon.ingestor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IngestorServiceTest {

  @Test
  void backOffDoublesIsCappedAndHonoursRetryAfter() {
    Duration base = Duration.ofMinutes(1);
    Duration max = Duration.ofMinutes(10);
    assertThat(IngestorService.backOffDelay(1, base, max, null)).isEqualTo(Duration.ofMinutes(1));
    assertThat(IngestorService.backOffDelay(2, base, max, null)).isEqualTo(Duration.ofMinutes(2));
    assertThat(IngestorService.backOffDelay(3, base, max, null)).isEqualTo(Duration.ofMinutes(4));
    assertThat(IngestorService.backOffDelay(30, base, max, null)).isEqualTo(max);
    assertThat(IngestorService.backOffDelay(1, base, max, Duration.ofMinutes(7))).isEqualTo(Duration.ofMinutes(7));
  }
}
