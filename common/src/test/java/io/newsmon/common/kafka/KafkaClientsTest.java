package io.newsmon.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.common.config.NewsmonConfig;
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

  @Test
  void streamsProducersCompressAndBatchByDefault() {
    Map<String, Object> producer = producerOf(KafkaClients.streams(config(Map.of()), "app", 1, null));
    assertThat(producer.get(ProducerConfig.COMPRESSION_TYPE_CONFIG)).isEqualTo("lz4");
    assertThat(producer.get(ProducerConfig.BATCH_SIZE_CONFIG)).hasToString(Integer.toString(128 * 1024));
  }

  @Test
  void aUsersClientSettingsWin() {
    Map<String, Object> producer = producerOf(KafkaClients.streams(
        config(Map.of("kafka.compression.type", "zstd", "kafka.batch.size", "4096")), "app", 1, null));
    assertThat(producer.get(ProducerConfig.COMPRESSION_TYPE_CONFIG)).isEqualTo("zstd");
    assertThat(producer.get(ProducerConfig.BATCH_SIZE_CONFIG)).hasToString("4096");
  }
}
