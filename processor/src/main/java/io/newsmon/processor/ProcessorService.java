package io.newsmon.processor;

import io.newsmon.common.config.KafkaSettings;
import io.newsmon.common.config.ProcessorSettings;
import io.newsmon.common.ops.NewsmonMetrics;
import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.kafka.KafkaClients;
import io.newsmon.common.kafka.Topic;
import io.newsmon.common.kafka.Topics;
import io.newsmon.common.lifecycle.Component;
import io.newsmon.common.lifecycle.CrashPolicy;
import io.newsmon.common.lifecycle.StreamsComponent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the processor topology ({@link ProcessorTopology}) as a Kafka Streams application with
 * exactly-once v2, application id {@code processor.application-id} and {@code processor.threads}
 * stream threads. A stream thread that dies of an unexpected exception is handled by the
 * {@link CrashPolicy}. Its topics must exist before {@link #start()} ({@link Component#startAll}).
 */
public final class ProcessorService implements Component {

  private static final Logger LOG = LoggerFactory.getLogger(ProcessorService.class);
  /** How long {@link #close()} waits for the stream threads to finish, 30 s. */
  public static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final NewsmonConfig config;
  private final Path stateDir;
  private KafkaStreams streams;
  private NewsmonMetrics.Binding metrics;
  private boolean closed;
  private final ArticleAnalyzer analyzer;

  /**
   * @param stateDir directory of the state stores (null: {@code <state.dir>/processor})
   */
  public ProcessorService(NewsmonConfig config, Path stateDir) {
    this(config, stateDir, null);
  }

  /**
   * @param stateDir directory of the state stores (null: {@code <state.dir>/processor})
   * @param analyzer the analyser to use, built from this configuration (null: built at start)
   */
  public ProcessorService(NewsmonConfig config, Path stateDir, ArticleAnalyzer analyzer) {
    this.config = config;
    this.stateDir = stateDir != null ? stateDir : Path.of(config.get(KafkaSettings.STATE_DIR)).resolve("processor");
    this.analyzer = analyzer;
  }

  public synchronized void start() {
    if (streams != null) {
      throw new IllegalStateException("processor already started");
    }
    Properties props = KafkaClients.streams(config, config.get(ProcessorSettings.APPLICATION_ID),
        config.get(ProcessorSettings.THREADS), stateDir, config.get(ProcessorSettings.COMMIT_INTERVAL));
    KafkaClients.staticMembership(props, config, config.get(ProcessorSettings.APPLICATION_ID), stateDir);
    streams = new KafkaStreams(ProcessorTopology.build(config,
        analyzer != null ? analyzer : ArticleAnalyzer.create(config)), props);
    streams.setUncaughtExceptionHandler(new CrashPolicy(name()));
    streams.setStateListener((now, before) -> LOG.info("processor state {} -> {}", before, now));
    metrics = NewsmonMetrics.bind(streams, "processor", config.get(ProcessorSettings.APPLICATION_ID));
    streams.start();
  }

  @Override
  public String name() {
    return "processor";
  }

  /** news.raw in; news.processed and news.deadletter out. */
  @Override
  public List<Topic<?, ?>> topics() {
    return List.of(Topics.RAW, Topics.PROCESSED, Topics.DEADLETTER);
  }

  @Override
  public synchronized State state() {
    return StreamsComponent.state(streams, closed);
  }

  /** The running Streams instance, or null before {@link #start()}. */
  public synchronized KafkaStreams streams() {
    return streams;
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (streams != null) {
      streams.close(CLOSE_TIMEOUT);
      streams = null;
      metrics.close();
    }
  }
}
