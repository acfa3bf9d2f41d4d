package io.newsmon.ingestor;

import io.newsmon.common.ops.NewsmonMetrics;
import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.kafka.KafkaClients;
import io.newsmon.common.kafka.Topics;
import io.newsmon.common.record.DeadLetter;
import io.newsmon.common.record.RawArticle;
import io.newsmon.ingestor.fetch.FetchSettings;
import io.newsmon.ingestor.fetch.HttpFetcher;
import io.newsmon.ingestor.source.Source;
import io.newsmon.ingestor.state.InMemorySeenState;
import io.newsmon.ingestor.state.KafkaSeenState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingestor as a running component: reads every configured source ({@link PolledSource}: feed,
 * sitemap or page) on its own schedule with {@code ingestor.threads} threads, publishes new articles
 * to {@code news.raw} through the {@link RawPublisher}, and failures to {@code news.deadletter}. Seen items and HTTP
 * validators live in the compacted {@code newsmon.ingest-state} topic, read back by {@link #start()},
 * so a restart fetches nothing it has already ingested. A failing source is retried after
 * {@code ingestor.retry-backoff}, doubling up to {@code ingestor.retry-backoff-max} (or after its
 * Retry-After), and never stops the others. Topics must exist (see TopicAdmin.ensure).
 */
public final class IngestorService implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(IngestorService.class);

  private final NewsmonConfig config;
  private final List<Source> sources;
  private final Map<String, Integer> failuresInARow = new ConcurrentHashMap<>();
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong deadLetters = new AtomicLong();
  private ScheduledExecutorService scheduler;
  private RawPublisher rawPublisher;
  private Producer<byte[], byte[]> dlqProducer;
  private Producer<String, String> stateProducer;
  private HttpFetcher fetcher;
  private NewsmonMetrics.Binding metrics;
  private final Map<String, ArticleSource> live = new ConcurrentHashMap<>();

  public IngestorService(NewsmonConfig config, List<Source> sources) {
    this.config = config;
    this.sources = List.copyOf(sources);
  }

  /** Reads the state topic back, then starts polling every source in the background. */
  public synchronized void start() {
    if (scheduler != null) {
      throw new IllegalStateException("already started");
    }
    String clientId = config.string("ingestor.client-id");
    rawPublisher = RawPublisher.create(config, clientId + "-raw");
    metrics = NewsmonMetrics.bind(rawPublisher.producer(), "ingestor");
    dlqProducer = new KafkaProducer<>(KafkaClients.producer(config, clientId + "-dlq"),
        new ByteArraySerializer(), new ByteArraySerializer());
    stateProducer = new KafkaProducer<>(KafkaClients.producer(config, clientId + "-state"),
        new StringSerializer(), new StringSerializer());
    InMemorySeenState state = KafkaSeenState.load(config, stateProducer, Duration.ofSeconds(60));
    LOG.info("ingest state read back: {} items already seen", state.seenCount());
    fetcher = new HttpFetcher(FetchSettings.from(config));
    SourcePoller poller = new SourcePoller(fetcher, state);
    for (Source s : sources) {
      live.put(s.id(), PolledSource.of(s, poller));
    }
    scheduler = Executors.newScheduledThreadPool(Math.max(1, config.integer("ingestor.threads")), r -> {
      Thread t = new Thread(r, "newsmon-ingest");
      t.setDaemon(true);
      return t;
    });
    for (Source s : sources) {
      scheduler.schedule(() -> pollAndReschedule(s), 0, TimeUnit.MILLISECONDS);
    }
  }

  private void pollAndReschedule(Source s) {
    Duration next = interval(s);
    try {
      ArticleSource.Status r = live.get(s.id()).read(new ArticleSource.Receiver() {
        @Override
        public void article(RawArticle article, String where, String label) {
          rawPublisher.publish(article, (a, e) -> {
            if (e == null) {
              published.incrementAndGet();
              NewsmonMetrics.itemFetched(s.id());
            } else {
              // the item is already remembered as seen: say so on the dead-letter topic rather than lose it
              deadLetter(new Failure(s.id(), a.url(), "publish-failed",
                  "could not publish the article to " + Topics.RAW.name() + ": " + DeadLetter.messageOf(e),
                  new byte[0], null));
            }
          });
        }

        @Override
        public void failure(Failure f) {
          NewsmonMetrics.itemFailed(s.id());
          deadLetter(f);
        }
      });
      if (r.failed()) {
        next = backOff(s, r.retryAfter());
      } else {
        failuresInARow.remove(s.id());
      }
    } catch (RuntimeException e) {
      deadLetter(new Failure(s.id(), s.url(), e.getClass().getSimpleName(), DeadLetter.messageOf(e), new byte[0], null));
      next = backOff(s, null);
    } finally {
      ScheduledExecutorService sch = scheduler;
      if (sch != null && !sch.isShutdown()) {
        sch.schedule(() -> pollAndReschedule(s), next.toMillis(), TimeUnit.MILLISECONDS);
      }
    }
  }

  private Duration interval(Source s) {
    return s.interval() != null ? s.interval() : config.duration("ingestor.poll-interval");
  }

  /** Exponential back-off for a failing source, at least its Retry-After, at most the configured maximum. */
  Duration backOff(Source s, Duration retryAfter) {
    int n = failuresInARow.merge(s.id(), 1, Integer::sum);
    return backOffDelay(n, config.duration("ingestor.retry-backoff"), config.duration("ingestor.retry-backoff-max"),
        retryAfter);
  }

  /** The wait after the {@code n}-th failure in a row: base × 2^(n-1), capped, never below retryAfter. */
  public static Duration backOffDelay(int n, Duration base, Duration max, Duration retryAfter) {
    Duration d = base.multipliedBy(1L << Math.min(20, Math.max(0, n - 1)));
    if (d.compareTo(max) > 0) {
      d = max;
    }
    if (retryAfter != null && retryAfter.compareTo(d) > 0) {
      d = retryAfter;
    }
    return d;
  }

  private void deadLetter(Failure f) {
    DeadLetter dl = DeadLetter.ingest(f.sourceId(), f.url(), f.code(), f.reason());
    ProducerRecord<byte[], byte[]> rec = new ProducerRecord<>(Topics.DEADLETTER.name(), null, null,
        f.url() == null ? null : f.url().getBytes(java.nio.charset.StandardCharsets.UTF_8),
        f.bytes() == null ? new byte[0] : f.bytes(), dl.toHeaders());
    dlqProducer.send(rec);
    deadLetters.incrementAndGet();
    NewsmonMetrics.deadLetter("ingest", f.code());
    LOG.warn("source {} failed at {}: {} ({})", f.sourceId(), f.url(), f.reason(), f.code());
  }

  /** The metrics of the producer of {@code news.raw} (for readiness checks), or null before start. */
  public synchronized java.util.Map<org.apache.kafka.common.MetricName, ? extends org.apache.kafka.common.Metric>
      producerMetrics() {
    return rawPublisher == null ? null : rawPublisher.producer().metrics();
  }

  public long publishedCount() {
    return published.get();
  }

  public long deadLetterCount() {
    return deadLetters.get();
  }

  /** Stops polling, waits up to 10 s for polls in progress, flushes and closes the producers. */
  @Override
  public synchronized void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      try {
        scheduler.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (metrics != null) {
      metrics.close();
    }
    if (rawPublisher != null) {
      rawPublisher.close(Duration.ofSeconds(10));
    }
    for (Producer<?, ?> p : new Producer<?, ?>[] {dlqProducer, stateProducer}) {
      if (p != null) {
        p.close(Duration.ofSeconds(10));
      }
    }
    if (fetcher != null) {
      fetcher.close();
    }
  }
}
