package io.newsmon.common.lifecycle;

import java.time.Duration;

/**
 * Exponential back-off: the wait after the {@code n}-th failure in a row is {@code base × 2^(n-1)},
 * at most {@code max}, and never shorter than a Retry-After the other side asked for. Used by the
 * ingestor for a failing source and by the sink's webhook between attempts.
 */
public record Backoff(Duration base, Duration max) {

  public Backoff {
    if (base == null || max == null || base.isNegative() || max.isNegative()) {
      throw new IllegalArgumentException("back-off durations must be given and not negative");
    }
  }

  /** The wait after the {@code n}-th failure in a row (n ≥ 1; smaller n count as 1). */
  public Duration delay(int n) {
    return delay(n, null);
  }

  /** The wait after the {@code n}-th failure in a row, at least {@code retryAfter} when not null. */
  public Duration delay(int n, Duration retryAfter) {
    Duration d = base.multipliedBy(1L << Math.min(20, Math.max(0, n - 1)));
    if (d.compareTo(max) > 0) {
      d = max;
    }
    if (retryAfter != null && retryAfter.compareTo(d) > 0) {
      d = retryAfter;
    }
    return d;
  }
}
