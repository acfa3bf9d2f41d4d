package io.newsmon.sink;

import io.newsmon.common.config.KafkaSettings;
import io.newsmon.common.config.SinkSettings;
import io.newsmon.common.ops.NewsmonMetrics;
import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.kafka.JsonSerde;
import io.newsmon.common.kafka.KafkaClients;
import io.newsmon.common.kafka.Topic;
import io.newsmon.common.kafka.Topics;
import io.newsmon.common.lifecycle.Component;
import io.newsmon.common.lifecycle.CrashPolicy;
import io.newsmon.common.lifecycle.StreamsComponent;
import io.newsmon.common.record.Alert;
import io.newsmon.sink.deliver.AlertDeliverer;
import io.newsmon.sink.deliver.AlertFeed;
import io.newsmon.sink.deliver.JsonlAlertWriter;
import io.newsmon.sink.deliver.WebhookDeliverer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink component: the {@link SinkTopology} Streams application (application id
 * {@code sink.application-id}, one thread, exactly-once) plus, when configured, the webhook
 * ({@code sink.webhook.url}) and daily alert files ({@code sink.files.dir}), each fed by its own
 * {@link AlertFeed} consumer group on {@code news.alerts}.
 *
 * <p>Its topics ({@link #topics()}: {@code alerts.<id>} for each watch in {@code sink.watch-topics}
 * among them) must exist before {@link #start()} ({@link Component#startAll}); a stream thread that
 * dies of an unexpected exception is handled by the {@link CrashPolicy}; {@link #close()} stops it all.
 */
public final class SinkService implements Component {

  private static final Logger LOG = LoggerFactory.getLogger(SinkService.class);

  private final NewsmonConfig config;
  private final Path stateDir;
  private KafkaStreams streams;
  private NewsmonMetrics.Binding metrics;
  private final List<AlertFeed> feeds = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private boolean closed;

  /**
   * @param stateDir Streams state directory; null: {@code <state.dir>/sink}
   */
  public SinkService(NewsmonConfig config, Path stateDir) {
    this.config = config;
    this.stateDir = stateDir != null ? stateDir : defaultStateDir(config);
  }

  static Path defaultStateDir(NewsmonConfig config) {
    return Path.of(config.get(KafkaSettings.STATE_DIR)).resolve("sink");
  }

  @Override
  public String name() {
    return "sink";
  }

  @Override
  public List<Topic<?, ?>> topics() {
    return topics(config);
  }

  /**
   * The topics the sink reads and writes: news.processed in; news.enriched, news.alerts,
   * news.deadletter and the per-watch alert topics configured out.
   */
  public static List<Topic<?, ?>> topics(NewsmonConfig config) {
    List<Topic<?, ?>> topics = new ArrayList<>(
        List.of(Topics.PROCESSED, Topics.ENRICHED, Topics.ALERTS, Topics.DEADLETTER));
    for (String watch : config.get(SinkSettings.WATCH_TOPICS)) {
      if (!watch.equals("*")) {
        topics.add(Topics.watchAlerts(watch));
      }
    }
    return topics;
  }

  public synchronized void start() {
    if (streams != null) {
      throw new IllegalStateException("the sink is already started");
    }
    Properties props = KafkaClients.streams(config, config.get(SinkSettings.APPLICATION_ID), 1, stateDir,
        config.get(SinkSettings.COMMIT_INTERVAL));
    KafkaClients.staticMembership(props, config, config.get(SinkSettings.APPLICATION_ID), stateDir);
    streams = new KafkaStreams(SinkTopology.build(config), props);
    streams.setUncaughtExceptionHandler(new CrashPolicy(name()));
    metrics = NewsmonMetrics.bind(streams, "sink", config.get(SinkSettings.APPLICATION_ID));
    streams.start();

    WebhookDeliverer webhook = WebhookDeliverer.from(config);
    if (webhook != null) {
      startFeed(webhook, config.get(SinkSettings.WEBHOOK_GROUP_ID), config.get(SinkSettings.WEBHOOK_RETRY_PAUSE));
    }
    String filesDir = config.get(SinkSettings.FILES_DIR);
    if (filesDir != null) {
      startFeed(new JsonlAlertWriter(Path.of(filesDir), Clock.systemUTC()), config.get(SinkSettings.FILES_GROUP_ID),
          Duration.ofSeconds(5));
    }
    LOG.info("sink started: application {}, state in {}, {} deliverer(s)", config.get(SinkSettings.APPLICATION_ID),
        stateDir, feeds.size());
  }

  private void startFeed(AlertDeliverer deliverer, String groupId, Duration retryPause) {
    Properties p = KafkaClients.consumer(config, groupId);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "50");
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId);
    KafkaClients.staticMembership(p, config, groupId, stateDir);
    KafkaConsumer<String, Alert> consumer =
        new KafkaConsumer<>(p, new StringDeserializer(), JsonSerde.of(Alert.class).deserializer());
    AlertFeed feed = new AlertFeed(consumer, Topics.ALERTS.name(), deliverer, retryPause);
    Thread t = new Thread(feed, "newsmon-sink-" + groupId);
    t.setDaemon(true);
    feeds.add(feed);
    threads.add(t);
    t.start();
  }

  @Override
  public synchronized State state() {
    return StreamsComponent.state(streams, closed);
  }

  /** The Streams client, for health checks and tests; null before {@link #start()}. */
  public synchronized KafkaStreams streams() {
    return streams;
  }

  @Override
  public synchronized void close() {
    closed = true;
    for (AlertFeed feed : feeds) {
      feed.close();
    }
    feeds.clear();
    threads.clear();
    if (streams != null) {
      streams.close(Duration.ofSeconds(30));
      streams = null;
      metrics.close();
    }
  }
}
