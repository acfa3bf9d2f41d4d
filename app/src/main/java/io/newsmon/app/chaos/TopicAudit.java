package io.newsmon.app.chaos;

import io.newsmon.common.kafka.Topics;
import io.newsmon.common.record.Alert;
import io.newsmon.common.record.ProcessedArticle;
import io.newsmon.common.record.RawArticle;
import io.newsmon.common.util.Hashing;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * What the topics hold, read from the beginning to the end with {@code read_committed} (aborted
 * transactions are invisible, as to every newsmon reader): records per article id in news.raw,
 * news.processed and news.enriched, and the alert revisions of news.alerts.
 */
final class TopicAudit {

  /** Records per article id in news.raw. */
  final Map<String, Integer> raw = new HashMap<>();
  /** Records per article id in news.processed. */
  final Map<String, Integer> processed = new HashMap<>();
  /** Records per article id in news.enriched. */
  final Map<String, Integer> enriched = new HashMap<>();
  /** Highest revision per alert id in news.alerts. */
  final Map<String, Integer> alerts = new HashMap<>();
  /** What the dedup step decided per article id in news.processed: URL, original or copy of what, story. */
  final Map<String, String> decisions = new HashMap<>();
  /** Alert id → the article and story of its latest revision (to explain a differing id). */
  final Map<String, String> alertArticles = new HashMap<>();
  /** Every "alertId#revision" in news.alerts. */
  final java.util.Set<String> alertRevisions = new java.util.HashSet<>();

  private TopicAudit() {}

  static TopicAudit read(String bootstrap) {
    TopicAudit a = new TopicAudit();
    readTopic(bootstrap, Topics.RAW.name(), Topics.RAW.valueSerde().deserializer(),
        (RawArticle r) -> a.raw.merge(Hashing.articleId(r.key()), 1, Integer::sum));
    readTopic(bootstrap, Topics.PROCESSED.name(), Topics.PROCESSED.valueSerde().deserializer(),
        (ProcessedArticle p) -> {
          a.processed.merge(p.id(), 1, Integer::sum);
          if (p.analysis() != null) {
            a.decisions.put(p.id(), p.article().url() + " "
                + (p.analysis().duplicateOf() == null ? "original" : "copy of " + p.analysis().duplicateOf())
                + ", story " + p.analysis().storyId());
          }
        });
    readTopic(bootstrap, Topics.ENRICHED.name(), Topics.ENRICHED.valueSerde().deserializer(),
        (ProcessedArticle p) -> a.enriched.merge(p.id(), 1, Integer::sum));
    readTopic(bootstrap, Topics.ALERTS.name(), Topics.ALERTS.valueSerde().deserializer(), (Alert al) -> {
      a.alerts.merge(al.alertId(), al.revision(), Math::max);
      a.alertArticles.put(al.alertId(), al.articleId());
      a.alertRevisions.add(al.alertId() + "#" + al.revision());
    });
    return a;
  }

  /** Ids in news.processed only (a cheaper read for progress checks). */
  static java.util.Set<String> processedIds(String bootstrap) {
    java.util.Set<String> ids = new java.util.HashSet<>();
    readTopic(bootstrap, Topics.PROCESSED.name(), Topics.PROCESSED.valueSerde().deserializer(),
        (ProcessedArticle p) -> ids.add(p.id()));
    return ids;
  }

  static <V> void readTopic(String bootstrap, String topic, Deserializer<V> values, Consumer<V> each) {
    try (KafkaConsumer<byte[], V> c = new KafkaConsumer<>(reader(bootstrap, "read_committed"),
        new org.apache.kafka.common.serialization.ByteArrayDeserializer(), values)) {
      List<TopicPartition> parts = c.partitionsFor(topic, Duration.ofSeconds(30)).stream()
          .map(pi -> new TopicPartition(topic, pi.partition())).toList();
      c.assign(parts);
      c.seekToBeginning(parts);
      Map<TopicPartition, Long> end = c.endOffsets(parts, Duration.ofSeconds(30));
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (!reached(c, end)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read " + topic + " to its end in 120 s");
        }
        for (ConsumerRecord<byte[], V> r : c.poll(Duration.ofMillis(300))) {
          if (r.value() != null) {
            each.accept(r.value());
          }
        }
      }
    }
  }

  /** Properties of a consumer without a group that reads everything and commits nothing. */
  static Properties reader(String bootstrap, String isolation) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
    p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(8 * 1024 * 1024));
    return p;
  }

  private static boolean reached(KafkaConsumer<?, ?> c, Map<TopicPartition, Long> end) {
    for (var e : end.entrySet()) {
      if (c.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }
}
