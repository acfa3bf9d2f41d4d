package io.newsmon.ingestor.archive;

import io.newsmon.common.kafka.Topics;
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
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Replays archives: reads them with an {@link ArchiveSource} and hands each article on, at most
 * {@code ratePerSecond} a second, counting what was read, published, failed and skipped and printing
 * a progress line now and then. {@link #publish} sends them to {@code news.raw} through the
 * {@link RawPublisher} (key: the normalised canonical URL; record timestamp: the article's
 * publication time, else its fetch time, never in the future), all to partition {@value #PARTITION}
 * in the order read, so that the same archive gives the same alert ids. A bad line, file or record is counted
 * and reported in the {@link ReplayResult}; it never stops the replay. Not thread-safe: one replay at
 * a time.
 *
 * <p>Nothing is lost: an article whose send failed is sent again once the others were answered, in
 * at most {@value #SEND_PASSES} passes in all (a broker that was briefly unavailable, a batch the
 * embedded broker refused with a sequence error), except when sending again cannot help (the record
 * is larger than news.raw takes, or cannot be serialised). What still failed goes to
 * {@link DeadLetters} (news.deadletter) with the reason, and is counted apart.
 */
public final class Replayer {

  /** Failures kept in a result (all are counted). */
  public static final int MAX_FAILURES_KEPT = 1000;
  /**
   * The partition of {@code news.raw} every replayed article goes to. One partition keeps the
   * archive's order all the way to the dedup step, whose merge of partitions would otherwise depend on
   * how fast each partition's analysis went (a partition starting seconds late in a fresh
   * installation on a busy machine): the same archive then always gives the same originals, story
   * ids and alert ids. The analysis is a small part of an article's cost and the dedup step runs on
   * one partition anyway, so a replay loses little speed (docs/decisions/0043-a-replay-on-one-partition.md).
   */
  public static final int PARTITION = 0;
  /** Sends of one article at most: the first and two more passes over what failed. */
  public static final int SEND_PASSES = 3;

  /** Where the articles that could not be published go, with the reason (news.deadletter). */
  @FunctionalInterface
  public interface DeadLetters {
    /**
     * Writes one article that could not be published; throws when it could not be written either.
     *
     * @param where the input it was read from ({@code path:line}, {@code path@offset})
     * @param attempts how many times it was sent
     * @param error the last send's error
     */
    void write(RawArticle article, String where, int attempts, Exception error) throws Exception;
  }

  /** One article whose send failed, with where it was read, how many times it was sent and the error. */
  private record Unsent(RawArticle article, String where, int sends, Exception error) {}

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
  private long resent;
  private long deadLettered;
  private long lost;
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
   * acknowledgements. An article whose send failed is sent again (at most {@value #SEND_PASSES} sends
   * in all, unless sending again cannot help), and what still failed is written to
   * {@code deadLetters} with the reason; an article that could not be written there either is counted
   * as lost.
   */
  public ReplayResult publish(RawPublisher publisher, List<Path> paths, DeadLetters deadLetters) {
    Queue<Unsent> again = new ConcurrentLinkedQueue<>();
    Queue<Unsent> hopeless = new ConcurrentLinkedQueue<>();
    run(paths, (article, timestamp) -> send(publisher, new Unsent(article, current, 0, null), again, hopeless), false);
    publisher.flush();
    int pass = 1;
    while (!again.isEmpty() && pass < SEND_PASSES) {
      pass++;
      List<Unsent> retry = drain(again);
      resent += retry.size();
      for (Unsent u : retry) {
        send(publisher, u, again, hopeless);
      }
      publisher.flush();
      printProgress(false);
    }
    List<Unsent> unsent = drain(hopeless);
    unsent.addAll(drain(again));
    for (Unsent u : unsent) {
      int attempts = u.sends();
      String reason = "not published to " + Topics.RAW.name() + " after " + attempts + (attempts == 1 ? " send: " : " sends: ")
          + message(u.error());
      try {
        deadLetters.write(u.article(), u.where(), attempts, u.error());
        deadLettered++;
        fail(u.where(), reason + "; written to " + Topics.DEADLETTER.name());
      } catch (Exception e) {
        lost++;
        fail(u.where(), reason + "; not written to " + Topics.DEADLETTER.name() + " either: " + message(e));
      }
    }
    printProgress(true);
    return result();
  }

  /**
   * As {@link #publish(RawPublisher, List, DeadLetters)}, without dead letters: what could not be
   * published after the passes is counted as lost.
   */
  public ReplayResult publish(RawPublisher publisher, List<Path> paths) {
    return publish(publisher, paths, (article, where, attempts, error) -> {
      throw new IllegalStateException("no dead-letter topic given");
    });
  }

  /** Sends one article; a failure goes to {@code again}, or to {@code hopeless} when sending again cannot help. */
  private void send(RawPublisher publisher, Unsent u, Queue<Unsent> again, Queue<Unsent> hopeless) {
    try {
      publisher.publish(u.article(), PARTITION, (a, error) -> {
        if (error == null) {
          published.incrementAndGet();
          io.newsmon.common.ops.NewsmonMetrics.replayed(1);
        } else {
          (isHopeless(error) ? hopeless : again).add(new Unsent(a, u.where(), u.sends() + 1, error));
        }
      });
    } catch (RuntimeException e) {
      (isHopeless(e) ? hopeless : again).add(new Unsent(u.article(), u.where(), u.sends() + 1, e));
    }
  }

  /** True when sending the same record again cannot succeed: too large for the topic, not serialisable. */
  static boolean isHopeless(Exception error) {
    return error instanceof RecordTooLargeException || error instanceof SerializationException
        || error instanceof InvalidRecordException;
  }

  private static List<Unsent> drain(Queue<Unsent> q) {
    List<Unsent> out = new ArrayList<>();
    for (Unsent u = q.poll(); u != null; u = q.poll()) {
      out.add(u);
    }
    return out;
  }

  private static String message(Exception e) {
    return e == null ? "unknown error" : e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  /** {@link #publish(RawPublisher, List)} with {@code producer} (not closed here). */
  public ReplayResult publish(Producer<String, RawArticle> producer, List<Path> paths) {
    return publish(new RawPublisher(producer), paths);
  }

  /** {@link #publish(RawPublisher, List, DeadLetters)} with {@code producer} (not closed here). */
  public ReplayResult publish(Producer<String, RawArticle> producer, List<Path> paths, DeadLetters deadLetters) {
    return publish(new RawPublisher(producer), paths, deadLetters);
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
    resent = 0;
    deadLettered = 0;
    lost = 0;
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
      return new ReplayResult(read, published.get(), failed.get(), skipped, resent, deadLettered, lost, failures);
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
        read, published.get(), failed.get(), skipped, read / secs,
        last ? "" : resent > 0 ? " (" + resent + " sent again)" : " (" + current + ")");
  }
}
