package io.newsmon.common.lifecycle;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What newsmon's Streams applications do when a stream thread dies of an exception (the same for the
 * processor and the sink, see docs/decisions/0014-one-lifecycle.md): the thread is replaced, since
 * most such failures are transient (a broker being replaced, a task migrated under load, a timeout);
 * but when more than {@link #MAX_REPLACEMENTS} threads died within {@link #WINDOW}, the failure is
 * taken as lasting and the whole client is shut down with an error in the log. The component then
 * reports {@link Component.State#FAILED} and {@link RunUntilStopped} exits with status 1, so a
 * supervisor (systemd, Kubernetes) restarts the process instead of it looping on the same error.
 *
 * <p>Bad records never get here: they become dead letters in the topology.
 */
public final class CrashPolicy implements StreamsUncaughtExceptionHandler {

  /** Stream threads replaced within {@link #WINDOW} before the client is shut down. */
  public static final int MAX_REPLACEMENTS = 3;
  /** The window in which failures are counted. */
  public static final Duration WINDOW = Duration.ofMinutes(10);

  private static final Logger LOG = LoggerFactory.getLogger(CrashPolicy.class);

  private final String component;
  private final int maxReplacements;
  private final long windowNanos;
  private final LongSupplier nanoClock;
  private final Deque<Long> failures = new ArrayDeque<>();

  /** The policy of {@code component} with the defaults ({@value #MAX_REPLACEMENTS} per 10 minutes). */
  public CrashPolicy(String component) {
    this(component, MAX_REPLACEMENTS, WINDOW, System::nanoTime);
  }

  /**
   * @param maxReplacements threads replaced within {@code window}; one more failure shuts the client down
   * @param nanoClock a monotonic clock in nanoseconds
   */
  public CrashPolicy(String component, int maxReplacements, Duration window, LongSupplier nanoClock) {
    if (maxReplacements < 0 || window.isNegative()) {
      throw new IllegalArgumentException("crash policy bounds must not be negative");
    }
    this.component = component;
    this.maxReplacements = maxReplacements;
    this.windowNanos = window.toNanos();
    this.nanoClock = nanoClock;
  }

  @Override
  public synchronized StreamThreadExceptionResponse handle(Throwable error) {
    long now = nanoClock.getAsLong();
    while (!failures.isEmpty() && now - failures.peekFirst() > windowNanos) {
      failures.pollFirst();
    }
    failures.addLast(now);
    if (failures.size() <= maxReplacements) {
      LOG.error("{} stream thread failed ({} of at most {} replacements within {}); replacing it", component,
          failures.size(), maxReplacements, WINDOW.equals(Duration.ofNanos(windowNanos)) ? "10 minutes"
              : Duration.ofNanos(windowNanos), error);
      return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
    LOG.error("{} stream thread failed again, {} times within {}: the error looks lasting; shutting the {} "
        + "Streams client down (the process exits with status 1): {}", component, failures.size(),
        Duration.ofNanos(windowNanos), component, error.toString(), error);
    return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
  }
}
