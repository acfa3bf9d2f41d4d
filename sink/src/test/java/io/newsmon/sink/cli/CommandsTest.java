package io.newsmon.sink.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.common.kafka.Json;
import io.newsmon.common.record.Alert;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandsTest {

  private static final TopicPartition TP = new TopicPartition("news.alerts", 0);

  private static Alert alert(String id, String watch, int revision) {
    return new Alert(1, id, revision, watch, "s-" + id, "a-" + id, "https://kapital.kz/" + id,
        "Казахстан и Марокко: новые авиарейсы", "ru", Instant.parse("2025-04-02T07:00:00Z"), 0.7,
        List.of("tourism"), List.of(), new Alert.Copies(revision - 1, List.of()),
        Instant.parse("2025-04-02T07:01:00Z"), Instant.parse("2025-04-02T07:01:00Z"), "1");
  }

  private static MockConsumer<String, Alert> consumerWith(Alert... alerts) {
    MockConsumer<String, Alert> c = new MockConsumer<>("earliest");
    c.assign(List.of(TP));
    c.updateBeginningOffsets(Map.of(TP, 0L));
    for (int i = 0; i < alerts.length; i++) {
      c.addRecord(new ConsumerRecord<>(TP.topic(), 0, i, alerts[i].alertId(), alerts[i]));
    }
    return c;
  }

  @Test
  void watcherPrintsReadableLinesFiltersByWatchAndStopsAtMax() {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    MockConsumer<String, Alert> c = consumerWith(alert("al-1", "morocco-kazakhstan", 1),
        alert("al-2", "other", 1), alert("al-1", "morocco-kazakhstan", 2), alert("al-3", "morocco-kazakhstan", 1));
    int n = new AlertWatcher(c, new PrintStream(buf, true, StandardCharsets.UTF_8), false, "morocco-kazakhstan")
        .run(2, Duration.ofSeconds(5));
    List<String> lines = buf.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(n).isEqualTo(2);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).contains("Казахстан и Марокко").contains("ru").contains("0.70").contains("[tourism]")
        .contains("https://kapital.kz/al-1").doesNotContain("updated");
    assertThat(lines.get(1)).endsWith("updated (copies: 1)");
  }

  @Test
  void watcherJsonLinesAndTimeout() throws Exception {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    MockConsumer<String, Alert> c = consumerWith(alert("al-9", "morocco-kazakhstan", 1));
    long start = System.nanoTime();
    int n = new AlertWatcher(c, new PrintStream(buf, true, StandardCharsets.UTF_8), true, null)
        .run(0, Duration.ofMillis(300));
    assertThat(n).isEqualTo(1);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    String line = buf.toString(StandardCharsets.UTF_8).strip();
    assertThat(Json.mapper().readValue(line, Alert.class).alertId()).isEqualTo("al-9");
  }

  @Test
  void commandsDescribeThemselves() {
    for (Object cmd : List.of(new SinkCommand(), new WatchCommand())) {
      StringWriter out = new StringWriter();
      CommandLine cl = new CommandLine(cmd);
      cl.setOut(new PrintWriter(out));
      assertThat(cl.execute("--help")).isZero();
      assertThat(out.toString()).contains("--bootstrap-servers");
    }
    CommandLine watch = new CommandLine(new WatchCommand());
    assertThat(watch.getCommandSpec().findOption("--from-beginning")).isNotNull();
    assertThat(watch.getCommandSpec().findOption("--timeout")).isNotNull();
  }

  @Test
  void withoutAClusterTheErrorSaysWhatToDo() {
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new SinkCommand());
    cl.setErr(new PrintWriter(err));
    assertThat(cl.execute("--set", "bootstrap.servers=")).isNotZero();
    assertThat(err.toString()).contains("--bootstrap-servers");
  }
}
