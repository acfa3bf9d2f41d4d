package io.newsmon.common.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void backOffDoublesIsCappedAndHonoursRetryAfter() {
    Backoff b = new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(10));
    assertThat(b.delay(1)).isEqualTo(Duration.ofMinutes(1));
    assertThat(b.delay(2)).isEqualTo(Duration.ofMinutes(2));
    assertThat(b.delay(3, null)).isEqualTo(Duration.ofMinutes(4));
    assertThat(b.delay(30)).isEqualTo(Duration.ofMinutes(10));
    assertThat(b.delay(1000)).isEqualTo(Duration.ofMinutes(10));
    assertThat(b.delay(0)).as("n below 1 counts as the first failure").isEqualTo(Duration.ofMinutes(1));
    assertThat(b.delay(1, Duration.ofMinutes(7))).isEqualTo(Duration.ofMinutes(7));
    assertThat(b.delay(5, Duration.ofMinutes(7))).as("Retry-After shorter than the back-off")
        .isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void negativeDurationsAreRefused() {
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(-1), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
