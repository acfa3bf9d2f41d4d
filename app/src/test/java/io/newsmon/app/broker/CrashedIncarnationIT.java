package io.newsmon.app.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded node of the all-in-one run, killed with {@code kill -9} in a process of its own and
 * started again on its directory in this one: the restart removes the crashed incarnation's
 * registration instead of waiting for its session to expire, and keeps what was written.
 */
class CrashedIncarnationIT {

  private static final List<String> JVM = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

  @Test
  void aRestartAfterKillMinusNineReplacesTheCrashedIncarnation(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("data");
    int port = EmbeddedKafka.freePort();
    String bootstrap = "127.0.0.1:" + port;
    JavaProcess node = new JavaProcess("node", JVM, SingleNodeProcess.class.getName(),
        List.of(data.toString(), Integer.toString(port)), dir);
    node.start();
    try {
      EmbeddedKafka.awaitNodes(bootstrap, 1, Duration.ofMinutes(2), () -> {
        if (!node.alive()) {
          throw new IllegalStateException("the node process died: see " + node.log());
        }
      });
      Properties p = new Properties();
      p.put("bootstrap.servers", bootstrap);
      p.put("acks", "all");
      try (KafkaProducer<String, String> producer =
          new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
        producer.send(new ProducerRecord<>("kept", "k", "survives kill -9")).get();
      }
    } finally {
      node.kill();
    }
    assertThat(node.alive()).isFalse();
    assertThat(CrashedIncarnation.lastRunCrashed(data.resolve("kafka-logs"))).isTrue();
    long logBefore = Files.size(data.resolve(EmbeddedKafka.LOG_FILE));

    try (EmbeddedKafka kafka = EmbeddedKafka.start(data, port, false)) {
      assertThat(kafka.crashedIncarnationRemoved().get(60, TimeUnit.SECONDS)).isTrue();
      assertThat(KafkaClusterIT.read(kafka.bootstrapServers(), "kept")).containsExactly("survives kill -9");
      String restartLog = afterOffset(data.resolve(EmbeddedKafka.LOG_FILE), logBefore);
      assertThat(restartLog).contains("No previous registration found for broker 1")
          .doesNotContain("because its session has timed out");
    }
    // a clean shutdown leaves Kafka's marker: the next start has nothing to remove
    assertThat(CrashedIncarnation.lastRunCrashed(data.resolve("kafka-logs"))).isFalse();
    try (EmbeddedKafka kafka = EmbeddedKafka.start(data, port, false)) {
      assertThat(kafka.crashedIncarnationRemoved().get(1, TimeUnit.SECONDS)).isFalse();
      assertThat(KafkaClusterIT.read(kafka.bootstrapServers(), "kept")).containsExactly("survives kill -9");
    }
  }

  /** What the broker logged from {@code offset} on (all of it if the file was started anew). */
  private static String afterOffset(Path log, long offset) throws Exception {
    byte[] all = Files.readAllBytes(log);
    int from = all.length >= offset ? (int) offset : 0;
    return new String(all, from, all.length - from, java.nio.charset.StandardCharsets.UTF_8);
  }
}
