package io.newsmon.sink;

import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.config.SinkSettings;
import io.newsmon.common.kafka.DeadLetterProcessor;
import io.newsmon.common.kafka.JsonSerde;
import io.newsmon.common.kafka.Topics;
import io.newsmon.common.record.Alert;
import io.newsmon.common.record.ProcessedArticle;
import io.newsmon.sink.alert.AlertPolicy;
import io.newsmon.sink.alert.AlertProcessor;
import io.newsmon.sink.alert.AlertRules;
import io.newsmon.sink.alert.AlertStateSerde;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink's Kafka Streams application, the one place its wiring lives.
 *
 * <pre>
 * news.processed (bytes) ─► read ─┬─ failed ─► news.deadletter (original bytes + newsmon.dlq.* headers, stage "sink")
 *                                 └─ ok ─┬─ not a duplicate ─► news.enriched (key: article id)
 *                                        └─ relevant or duplicate ─► by story id (repartition: only what the policy reads)
 *                                             ─► alert policy (store sink-alerts, changelogged)
 *                                             ─► news.alerts and alerts.&lt;watchId&gt; (key: alert id)
 * </pre>
 *
 * <p>Articles are re-keyed by story id before the alert policy so that an original and its copies,
 * which arrive keyed by their own article ids on any partition, meet in the same task and store.
 */
public final class SinkTopology {

  /** Name of the alert state store (its changelog is {@code <application-id>-sink-alerts-changelog}). */
  public static final String ALERT_STORE = "sink-alerts";
  /** The stage written in the dead-letter headers of records this application rejects. */
  public static final String STAGE = "sink";

  private static final Logger LOG = LoggerFactory.getLogger(SinkTopology.class);

  private SinkTopology() {}

  /** The topology with the alert rules and watch topics of {@code config}. */
  public static Topology build(NewsmonConfig config) {
    return build(AlertRules.from(config), watchTopicFilter(config.get(SinkSettings.WATCH_TOPICS)));
  }

  /**
   * The topology with explicit rules.
   *
   * @param ownTopic which watch ids also get their alerts on {@code alerts.<watchId>}
   */
  public static Topology build(AlertRules rules, Predicate<String> ownTopic) {
    AlertPolicy policy = new AlertPolicy(rules);
    JsonSerde<ProcessedArticle> articleSerde = JsonSerde.of(ProcessedArticle.class);
    JsonSerde<Alert> alertSerde = JsonSerde.of(Alert.class);

    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(ALERT_STORE), Serdes.String(), new AlertStateSerde()));

    KStream<byte[], ParsedArticle> read = builder
        .stream(Topics.PROCESSED.name(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray())
            .withName("processed-in"))
        .process(ReadProcessor::new, Named.as("read"));

    Map<String, KStream<byte[], ParsedArticle>> routes = read
        .split(Named.as("route-"))
        .branch((k, v) -> v.failed(), Branched.as("failed"))
        .defaultBranch(Branched.as("ok"));

    routes.get("route-failed")
        .process(DeadLetterProcessor<byte[], ParsedArticle>::new, Named.as("dead-letter"))
        .to(Topics.DEADLETTER.name(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray())
            .withName("deadletter-out"));

    KStream<String, ProcessedArticle> articles = routes.get("route-ok")
        .map((k, v) -> KeyValue.pair(v.article().id(), v.article()), Named.as("by-article-id"));

    articles
        .filter((id, a) -> !a.duplicate(), Named.as("unique"))
        .to(Topics.ENRICHED.name(), Produced.with(Serdes.String(), articleSerde).withName("enriched-out"));

    KStream<String, Alert> alerts = articles
        .filter((id, a) -> a.duplicate() || a.analysis().relevant(), Named.as("alert-candidates"))
        .map((id, a) -> KeyValue.pair(a.analysis().storyId(), AlertPolicy.alertPart(a)), Named.as("by-story-id"))
        .repartition(Repartitioned.with(Serdes.String(), articleSerde).withName("by-story"))
        .process(() -> new AlertProcessor(policy, ALERT_STORE), Named.as("alert-policy"), ALERT_STORE);

    alerts.to(Topics.ALERTS.name(), Produced.with(Serdes.String(), alertSerde).withName("alerts-out"));
    alerts
        .filter((id, alert) -> ownTopic.test(alert.watchId()), Named.as("own-watch-topic"))
        .to((id, alert, ctx) -> Topics.watchAlerts(alert.watchId()).name(),
            Produced.with(Serdes.String(), alertSerde).withName("watch-alerts-out"));
    return builder.build();
  }

  /**
   * Which watch ids get their own topic: those listed, or every valid watch id when the list holds
   * {@code *}. Ids that cannot name a topic never do (their alerts stay on news.alerts).
   */
  public static Predicate<String> watchTopicFilter(List<String> watchTopics) {
    boolean all = watchTopics.contains("*");
    return watchId -> {
      if (watchId == null || !(all || watchTopics.contains(watchId))) {
        return false;
      }
      try {
        Topics.watchAlerts(watchId);
        return true;
      } catch (IllegalArgumentException e) {
        LOG.warn("alerts of watch '{}' go to {} only: {}", watchId, Topics.ALERTS.name(), e.getMessage());
        return false;
      }
    };
  }

  /** Reads each record, or marks it failed with the reason; never throws for bad data. */
  static final class ReadProcessor implements Processor<byte[], byte[], byte[], ParsedArticle> {
    private final ArticleReader reader = new ArticleReader();
    private ProcessorContext<byte[], ParsedArticle> context;

    @Override
    public void init(ProcessorContext<byte[], ParsedArticle> context) {
      this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
      ParsedArticle parsed;
      try {
        parsed = new ParsedArticle(reader.read(record.value()), record.key(), record.value(), null);
      } catch (RuntimeException e) {
        parsed = new ParsedArticle(null, record.key(), record.value(), DeadLetterProcessor.reason(STAGE, context, e));
      }
      context.forward(record.withValue(parsed));
    }
  }
}
