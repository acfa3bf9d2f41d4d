package io.newsmon.app.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher behind {@code newsmon cluster} and the fault program, on a real node process: one
 * node (three would cost three JVMs in every test run; the fault program runs three), killed with
 * {@code kill -9} and started again on its directory and ports, keeps what was written to it.
 */
class KafkaClusterIT {

  private static final List<String> JVM = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

  @Test
  void aKilledNodeStartsAgainOnItsDataAndPorts(@TempDir Path dir) throws Exception {
    try (KafkaCluster cluster = KafkaCluster.start(dir, 1, JVM, Duration.ofMinutes(2))) {
      String bs = cluster.bootstrapServers();
      long firstPid = cluster.pid(1);
      assertThat(firstPid).isPositive();
      Properties p = new Properties();
      p.put("bootstrap.servers", bs);
      p.put("acks", "all");
      try (KafkaProducer<String, String> producer =
          new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
        producer.send(new ProducerRecord<>("kept", "k", "survives kill -9")).get();
      }

      cluster.kill(1);
      assertThat(cluster.pid(1)).isEqualTo(-1);
      cluster.restart(1);
      cluster.awaitNodes(1, Duration.ofMinutes(2));

      assertThat(cluster.pid(1)).isPositive().isNotEqualTo(firstPid);
      assertThat(cluster.node(1).starts()).isEqualTo(2);
      assertThat(read(bs, "kept")).containsExactly("survives kill -9");
      assertThat(Files.readString(cluster.nodeDir(1).resolve(EmbeddedKafka.LOG_FILE))).contains("KafkaRaftServer");
    }
    // the same directory is the same cluster: same ports; another size is refused
    assertThat(KafkaCluster.open(dir, 1, JVM).bootstrapServers()).isEqualTo(
        KafkaCluster.open(dir, 1, List.of()).bootstrapServers());
    assertThatThrownBy(() -> KafkaCluster.open(dir, 3, JVM)).hasMessageContaining("has 1 nodes, not 3");
  }

  /** The values of partition 0 of {@code topic}, read from the start (waits up to 60 s for the first). */
  static List<String> read(String bs, String topic) {
    Properties p = new Properties();
    p.put("bootstrap.servers", bs);
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
      TopicPartition tp = new TopicPartition(topic, 0);
      consumer.assign(List.of(tp));
      consumer.seekToBeginning(List.of(tp));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (values.isEmpty() && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          values.add(r.value());
        }
      }
    }
    return values;
  }
}
