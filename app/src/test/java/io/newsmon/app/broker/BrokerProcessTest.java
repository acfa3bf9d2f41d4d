package io.newsmon.app.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import org.junit.jupiter.api.Test;

class BrokerProcessTest {

  @Test
  void aNodeOfAThreeNodeClusterReplicatesEverythingThreeTimes() {
    String voters = "1@127.0.0.1:19093,2@127.0.0.1:19095,3@127.0.0.1:19097";
    Properties p = BrokerProcess.properties(2, Path.of("/tmp/node-2/kafka-logs"), 19094, 19095, voters, 3, 2);
    KafkaConfig config = KafkaConfig.fromProps(p, false); // what the node starts with: Kafka accepts it
    assertThat(config.nodeId()).isEqualTo(2);
    assertThat(p.getProperty("controller.quorum.voters")).isEqualTo(voters);
    assertThat(p.getProperty("listeners")).contains("127.0.0.1:19094").contains("127.0.0.1:19095");
    assertThat(p.getProperty("default.replication.factor")).isEqualTo("3");
    assertThat(p.getProperty("offsets.topic.replication.factor")).isEqualTo("3");
    assertThat(p.getProperty("transaction.state.log.replication.factor")).isEqualTo("3");
    assertThat(p.getProperty("min.insync.replicas")).isEqualTo("2");
    assertThat(p.getProperty("transaction.state.log.min.isr")).isEqualTo("2");
  }

  @Test
  void onlyTheEmbeddedSingleNodeGetsTheFastRestartSettings() {
    Properties single = EmbeddedKafka.brokerProperties(Path.of("/tmp/one/kafka-logs"), 19092, 19093);
    KafkaConfig config = KafkaConfig.fromProps(single, false);
    assertThat(config.brokerSessionTimeoutMs()).as("Kafka's session: a shorter one let the broker fence itself under load")
        .isEqualTo(9000);
    assertThat(single.getProperty("log.roll.ms")).isEqualTo(Long.toString(Long.MAX_VALUE));
    assertThat(single.getProperty("offsets.topic.num.partitions")).isEqualTo("1");
    assertThat(single.getProperty("transaction.state.log.num.partitions")).isEqualTo("1");

    Properties node = BrokerProcess.properties(1, Path.of("/tmp/node-1/kafka-logs"), 19094, 19095,
        "1@127.0.0.1:19095", 3, 2);
    assertThat(node).doesNotContainKeys("broker.session.timeout.ms", "log.roll.ms", "log.segment.bytes");
    assertThat(KafkaConfig.fromProps(node, false).brokerSessionTimeoutMs()).isEqualTo(9000);
  }
}
