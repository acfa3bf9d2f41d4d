package io.newsmon.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoggingTest {

  @Test
  void everyLineNamesItsComponent() {
    assertThat(Logging.component("io.newsmon.ingestor.IngestorService", "main")).isEqualTo("ingestor");
    assertThat(Logging.component("io.newsmon.processor.ProcessorService", "main")).isEqualTo("processor");
    assertThat(Logging.component("io.newsmon.sink.deliver.WebhookDeliverer", "x")).isEqualTo("sink");
    assertThat(Logging.component("kafka.server.ReplicaManager", "data-plane-kafka-request-handler-0"))
        .isEqualTo("broker");
    assertThat(Logging.component("org.apache.kafka.storage.internals.log.UnifiedLog", "x")).isEqualTo("broker");
    // a client's line belongs to the component whose thread logs it
    assertThat(Logging.component("org.apache.kafka.clients.producer.internals.Sender",
        "kafka-producer-network-thread | newsmon-ingestor-raw")).isEqualTo("ingestor");
    assertThat(Logging.component("org.apache.kafka.streams.processor.internals.StreamThread",
        "newsmon-processor-3f2a-StreamThread-1")).isEqualTo("processor");
    assertThat(Logging.component("org.apache.kafka.clients.NetworkClient", "main")).isEqualTo("kafka");
    assertThat(Logging.component("org.openqa.selenium.Foo", "main")).isEqualTo("lib");
  }

  @Test
  void aRecordIsOneLineWithTimeLevelComponentAndLogger() {
    LogRecord r = new LogRecord(Level.WARNING, "source {0} failed:\nsecond line");
    r.setParameters(new Object[] {"tass"});
    r.setLoggerName("io.newsmon.ingestor.IngestorService");
    r.setThrown(new IllegalStateException("boom\nagain"));
    String line = new Logging.OneLine().format(r);
    assertThat(line.strip()).doesNotContain("\n")
        .matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARN  \\[ingestor\\] IngestorService: source tass failed: second line"
            + " \\(java.lang.IllegalStateException: boom again\\)");
  }

  @Test
  void theBrokerLogsToItsFileAndNotToTheTerminal(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("broker.log");
    Logging.brokerToFile(file);
    try {
      Logger broker = Logger.getLogger("kafka.server.ReplicaManager");
      broker.severe("OutOfOrderSequenceException on partition news.raw-0 (a retriable error)");
      assertThat(Logger.getLogger("kafka").getUseParentHandlers()).isFalse();
      assertThat(Logger.getLogger("org.apache.kafka.clients.producer.KafkaProducer").getUseParentHandlers()).isTrue();
      for (var h : broker.getHandlers()) {
        h.flush();
      }
      assertThat(Files.readString(file)).contains("[broker] ReplicaManager: OutOfOrderSequenceException");
    } finally {
      Logging.closeBrokerFile();
    }
  }
}
