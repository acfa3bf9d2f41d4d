package io.newsmon.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.config.ProcessorSettings;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/** What the Streams applications' producers are given, and that a user's kafka.* settings win. */
class KafkaClientsTest {

  private static Map<String, Object> producerOf(Properties p) {
    return new StreamsConfig(p).getProducerConfigs("c");
  }

  private static NewsmonConfig config(Map<String, String> overrides) {
    java.util.Map<String, String> m = new java.util.HashMap<>(overrides);
    m.put("bootstrap.servers", "127.0.0.1:1");
    return NewsmonConfig.load(null, Map.of(), m);
  }

  /** The processor's Streams properties: its commit interval setting, as ProcessorService passes it. */
  private static Properties streams(NewsmonConfig config) {
    return KafkaClients.streams(config, "app", 1, null, config.get(ProcessorSettings.COMMIT_INTERVAL));
  }

  @Test
  void streamsProducersCompressAndBatchByDefault() {
    Map<String, Object> producer = producerOf(streams(config(Map.of())));
    assertThat(producer.get(ProducerConfig.COMPRESSION_TYPE_CONFIG)).isEqualTo("lz4");
    assertThat(producer.get(ProducerConfig.BATCH_SIZE_CONFIG)).hasToString(Integer.toString(128 * 1024));
  }

  @Test
  void streamsTransactionsOutliveASlowCommitCycle() {
    Properties props = KafkaClients.streams(config(Map.of()), "app", 1, null, java.time.Duration.ofMillis(250));
    assertThat(props.getProperty(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo("250");
    // Streams' exactly-once default (10 s) is replaced by streams.transaction-timeout
    assertThat(producerOf(props).get(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG)).hasToString("60000");
    Properties shorter = streams(config(Map.of("streams.transaction-timeout", "20s")));
    assertThat(producerOf(shorter).get(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG)).hasToString("20000");
    assertThat(shorter.getProperty(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo("100");
  }

  @Test
  void aUsersKafkaCommitIntervalAndTransactionTimeoutWin() {
    Properties props = KafkaClients.streams(config(Map.of("kafka.commit.interval.ms", "1000",
        "kafka.transaction.timeout.ms", "30000")), "app", 1, null, java.time.Duration.ofMillis(250));
    assertThat(props.getProperty(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo("1000");
    assertThat(producerOf(props).get(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG)).hasToString("30000");
  }

  @Test
  void aUsersClientSettingsWin() {
    Map<String, Object> producer = producerOf(streams(
        config(Map.of("kafka.compression.type", "zstd", "kafka.batch.size", "4096"))));
    assertThat(producer.get(ProducerConfig.COMPRESSION_TYPE_CONFIG)).isEqualTo("zstd");
    assertThat(producer.get(ProducerConfig.BATCH_SIZE_CONFIG)).hasToString("4096");
  }
}
