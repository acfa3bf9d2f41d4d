package io.newsmon.common.kafka;

import io.newsmon.common.config.KafkaSettings;
import io.newsmon.common.config.NewsmonConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Client properties built the same way for every component: bootstrap servers from
 * {@code bootstrap.servers}, then every {@code kafka.*} setting passed through (SASL, SSL, ...),
 * then the settings newsmon needs for correctness, which a user cannot weaken by accident.
 */
public final class KafkaClients {

  private KafkaClients() {}

  public static Properties base(NewsmonConfig config) {
    String bootstrap = config.get(KafkaSettings.BOOTSTRAP_SERVERS);
    if (bootstrap == null) {
      throw new IllegalArgumentException("no Kafka cluster given: set --bootstrap-servers "
          + "(or NEWSMON_BOOTSTRAP_SERVERS), or use 'newsmon run' / 'newsmon demo' for the embedded broker");
    }
    Properties p = new Properties();
    p.putAll(config.kafkaProperties());
    p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    return p;
  }

  /** An idempotent producer with acks=all: no duplicates or losses from retries. */
  public static Properties producer(NewsmonConfig config, String clientId) {
    Properties p = base(config);
    p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    p.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "20");
    p.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(8 * 1024 * 1024));
    return p;
  }

  /** A consumer reading committed data only. */
  public static Properties consumer(NewsmonConfig config, String groupId) {
    Properties p = base(config);
    if (groupId != null) {
      p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    }
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    // a reader must never create a topic by looking at it: it would get the broker's defaults
    // (one partition, no compaction) instead of newsmon's
    p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
    p.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return p;
  }

  /**
   * Static membership for one consumer group (a Streams application or a plain consumer): sets
   * {@code group.instance.id} to {@link #instanceId} plus the group (Streams adds a suffix per
   * stream thread), so a crashed instance restarted under the same name takes its partitions back
   * without waiting out the session timeout of its previous self. Does nothing for
   * {@code instance.id=none}.
   *
   * @param props consumer or Streams properties to complete
   * @param stateDir the component's own state directory, where a derived name is kept
   */
  public static Properties staticMembership(Properties props, NewsmonConfig config, String group, Path stateDir) {
    String instance = instanceId(config, stateDir);
    if (instance != null) {
      props.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instance + "-" + group);
    }
    return props;
  }

  /**
   * This instance's stable name: {@code instance.id} when set, null for {@code none}, else the host
   * name plus a random suffix created once in {@code stateDir/instance-id} and read back afterwards
   * (one state directory belongs to one running instance, so two instances never share a name).
   */
  public static String instanceId(NewsmonConfig config, Path stateDir) {
    String configured = config.get(KafkaSettings.INSTANCE_ID);
    if ("none".equals(configured)) {
      return null;
    }
    if (configured != null) {
      return configured;
    }
    Path file = stateDir.resolve("instance-id");
    try {
      if (java.nio.file.Files.exists(file)) {
        String kept = java.nio.file.Files.readString(file).strip();
        if (kept.matches("[A-Za-z0-9._-]{1,200}")) {
          return kept;
        }
      }
      String host;
      try {
        host = java.net.InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9._-]", "-");
      } catch (java.net.UnknownHostException e) {
        host = "host";
      }
      String name = host + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
      java.nio.file.Files.createDirectories(stateDir);
      java.nio.file.Files.writeString(file, name + "\n");
      return name;
    } catch (java.io.IOException e) {
      return null; // no place to keep a name: dynamic membership
    }
  }

  /**
   * A Streams application with exactly-once (v2) processing.
   *
   * @param commitInterval how often its stream threads commit (each commit a transaction); a user's
   *     {@code kafka.commit.interval.ms} wins
   */
  public static Properties streams(NewsmonConfig config, String applicationId, int threads, Path stateDir,
      Duration commitInterval) {
    Properties p = base(config);
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.toString(threads));
    p.putIfAbsent(StreamsConfig.REPLICATION_FACTOR_CONFIG, String.valueOf(config.get(KafkaSettings.TOPICS_REPLICATION_FACTOR)));
    p.putIfAbsent(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Long.toString(commitInterval.toMillis()));
    // Streams' exactly-once default is 10 s, which the dedup task's transactions came within a second of
    // on a loaded machine; one that outlived it fenced the producer: a restore and an index rebuild
    // (decision 40)
    if (!p.containsKey(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG)) {
      p.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG),
          Long.toString(config.get(KafkaSettings.STREAMS_TRANSACTION_TIMEOUT).toMillis()));
    }
    p.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG),
        Integer.toString(8 * 1024 * 1024));
    p.putIfAbsent(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    // the Streams producers write the internal topics (repartition, changelogs) and the outputs: lz4
    // batches, as every other newsmon producer writes (Streams' own default is none)
    if (!p.containsKey(ProducerConfig.COMPRESSION_TYPE_CONFIG)) {
      p.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
    }
    // batches of up to 128 KB instead of 16 KB: a commit interval's records of one partition (analysed
    // articles of several KB each) go in a few batches, each appended, indexed and validated once
    if (!p.containsKey(ProducerConfig.BATCH_SIZE_CONFIG)) {
      p.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), Integer.toString(128 * 1024));
    }
    if (stateDir != null) {
      p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    }
    return p;
  }
}
