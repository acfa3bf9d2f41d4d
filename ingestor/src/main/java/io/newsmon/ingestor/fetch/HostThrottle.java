package io.newsmon.ingestor.fetch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Per-host politeness: at most {@code concurrency} requests in flight per host, at least
 * {@code delay} between the starts of two requests, and a back-off window set from a 429/503 during
 * which requests to the host fail fast with {@code backing-off} instead of hitting it again.
 */
public final class HostThrottle {

  private final Duration delay;
  private final int concurrency;
  private final Clock clock;
  private final Map<String, Host> hosts = new ConcurrentHashMap<>();

  private static final class Host {
    final Semaphore permits;
    long nextStartMillis;
    long backOffUntilMillis;

    Host(int n) {
      permits = new Semaphore(n, true);
    }
  }

  public HostThrottle(Duration delay, int concurrency, Clock clock) {
    this.delay = delay;
    this.concurrency = Math.max(1, concurrency);
    this.clock = clock;
  }

  /** Waits for a slot on {@code host}; call {@link #release} after the request. */
  public void acquire(String host) throws FetchException, InterruptedException {
    Host h = hosts.computeIfAbsent(host, k -> new Host(concurrency));
    long wait;
    synchronized (h) {
      long now = clock.millis();
      if (h.backOffUntilMillis > now) {
        throw new FetchException("backing-off", host + " asked us to wait until "
            + Instant.ofEpochMilli(h.backOffUntilMillis) + "; retried later", null,
            Duration.ofMillis(h.backOffUntilMillis - now), null);
      }
    }
    h.permits.acquire();
    synchronized (h) {
      long now = clock.millis();
      long start = Math.max(now, h.nextStartMillis);
      h.nextStartMillis = start + delay.toMillis();
      wait = start - now;
    }
    if (wait > 0) {
      try {
        Thread.sleep(wait);
      } catch (InterruptedException e) {
        h.permits.release();
        throw e;
      }
    }
  }

  public void release(String host) {
    Host h = hosts.get(host);
    if (h != null) {
      h.permits.release();
    }
  }

  /** No request to {@code host} until {@code until}. */
  public void backOff(String host, Instant until) {
    Host h = hosts.computeIfAbsent(host, k -> new Host(concurrency));
    synchronized (h) {
      h.backOffUntilMillis = Math.max(h.backOffUntilMillis, until.toEpochMilli());
    }
  }
}
