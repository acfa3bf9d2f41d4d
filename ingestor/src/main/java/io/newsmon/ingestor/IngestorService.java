package io.newsmon.ingestor;

import io.newsmon.common.config.IngestorSettings;
import io.newsmon.common.config.KafkaSettings;
import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.ops.NewsmonMetrics;
import io.newsmon.common.kafka.KafkaClients;
import io.newsmon.common.kafka.Topic;
import io.newsmon.common.kafka.Topics;
import io.newsmon.common.lifecycle.Backoff;
import io.newsmon.common.lifecycle.Component;
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
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingestor as a running component: reads every configured source ({@link PolledSource}: feed,
 * sitemap or page) on its own schedule with {@code ingestor.threads} threads, publishes new articles
 * to {@code news.raw} (key = canonical URL, record time by {@link RawArticles#timestamp}, as {@link RawPublisher} writes them)
 * and failures to {@code news.deadletter}. Seen items and HTTP validators live in the compacted
 * {@code newsmon.ingest-state} topic, read back by {@link #start()}, so a restart fetches nothing it
 * has already ingested. The articles of one poll and the seen markers of those articles are written
 * in one Kafka transaction (transactional id: {@code ingestor.client-id} plus the instance name,
 * {@code instance.id} or the host name): a crash, even {@code kill -9}, leaves either both or neither,
 * so an article is never marked seen without being published (lost) nor published twice; the next
 * instance's start aborts what the crashed one left open. A failing source is retried after
 * {@code ingestor.retry-backoff}, doubling up to {@code ingestor.retry-backoff-max} (or after its
 * Retry-After; {@link Backoff}), and never stops the others. Its topics must exist before
 * {@link #start()} ({@link Component#startAll}). Fenced by another instance with the same
 * transactional id, it stops publishing and reports {@link Component.State#FAILED}.
 */
public final class IngestorService implements Component {

  private static final Logger LOG = LoggerFactory.getLogger(IngestorService.class);
  /** The largest record news.raw takes (the producer's max.request.size and the topic's limit). */
  private static final int MAX_RECORD_BYTES = 8 * 1024 * 1024;
  /** Room for the record's headers and batch framing. */
  private static final int RECORD_OVERHEAD = 1024;

  private final NewsmonConfig config;
  private final List<Source> sources;
  private final Map<String, Integer> failuresInARow = new ConcurrentHashMap<>();
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong deadLetters = new AtomicLong();
  private volatile ScheduledExecutorService scheduler;
  /** news.raw and newsmon.ingest-state, written in one transaction per poll. */
  private Producer<byte[], byte[]> txProducer;
  private Producer<byte[], byte[]> dlqProducer;
  private final Object publishLock = new Object();
  /** State changes made by the poll running on this thread, written with its articles. */
  private final ThreadLocal<List<String[]>> pendingState = ThreadLocal.withInitial(java.util.ArrayList::new);
  private InMemorySeenState state;
  private volatile boolean fenced;
  private HttpFetcher fetcher;
  private final Map<String, ArticleSource> live = new ConcurrentHashMap<>();
  private NewsmonMetrics.Binding metrics;
  private final Backoff backoff;
  private volatile boolean closed;

  public IngestorService(NewsmonConfig config, List<Source> sources) {
    this.config = config;
    this.sources = List.copyOf(sources);
    this.backoff = new Backoff(config.get(IngestorSettings.RETRY_BACKOFF), config.get(IngestorSettings.RETRY_BACKOFF_MAX));
  }

  @Override
  public String name() {
    return "ingestor";
  }

  /** news.raw and news.deadletter out; newsmon.ingest-state in and out. */
  @Override
  public List<Topic<?, ?>> topics() {
    return List.of(Topics.RAW, Topics.DEADLETTER, Topics.INGEST_STATE);
  }

  @Override
  public State state() {
    if (closed) {
      return State.STOPPED;
    }
    if (fenced) {
      return State.FAILED;
    }
    return scheduler == null ? State.CREATED : State.RUNNING;
  }

  /** Reads the state topic back, then starts polling every source in the background. */
  public synchronized void start() {
    if (scheduler != null) {
      throw new IllegalStateException("already started");
    }
    String clientId = config.get(IngestorSettings.CLIENT_ID);
    txProducer = transactionalProducer();
    dlqProducer = new KafkaProducer<>(KafkaClients.producer(config, clientId + "-dlq"),
        new ByteArraySerializer(), new ByteArraySerializer());
    state = KafkaSeenState.load(config, (k, v) -> pendingState.get().add(new String[] {k, v}),
        Duration.ofSeconds(60));
    LOG.info("ingest state read back: {} items already seen", state.seenCount());
    fetcher = new HttpFetcher(FetchSettings.from(config));
    SourcePoller poller = new SourcePoller(fetcher, state);
    for (Source s : sources) {
      live.put(s.id(), PolledSource.of(s, poller));
    }
    metrics = NewsmonMetrics.bind(txProducer, "ingestor");
    scheduler = Executors.newScheduledThreadPool(Math.max(1, config.get(IngestorSettings.THREADS)), r -> {
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
      pendingState.get().clear();
      List<RawArticle> articles = new java.util.ArrayList<>();
      List<Failure> failures = new java.util.ArrayList<>();
      ArticleSource.Status r = live.get(s.id()).read(new ArticleSource.Receiver() {
        @Override
        public void article(RawArticle article, String where, String label) {
          articles.add(article);
        }

        @Override
        public void failure(Failure f) {
          failures.add(f);
        }
      });
      if (!publish(s, articles, takePendingState())) {
        next = backOff(s, null);
        return;
      }
      for (Failure f : failures) {
        NewsmonMetrics.itemFailed(s.id());
        deadLetter(f);
      }
      if (r.failed()) {
        next = backOff(s, r.retryAfter());
      } else {
        failuresInARow.remove(s.id());
      }
    } catch (RuntimeException e) {
      deadLetter(new Failure(s.id(), s.url(), e.getClass().getSimpleName(), DeadLetter.messageOf(e), new byte[0], null));
      next = backOff(s, null);
    } finally {
      pendingState.get().clear();
      ScheduledExecutorService sch = scheduler;
      if (sch != null && !sch.isShutdown() && !fenced) {
        sch.schedule(() -> pollAndReschedule(s), next.toMillis(), TimeUnit.MILLISECONDS);
      }
    }
  }

  private List<String[]> takePendingState() {
    List<String[]> changes = List.copyOf(pendingState.get());
    pendingState.get().clear();
    return changes;
  }

  /**
   * Writes one poll's articles and state changes in one transaction. An article too large for
   * news.raw becomes a dead letter (and stays seen). When the transaction fails, the poll's state
   * changes are undone in memory, so its items are fetched again on the next poll.
   *
   * @return whether the transaction committed
   */
  private boolean publish(Source s, List<RawArticle> articles, List<String[]> changes) {
    if (articles.isEmpty() && changes.isEmpty()) {
      return true;
    }
    var keys = new StringSerializer();
    var values = Topics.RAW.valueSerde().serializer();
    List<ProducerRecord<byte[], byte[]>> records = new java.util.ArrayList<>();
    for (RawArticle a : articles) {
      byte[] key = keys.serialize(Topics.RAW.name(), a.key());
      byte[] value = values.serialize(Topics.RAW.name(), a);
      if (key.length + value.length + RECORD_OVERHEAD > MAX_RECORD_BYTES) {
        deadLetter(new Failure(s.id(), a.url(), "publish-failed", "could not publish the article to "
            + Topics.RAW.name() + ": it is " + value.length + " bytes, more than a record may hold ("
            + MAX_RECORD_BYTES + ")", new byte[0], null));
        continue;
      }
      // the same key and record time as every other writer of news.raw (RawPublisher)
      records.add(new ProducerRecord<>(Topics.RAW.name(), null,
          RawArticles.timestamp(a, System.currentTimeMillis()), key, value));
    }
    for (String[] c : changes) {
      records.add(new ProducerRecord<>(Topics.INGEST_STATE.name(), keys.serialize(null, c[0]),
          c[1] == null ? null : keys.serialize(null, c[1])));
    }
    synchronized (publishLock) {
      if (fenced) {
        return false;
      }
      try {
        txProducer.beginTransaction();
        for (ProducerRecord<byte[], byte[]> r : records) {
          txProducer.send(r);
        }
        commit();
        long n = records.stream().filter(r -> r.topic().equals(Topics.RAW.name())).count();
        published.addAndGet(n);
        for (long i = 0; i < n; i++) {
          NewsmonMetrics.itemFetched(s.id());
        }
        return true;
      } catch (org.apache.kafka.common.errors.ProducerFencedException
          | org.apache.kafka.common.errors.AuthorizationException e) {
        fenced = true;
        LOG.error("the ingestor stops publishing: {} (another ingestor runs with transactional id '{}'? give each "
            + "its own instance.id)", e.toString(), transactionalId(config));
      } catch (org.apache.kafka.common.KafkaException e) {
        LOG.warn("source {}: publishing {} articles failed and is retried on the next poll: {}", s.id(),
            articles.size(), DeadLetter.messageOf(e));
        try {
          txProducer.abortTransaction();
        } catch (RuntimeException abort) {
          // the producer cannot go on (a transaction timed out on a very busy cluster, a commit left
          // pending): start a new one, which aborts whatever is still open
          LOG.warn("aborting the transaction failed too ({}); starting a new producer", abort.toString());
          try {
            txProducer.close(Duration.ZERO);
            txProducer = transactionalProducer();
          } catch (RuntimeException again) {
            LOG.warn("could not start a new producer yet: {}", again.toString());
          }
        }
      }
      for (String[] c : changes) {
        state.apply(c[0], null); // forget: fetched and published again next time
      }
      return false;
    }
  }

  /**
   * The producer of news.raw and the state topic. Its {@code initTransactions} fences a crashed
   * predecessor with the same transactional id and aborts what it left open, so this is called
   * before the state is read back.
   */
  private Producer<byte[], byte[]> transactionalProducer() {
    Properties tx = KafkaClients.producer(config, config.get(IngestorSettings.CLIENT_ID) + "-raw");
    tx.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId(config));
    Producer<byte[], byte[]> p = new KafkaProducer<>(tx, new ByteArraySerializer(), new ByteArraySerializer());
    p.initTransactions();
    return p;
  }

  /** Commits, trying again while the cluster answers too late (a broker being replaced). */
  private void commit() {
    for (int attempt = 1; ; attempt++) {
      try {
        txProducer.commitTransaction();
        return;
      } catch (org.apache.kafka.common.errors.TimeoutException e) {
        if (attempt >= 5 || scheduler == null || scheduler.isShutdown()) {
          throw e;
        }
        LOG.warn("committing the ingest transaction timed out; trying again ({})", e.getMessage());
      }
    }
  }

  /** The ingestor's transactional id: {@code ingestor.client-id} and the instance name (or host name). */
  static String transactionalId(NewsmonConfig config) {
    String instance = config.get(KafkaSettings.INSTANCE_ID);
    if (instance == null || instance.equals("none")) {
      try {
        instance = java.net.InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9._-]", "-");
      } catch (java.net.UnknownHostException e) {
        instance = "host";
      }
    }
    return config.get(IngestorSettings.CLIENT_ID) + "-" + instance;
  }

  private Duration interval(Source s) {
    return s.interval() != null ? s.interval() : config.get(IngestorSettings.POLL_INTERVAL);
  }

  /** Exponential back-off for a failing source, at least its Retry-After, at most the configured maximum. */
  Duration backOff(Source s, Duration retryAfter) {
    return backoff.delay(failuresInARow.merge(s.id(), 1, Integer::sum), retryAfter);
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
    return txProducer == null ? null : txProducer.metrics();
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
    closed = true;
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
    for (Producer<?, ?> p : new Producer<?, ?>[] {txProducer, dlqProducer}) {
      if (p != null) {
        p.close(Duration.ofSeconds(10));
      }
    }
    if (fetcher != null) {
      fetcher.close();
    }
  }
}
