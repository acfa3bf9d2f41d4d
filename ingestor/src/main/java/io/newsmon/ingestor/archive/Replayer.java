package io.newsmon.ingestor.archive;

import io.newsmon.common.record.RawArticle;
import io.newsmon.ingestor.ArticleSource;
import io.newsmon.ingestor.Failure;
import io.newsmon.ingestor.RawArticles;
import io.newsmon.ingestor.RawPublisher;
import io.newsmon.ingestor.extract.ArticleExtractor;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.Producer;

/**
 * Replays archives: reads them with an {@link ArchiveSource} and hands each article on, at most
 * {@code ratePerSecond} a second, counting what was read, published, failed and skipped and printing
 * a progress line now and then. {@link #publish} sends them to {@code news.raw} through the
 * {@link RawPublisher} (key: the normalised canonical URL; record timestamp: the article's
 * publication time, else its fetch time, never in the future). A bad line, file or record is counted
 * and reported in the {@link ReplayResult}; it never stops the replay. Not thread-safe: one replay at
 * a time.
 */
public final class Replayer {

  /** Failures kept in a result (all are counted). */
  public static final int MAX_FAILURES_KEPT = 1000;

  /** Receives each article with the timestamp it should be published under (epoch ms). */
  @FunctionalInterface
  public interface ArticleSink {
    void accept(RawArticle article, long timestamp) throws Exception;
  }

  private final RawArticles pages;
  private final double ratePerSecond;
  private final PrintStream progress;
  private final Duration progressEvery;

  private long read;
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private long skipped;
  private final List<ReplayResult.Failure> failures = new ArrayList<>();
  private long started;
  private long lastProgress;
  private long nextSlotNanos;
  private String current = "";

  /**
   * @param ratePerSecond most articles handed on per second; 0 or less: no limit (the default)
   * @param progress where a progress line is printed every {@code progressEvery}; null: none
   */
  public Replayer(ArticleExtractor extractor, double ratePerSecond, PrintStream progress, Duration progressEvery) {
    this.pages = new RawArticles(extractor);
    this.ratePerSecond = ratePerSecond;
    this.progress = progress;
    this.progressEvery = progressEvery;
  }

  /** No rate limit, no progress output. */
  public Replayer() {
    this(new ArticleExtractor(), 0, null, Duration.ofSeconds(1));
  }

  /**
   * Publishes the articles under {@code paths} to {@code news.raw} and waits for the broker's
   * acknowledgements; an article the broker refuses is counted as failed with the reason.
   */
  public ReplayResult publish(RawPublisher publisher, List<Path> paths) {
    run(paths, (article, timestamp) -> publisher.publish(article, (a, error) -> {
      if (error == null) {
        published.incrementAndGet();
        io.newsmon.common.ops.NewsmonMetrics.replayed(1);
      } else {
        fail(a.url(), "not published: " + error.getMessage());
      }
    }), false);
    publisher.flush();
    printProgress(true);
    return result();
  }

  /** {@link #publish(RawPublisher, List)} with {@code producer} (not closed here). */
  public ReplayResult publish(Producer<String, RawArticle> producer, List<Path> paths) {
    return publish(new RawPublisher(producer), paths);
  }

  /** Hands every article to {@code sink} (for tests and tools), ignoring timestamps. */
  public ReplayResult replay(List<Path> paths, Consumer<RawArticle> sink) {
    return replay(paths, (a, ts) -> sink.accept(a));
  }

  /** Hands every article with its record timestamp to {@code sink}. */
  public ReplayResult replay(List<Path> paths, ArticleSink sink) {
    run(paths, sink, true);
    printProgress(true);
    return result();
  }

  private void run(List<Path> paths, ArticleSink sink, boolean countPublished) {
    read = 0;
    published.set(0);
    failed.set(0);
    skipped = 0;
    synchronized (failures) {
      failures.clear();
    }
    started = System.nanoTime();
    lastProgress = started;
    nextSlotNanos = started;
    new ArchiveSource(paths, pages).read(new ArticleSource.Receiver() {
      @Override
      public void article(RawArticle article, String where, String label) {
        current = where;
        read++;
        pace();
        try {
          sink.accept(article, RawArticles.timestamp(article, System.currentTimeMillis()));
          if (countPublished) {
            published.incrementAndGet();
          }
        } catch (Exception e) {
          fail(where, "not published: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
        printProgress(false);
      }

      @Override
      public void failure(Failure f) {
        fail(f.url(), f.reason());
      }

      @Override
      public void skipped(String where) {
        skipped++;
      }
    });
  }

  private ReplayResult result() {
    synchronized (failures) {
      return new ReplayResult(read, published.get(), failed.get(), skipped, failures);
    }
  }

  /** Waits for the next slot of the rate limit (fixed spacing of 1/rate seconds). */
  private void pace() {
    if (ratePerSecond <= 0) {
      return;
    }
    long now = System.nanoTime();
    if (nextSlotNanos > now) {
      try {
        Thread.sleep((nextSlotNanos - now) / 1_000_000, (int) ((nextSlotNanos - now) % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("replay interrupted", e);
      }
    } else {
      nextSlotNanos = now;
    }
    nextSlotNanos += (long) (1_000_000_000L / ratePerSecond);
  }

  private void fail(String where, String reason) {
    failed.incrementAndGet();
    synchronized (failures) {
      if (failures.size() < MAX_FAILURES_KEPT) {
        failures.add(new ReplayResult.Failure(where, reason));
      }
    }
  }

  private void printProgress(boolean last) {
    if (progress == null) {
      return;
    }
    long now = System.nanoTime();
    if (!last && now - lastProgress < progressEvery.toNanos()) {
      return;
    }
    lastProgress = now;
    double secs = Math.max(1e-3, (now - started) / 1e9);
    progress.printf(Locale.ROOT, "replay: %d read, %d published, %d failed, %d skipped, %.1f/s%s%n",
        read, published.get(), failed.get(), skipped, read / secs, last ? "" : " (" + current + ")");
  }
}
