package io.newsmon.common.kafka;

import io.newsmon.common.config.KafkaSettings;
import io.newsmon.common.config.NewsmonConfig;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Creates newsmon's topics when they are missing, with the configured partitions and retention:
 * compacted topics compact; the others keep records by {@code topics.retention} (0: no time limit,
 * the default, since record timestamps are publication times) and {@code topics.retention-bytes}.
 */
public final class TopicAdmin {

  private TopicAdmin() {}

  /** How long a new topic's partitions may take to open on their leaders before creation is reported failed. */
  static final long OPEN_TIMEOUT_MS = 30_000;

  /** Creates those of {@code topics} that do not exist yet; existing ones are left as they are. */
  public static void ensure(NewsmonConfig config, Collection<? extends Topic<?, ?>> topics) {
    int partitions = config.get(KafkaSettings.TOPICS_PARTITIONS);
    short replication = config.get(KafkaSettings.TOPICS_REPLICATION_FACTOR).shortValue();
    long retentionMs = config.get(KafkaSettings.TOPICS_RETENTION).toMillis();
    long retentionBytes = config.get(KafkaSettings.TOPICS_RETENTION_BYTES);
    java.util.Properties props = KafkaClients.base(config);
    props.putIfAbsent("default.api.timeout.ms", "30000");
    props.putIfAbsent("request.timeout.ms", "15000");
    try (Admin admin = Admin.create(props)) {
      Set<String> existing = admin.listTopics().names().get();
      List<NewTopic> missing = new ArrayList<>();
      for (Topic<?, ?> t : topics) {
        if (existing.contains(t.name())) {
          continue;
        }
        Map<String, String> cfg = new HashMap<>();
        if (t.compacted()) {
          cfg.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        } else {
          cfg.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retentionMs <= 0 ? -1 : retentionMs));
          cfg.put(TopicConfig.RETENTION_BYTES_CONFIG, Long.toString(retentionBytes));
        }
        cfg.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(8 * 1024 * 1024));
        missing.add(new NewTopic(t.name(), partitions, replication).configs(cfg));
      }
      if (!missing.isEmpty()) {
        admin.createTopics(missing).all().get();
        awaitPartitionsOpen(admin, missing, config);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException) {
        return; // another instance created it meanwhile
      }
      if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
        throw new IllegalStateException("cannot reach Kafka at " + config.get(KafkaSettings.BOOTSTRAP_SERVERS)
            + " (no answer in time): is the broker running and the address right?", e.getCause());
      }
      throw new IllegalStateException("cannot create topics: " + e.getCause().getMessage(), e.getCause());
    }
  }

  /**
   * Returns once every partition of the new topics answers a ListOffsets request on its leader, that is
   * once the leader has opened its log. A topic counts as created as soon as the controller has recorded
   * it, before the brokers have applied that: an idempotent producer writing at once can have its first
   * batch refused as not led while a later batch is appended, and the first batch is then refused as out
   * of order on every retry until its delivery timeout expires it (KAFKA-15591), so its records are lost.
   */
  static void awaitPartitionsOpen(Admin admin, Collection<NewTopic> created, NewsmonConfig config)
      throws InterruptedException {
    Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
    for (NewTopic t : created) {
      for (int p = 0; p < t.numPartitions(); p++) {
        partitions.put(new TopicPartition(t.name(), p), OffsetSpec.latest());
      }
    }
    long deadline = System.nanoTime() + OPEN_TIMEOUT_MS * 1_000_000L;
    while (true) {
      try {
        admin.listOffsets(partitions).all().get();
        return;
      } catch (ExecutionException e) {
        if (System.nanoTime() - deadline > 0) {
          throw new IllegalStateException("topics created but their partitions did not open on "
              + config.get(KafkaSettings.BOOTSTRAP_SERVERS) + " within " + OPEN_TIMEOUT_MS / 1000 + " s: "
              + e.getCause().getMessage(), e.getCause());
        }
        Thread.sleep(50);
      }
    }
  }
}
