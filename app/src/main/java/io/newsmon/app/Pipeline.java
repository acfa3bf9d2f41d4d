package io.newsmon.app;

import io.newsmon.app.broker.EmbeddedKafka;
import io.newsmon.app.demo.SyntheticArticles;
import io.newsmon.app.logging.Logging;
import io.newsmon.app.web.AlertBoard;
import io.newsmon.app.web.AlertPage;
import io.newsmon.common.config.KafkaSettings;
import io.newsmon.common.ops.OpsEndpoint;
import io.newsmon.common.ops.Readiness;
import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.record.RawArticle;
import io.newsmon.common.kafka.Topic;
import io.newsmon.common.kafka.Topics;
import io.newsmon.common.lifecycle.Component;
import io.newsmon.ingestor.IngestorService;
import io.newsmon.ingestor.source.Source;
import io.newsmon.processor.ArticleAnalyzer;
import io.newsmon.processor.ProcessorService;
import io.newsmon.sink.SinkService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole pipeline in one process: a broker (the configured cluster, or the embedded one when
 * {@code bootstrap.servers} is empty), the topics, the processor, the sink and the ingestor. What
 * {@code newsmon run} and {@code newsmon demo} start; components are closed in reverse order. As a
 * {@link Component} it has the topics of its parts and fails when one of them fails.
 */
public final class Pipeline implements Component {

  /** How long the start waits for the analysis warm-up before it starts the processor anyway. */
  static final java.time.Duration WARM_UP_WAIT = java.time.Duration.ofSeconds(60);

  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

  private final NewsmonConfig config;
  private final List<AutoCloseable> started = new ArrayList<>();
  private final List<Component> components = new ArrayList<>();
  private boolean closed;

  private Pipeline(NewsmonConfig config) {
    this.config = config;
  }

  /**
   * Starts everything.
   *
   * @param config the configuration; when {@code bootstrap.servers} is empty an embedded broker is
   *     started in {@code brokerDir}
   * @param brokerDir where the embedded broker keeps its data (ignored with a cluster)
   * @param temporary whether the embedded broker's directory is deleted on close
   * @param stateDir where the Streams applications keep their local state
   * @param sources what the ingestor polls; empty: no ingestor
   */
  public static Pipeline start(NewsmonConfig config, Path brokerDir, boolean temporary, Path stateDir,
      List<Source> sources) {
    return start(config, brokerDir, temporary, stateDir, sources, null);
  }

  /**
   * Starts everything, and with an enabled {@code http} endpoint adds the readiness checks of each
   * component (Streams RUNNING, producer connected, topics present) and serves the alerts page.
   *
   * @param http the process's HTTP endpoint, or null for none
   */
  public static Pipeline start(NewsmonConfig config, Path brokerDir, boolean temporary, Path stateDir,
      List<Source> sources, OpsEndpoint http) {
    Pipeline pipeline = null;
    EmbeddedKafka broker = null;
    try {
      NewsmonConfig effective = config;
      java.util.concurrent.CompletableFuture<ArticleAnalyzer> warmUp = warmUpAnalysis(config);
      if (config.get(KafkaSettings.BOOTSTRAP_SERVERS) == null) {
        String brokerLogs = config.get(KafkaSettings.EMBEDDED_BROKER_LOGS);
        if (brokerLogs.equals("console")) {
          Logging.brokerToConsole();
        } else if (!brokerLogs.equals("file")) {
          throw new IllegalArgumentException("embedded.broker-logs must be 'file' or 'console', not '" + brokerLogs + "'");
        }
        broker = EmbeddedKafka.start(brokerDir, config.get(KafkaSettings.EMBEDDED_PORT), temporary);
        effective = config.with("bootstrap.servers", broker.bootstrapServers());
      }
      pipeline = new Pipeline(effective);
      if (broker != null) {
        pipeline.started.add(broker);
      }
      Files.createDirectories(stateDir);
      // the first analysis of a language loads its models: done before the processor starts, it
      // cannot hold one partition's first articles back long enough to change the merge order
      ProcessorService processor = new ProcessorService(effective, stateDir.resolve("processor"), warmed(warmUp));
      SinkService sink = new SinkService(effective, stateDir.resolve("sink"));
      IngestorService ingestor = sources.isEmpty() ? null : new IngestorService(effective, sources);
      pipeline.components.add(processor);
      pipeline.components.add(sink);
      if (ingestor != null) {
        pipeline.components.add(ingestor);
      }
      pipeline.started.addAll(pipeline.components); // closed even when a start fails half way
      if (http != null) {
        http.readiness("topics", Readiness.topicsPresent(effective, pipeline.topics()))
            .readiness("processor", Readiness.streamsRunning(processor::streams))
            .readiness("sink", Readiness.streamsRunning(sink::streams));
        if (ingestor != null) {
          http.readiness("ingestor", Readiness.connected(ingestor::producerMetrics));
        }
      }
      Component.startAll(effective, pipeline.components);
      if (http != null && http.enabled()) {
        AlertBoard board = new AlertBoard(effective);
        pipeline.started.add(board);
        AlertPage.serve(http, board.start());
      }
      LOG.info("pipeline started on {} ({} sources)", effective.get(KafkaSettings.BOOTSTRAP_SERVERS), sources.size());
      return pipeline;
    } catch (IOException | RuntimeException e) {
      // stop what did start, newest first, the broker last
      if (pipeline != null) {
        pipeline.close();
      } else if (broker != null) {
        broker.close();
      }
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
  }

  /**
   * Builds the analysis (country names, language models, tables) on a background thread and
   * analyses one article in each sample language, which loads what the first analysis of a language
   * loads, so that this CPU work overlaps the embedded broker's start (which mostly waits: log
   * recovery, and after a crash the controller fencing the broker's previous incarnation) instead of
   * following it. Measured by {@code newsmon chaos --restart} (decision 15). The processor is given
   * this analyser ({@link #warmed}).
   */
  static java.util.concurrent.CompletableFuture<ArticleAnalyzer> warmUpAnalysis(NewsmonConfig config) {
    java.util.concurrent.CompletableFuture<ArticleAnalyzer> done = new java.util.concurrent.CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        ArticleAnalyzer analyzer = ArticleAnalyzer.create(config);
        for (RawArticle sample : SyntheticArticles.generate(SyntheticArticles.LANGUAGES, 1)) {
          analyzer.analyze(sample);
        }
        done.complete(analyzer);
      } catch (RuntimeException e) {
        done.completeExceptionally(e);
      }
    }, "analysis-warm-up");
    t.setDaemon(true);
    t.setPriority(Thread.NORM_PRIORITY - 1);
    t.start();
    return done;
  }

  /**
   * The warmed-up analyser, waiting for it at most {@link #WARM_UP_WAIT}; null when it failed or took
   * longer (the processor then builds its own).
   */
  static ArticleAnalyzer warmed(java.util.concurrent.CompletableFuture<ArticleAnalyzer> warmUp) {
    try {
      return warmUp.get(WARM_UP_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      LOG.warn("analysis warm-up did not finish ({}); the processor builds its own", e.toString());
      return null;
    }
  }

  /**
   * Every topic of the pipeline: the fixed ones and the per-watch alert topics of
   * {@code sink.watch-topics}.
   */
  public static List<Topic<?, ?>> topics(NewsmonConfig config) {
    List<Topic<?, ?>> topics = new ArrayList<>(Topics.fixed());
    for (Topic<?, ?> t : SinkService.topics(config)) {
      if (topics.stream().noneMatch(f -> f.name().equals(t.name()))) {
        topics.add(t);
      }
    }
    return topics;
  }

  @Override
  public String name() {
    return "pipeline";
  }

  @Override
  public List<Topic<?, ?>> topics() {
    return Component.topicsOf(components);
  }

  /** Started by {@link #start(NewsmonConfig, Path, boolean, Path, List)}; this does nothing. */
  @Override
  public void start() {
  }

  /** FAILED when a part failed, else RUNNING (STOPPED once closed). */
  @Override
  public synchronized State state() {
    if (closed) {
      return State.STOPPED;
    }
    for (Component c : components) {
      if (c.state() == State.FAILED) {
        return State.FAILED;
      }
    }
    return State.RUNNING;
  }

  /** The configuration in force, with the embedded broker's address when one was started. */
  public NewsmonConfig config() {
    return config;
  }

  @Override
  public synchronized void close() {
    closed = true;
    List<AutoCloseable> reversed = new ArrayList<>(started);
    java.util.Collections.reverse(reversed);
    closeAll(reversed);
    started.clear();
  }

  private static void closeAll(List<AutoCloseable> items) {
    for (AutoCloseable c : items) {
      try {
        c.close();
      } catch (Exception e) {
        LOG.warn("error while stopping {}: {}", c.getClass().getSimpleName(), e.toString());
      }
    }
  }
}
