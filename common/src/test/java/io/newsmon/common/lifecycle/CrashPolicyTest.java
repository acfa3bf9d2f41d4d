package io.newsmon.common.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class CrashPolicyTest {

  private static final RuntimeException BOOM = new IllegalStateException("boom");

  @Test
  void replacesUpToTheLimitWithinTheWindowThenShutsTheClientDown() {
    AtomicLong now = new AtomicLong();
    CrashPolicy p = new CrashPolicy("test", 2, Duration.ofMinutes(10), now::get);
    assertThat(p.handle(BOOM)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    now.addAndGet(Duration.ofMinutes(1).toNanos());
    assertThat(p.handle(BOOM)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    now.addAndGet(Duration.ofMinutes(1).toNanos());
    assertThat(p.handle(BOOM)).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
  }

  @Test
  void failuresOutsideTheWindowAreForgotten() {
    AtomicLong now = new AtomicLong();
    CrashPolicy p = new CrashPolicy("test", 2, Duration.ofMinutes(10), now::get);
    for (int i = 0; i < 10; i++) {
      assertThat(p.handle(BOOM)).as("failure %d, 6 minutes after the one before", i)
          .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
      now.addAndGet(Duration.ofMinutes(6).toNanos());
    }
  }

  @Test
  void zeroReplacementsShutsDownAtOnce() {
    CrashPolicy p = new CrashPolicy("test", 0, Duration.ofMinutes(10), System::nanoTime);
    assertThat(p.handle(BOOM)).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
  }
}
