package io.newsmon.common.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.KafkaStreams;

/**
 * newsmon's metrics: one Prometheus registry per process, read by {@code /metrics} of the
 * {@link OpsEndpoint}, and one static method per event so a component counts with one line. Meter
 * names are dotted here and come out in Prometheus form ({@code newsmon.items.fetched} is
 * {@code newsmon_items_fetched_total}). Counting costs a map lookup, with or without an endpoint.
 */
public final class NewsmonMetrics {

  private static final PrometheusMeterRegistry REGISTRY = createRegistry();

  private NewsmonMetrics() {}

  private static PrometheusMeterRegistry createRegistry() {
    PrometheusMeterRegistry r = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(r);
    new JvmThreadMetrics().bindTo(r);
    new ProcessorMetrics().bindTo(r);
    new UptimeMetrics().bindTo(r);
    new JvmGcMetrics().bindTo(r);
    return r;
  }

  /** The process's registry. */
  public static MeterRegistry registry() {
    return REGISTRY;
  }

  /** Every meter in the Prometheus text format. */
  public static String scrape() {
    return REGISTRY.scrape();
  }

  // ingestor

  /** A new item of a source was fetched and published. */
  public static void itemFetched(String sourceId) {
    count("newsmon.items.fetched", "new items of a source fetched and published to news.raw",
        "source", label(sourceId)).increment();
  }

  /** Fetching a source's listing or one of its items failed. */
  public static void itemFailed(String sourceId) {
    count("newsmon.items.failed", "failed fetches of a source's listing or items",
        "source", label(sourceId)).increment();
  }

  /** An item of a source was skipped because it had been ingested before. */
  public static void itemSkipped(String sourceId) {
    count("newsmon.items.skipped", "items of a source skipped as already ingested",
        "source", label(sourceId)).increment();
  }

  /** Articles published by a replay (its progress). */
  public static void replayed(long articles) {
    count("newsmon.replay.articles", "articles published by replays (progress)").increment(articles);
  }

  // processor

  /** An article was analysed; {@code language} is the detected ISO 639-1 code or und. */
  public static void articleAnalysed(String language) {
    count("newsmon.articles.analysed", "articles analysed by the processor, by detected language",
        "language", label(language)).increment();
  }

  /** The dedup step judged an article: a duplicate, or an original opening a new story or not. */
  public static void dedupDecision(boolean duplicate, boolean newStory) {
    if (duplicate) {
      count("newsmon.duplicates", "articles judged exact or near duplicates of an earlier one").increment();
    } else if (newStory) {
      count("newsmon.stories", "original articles that opened a new story").increment();
    }
  }

  // sink

  /** An alert was published: revision 1 counts as raised, later revisions as updated. */
  public static void alert(String watchId, int revision) {
    if (revision <= 1) {
      count("newsmon.alerts.raised", "alerts raised (first revision), by watch",
          "watch", label(watchId)).increment();
    } else {
      count("newsmon.alerts.updated", "alert revisions published for new copies, by watch",
          "watch", label(watchId))
          .increment();
    }
  }

  /** A webhook delivery round ended: delivered, or failed / rejected. */
  public static void webhook(boolean delivered) {
    if (delivered) {
      count("newsmon.webhook.deliveries", "alert revisions delivered to the webhook").increment();
    } else {
      count("newsmon.webhook.failures", "webhook delivery rounds that failed or were refused").increment();
    }
  }

  // every component

  /** A record went to the dead-letter topic; {@code reason} is the error class or code. */
  public static void deadLetter(String stage, String reason) {
    String r = reason == null ? "unknown" : reason.substring(reason.lastIndexOf('.') + 1);
    count("newsmon.deadletters", "records sent to news.deadletter, by stage and reason",
        "stage", label(stage), "reason", label(r)).increment();
  }

  /** A dead letter, its stage and reason read from its {@code newsmon.dlq.*} headers. */
  public static void deadLetter(Headers headers) {
    deadLetter(header(headers, "newsmon.dlq.stage"), header(headers, "newsmon.dlq.errorClass"));
  }

  private static String header(Headers headers, String key) {
    Header h = headers == null ? null : headers.lastHeader(key);
    return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  private static Counter count(String name, String description, String... tags) {
    return Counter.builder(name).description(description).tags(tags).register(REGISTRY);
  }

  private static String label(String value) {
    return value == null || value.isBlank() ? "unknown" : value;
  }

  // Kafka clients

  /**
   * Binds a Streams application's client metrics (Micrometer's Kafka Streams binder, names
   * {@code kafka_stream_*}, {@code kafka_consumer_*}, {@code kafka_producer_*}) and
   * {@code newsmon_consumer_lag}: records behind the end of the input partitions, summed. Close the
   * result with the application.
   */
  public static Binding bind(KafkaStreams streams, String component, String applicationId) {
    KafkaStreamsMetrics binder = new KafkaStreamsMetrics(streams, Tags.of("component", component));
    binder.bindTo(REGISTRY);
    Gauge lag = Gauge.builder("newsmon.consumer.lag", streams, s -> lag(s.metrics()))
        .description("records the application's consumers are behind the end of their partitions")
        .tag("component", component).tag("application", applicationId).strongReference(false).register(REGISTRY);
    return () -> {
      binder.close();
      REGISTRY.remove((Meter) lag);
    };
  }

  /** Binds a producer's metrics (Micrometer's Kafka client binder); close the result with it. */
  public static Binding bind(Producer<?, ?> producer, String component) {
    KafkaClientMetrics binder = new KafkaClientMetrics(producer, Tags.of("component", component));
    binder.bindTo(REGISTRY);
    return binder::close;
  }

  /** Binds a consumer's metrics (Micrometer's Kafka client binder); close the result with it. */
  public static Binding bind(Consumer<?, ?> consumer, String component) {
    KafkaClientMetrics binder = new KafkaClientMetrics(consumer, Tags.of("component", component));
    binder.bindTo(REGISTRY);
    return binder::close;
  }

  /** Meters bound to a Kafka client; closing removes them. */
  public interface Binding extends AutoCloseable {
    @Override
    void close();
  }

  /** Sum of the {@code records-lag} of the main (not restore) consumers among these metrics. */
  static double lag(Map<MetricName, ? extends Metric> metrics) {
    double total = 0;
    for (Map.Entry<MetricName, ? extends Metric> e : metrics.entrySet()) {
      MetricName n = e.getKey();
      String client = n.tags().getOrDefault("client-id", "");
      if (n.name().equals("records-lag") && n.group().equals("consumer-fetch-manager-metrics")
          && !client.contains("restore") && e.getValue().metricValue() instanceof Number v
          && !Double.isNaN(v.doubleValue())) {
        total += v.doubleValue();
      }
    }
    return total;
  }
}
