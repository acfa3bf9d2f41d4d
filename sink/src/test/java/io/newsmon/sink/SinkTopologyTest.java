package io.newsmon.sink;

import static io.newsmon.sink.Fixtures.WATCH;
import static io.newsmon.sink.Fixtures.copy;
import static io.newsmon.sink.Fixtures.original;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.kafka.JsonSerde;
import io.newsmon.common.kafka.Topics;
import io.newsmon.common.record.Alert;
import io.newsmon.common.record.DeadLetter;
import io.newsmon.common.record.ProcessedArticle;
import io.newsmon.sink.alert.AlertPolicy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The production topology under TopologyTestDriver. */
class SinkTopologyTest {

  private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");

  @TempDir
  Path stateDir;

  private TopologyTestDriver driver;
  private TestInputTopic<String, ProcessedArticle> processed;
  private TestInputTopic<byte[], byte[]> processedBytes;
  private TestOutputTopic<String, Alert> alerts;
  private TestOutputTopic<String, Alert> watchAlerts;
  private TestOutputTopic<String, ProcessedArticle> enriched;
  private TestOutputTopic<byte[], byte[]> deadLetters;

  private void start(NewsmonConfig config) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "sink-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver = new TopologyTestDriver(SinkTopology.build(config), props, START);
    processed = driver.createInputTopic(Topics.PROCESSED.name(), Serdes.String().serializer(),
        Topics.PROCESSED.valueSerde().serializer());
    processedBytes = driver.createInputTopic(Topics.PROCESSED.name(), Serdes.ByteArray().serializer(),
        Serdes.ByteArray().serializer());
    alerts = driver.createOutputTopic(Topics.ALERTS.name(), Serdes.String().deserializer(),
        Topics.ALERTS.valueSerde().deserializer());
    watchAlerts = driver.createOutputTopic(Topics.watchAlerts(WATCH).name(), Serdes.String().deserializer(),
        JsonSerde.of(Alert.class).deserializer());
    enriched = driver.createOutputTopic(Topics.ENRICHED.name(), Serdes.String().deserializer(),
        Topics.ENRICHED.valueSerde().deserializer());
    deadLetters = driver.createOutputTopic(Topics.DEADLETTER.name(), Serdes.ByteArray().deserializer(),
        Serdes.ByteArray().deserializer());
  }

  @AfterEach
  void close() {
    if (driver != null) {
      driver.close();
    }
  }

  private void send(ProcessedArticle a) {
    processed.pipeInput(a.id(), a);
  }

  @Test
  void articleAndTwoCopiesGiveOneAlertWhoseLastRevisionCountsTwoCopies() {
    start(NewsmonConfig.defaults());
    send(original("a-1", "s-1", "https://le360.ma/a", "Le Kazakhstan soutient l'autonomie", "fr", true, 0.9));
    send(copy("a-2", "a-1", "s-1", "https://hespress.com/fr/b"));
    send(copy("a-3", "a-1", "s-1", "https://medias24.com/c"));

    List<TestRecord<String, Alert>> out = alerts.readRecordsToList();
    assertThat(out).hasSize(3);
    assertThat(out).extracting(TestRecord::key).containsOnly(AlertPolicy.alertId(WATCH, "s-1", "1"));
    assertThat(out).extracting(r -> r.value().revision()).containsExactly(1, 2, 3);
    Alert last = out.get(2).value();
    assertThat(last.copies().count()).isEqualTo(2);
    assertThat(last.copies().urls()).containsExactly("https://hespress.com/fr/b", "https://medias24.com/c");
    assertThat(last.articleId()).isEqualTo("a-1");

    assertThat(watchAlerts.readRecordsToList()).extracting(TestRecord::key).hasSize(3)
        .containsOnly(last.alertId());
    // only the original is enriched, keyed by article id
    assertThat(enriched.readKeyValuesToMap()).containsOnlyKeys("a-1");
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void replayingTheSameArticlesGivesTheSameAlertIdsAndNoNewRevision() {
    start(NewsmonConfig.defaults());
    ProcessedArticle a = original("a-1", "s-1", "https://le360.ma/a", "Astana", "fr", true, 0.9);
    ProcessedArticle b = original("a-9", "s-9", "https://kazinform.kz/b", "Казахстан и Марокко", "ru", true, 0.8);
    send(a);
    send(b);
    List<String> firstIds = alerts.readRecordsToList().stream().map(TestRecord::key).toList();
    send(a);
    send(b);
    assertThat(alerts.isEmpty()).as("a replay into the same application changes nothing").isTrue();
    assertThat(firstIds).containsExactly(AlertPolicy.alertId(WATCH, "s-1", "1"),
        AlertPolicy.alertId(WATCH, "s-9", "1"));
  }

  @Test
  void nonRelevantArticleIsEnrichedButRaisesNoAlert() {
    start(NewsmonConfig.defaults());
    send(original("a-5", "s-5", "https://tengrinews.kz/olympics", "Медальный зачёт: Казахстан, Марокко, Кения",
        "ru", false, 0.2));
    send(original("a-6", "s-6", "https://elpais.com/x", "Marruecos y Kazajistán", "es", true, 0.3));
    assertThat(enriched.readKeyValuesToMap()).containsOnlyKeys("a-5", "a-6");
    assertThat(alerts.isEmpty()).isTrue();
    assertThat(watchAlerts.isEmpty()).isTrue();
  }

  @Test
  void watchesNotListedForTheirOwnTopicStayOnNewsAlerts() {
    start(NewsmonConfig.defaults().with("sink.watch-topics", "other"));
    send(original("a-1", "s-1", "https://le360.ma/a", "Astana", "fr", true, 0.9));
    assertThat(alerts.readRecordsToList()).hasSize(1);
    assertThat(watchAlerts.isEmpty()).isTrue();
  }

  @Test
  void poisonRecordsGoToTheDeadLetterTopicWithTheirOriginalBytes() {
    start(NewsmonConfig.defaults());
    byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);
    processedBytes.pipeInput("k-1".getBytes(StandardCharsets.UTF_8), garbage);
    byte[] noStory = ("{\"schemaVersion\":1,\"id\":\"a-7\",\"article\":{\"url\":\"https://x.ma\"},"
        + "\"analysis\":{\"watches\":[]}}").getBytes(StandardCharsets.UTF_8);
    processedBytes.pipeInput("a-7".getBytes(StandardCharsets.UTF_8), noStory);
    // the pipeline carries on after them
    send(original("a-1", "s-1", "https://le360.ma/a", "Astana", "fr", true, 0.9));

    List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();
    assertThat(dead).hasSize(2);
    assertThat(dead.get(0).value()).isEqualTo(garbage);
    assertThat(dead.get(0).key()).isEqualTo("k-1".getBytes(StandardCharsets.UTF_8));
    DeadLetter first = DeadLetter.fromHeaders(dead.get(0).headers());
    assertThat(first.stage()).isEqualTo("sink");
    assertThat(first.sourceTopic()).isEqualTo(Topics.PROCESSED.name());
    assertThat(first.offset()).isEqualTo(0);
    assertThat(first.errorMessage()).contains("ProcessedArticle");
    DeadLetter second = DeadLetter.fromHeaders(dead.get(1).headers());
    assertThat(second.offset()).isEqualTo(1);
    assertThat(second.errorMessage()).contains("no storyId");
    assertThat(dead.get(1).value()).isEqualTo(noStory);
    assertThat(alerts.readRecordsToList()).hasSize(1);
  }

  @Test
  void quietPeriodPublishesCoalescedUpdateWhenWallClockPassesIt() {
    start(NewsmonConfig.defaults().with(Map.of("sink.alert.quiet-period", "30s")));
    send(original("a-1", "s-1", "https://le360.ma/a", "Astana", "fr", true, 0.9));
    send(copy("a-2", "a-1", "s-1", "https://b.ma/2"));
    send(copy("a-3", "a-1", "s-1", "https://b.ma/3"));
    assertThat(alerts.readRecordsToList()).extracting(r -> r.value().revision()).containsExactly(1);
    driver.advanceWallClockTime(Duration.ofSeconds(10));
    assertThat(alerts.isEmpty()).isTrue();
    driver.advanceWallClockTime(Duration.ofSeconds(21));
    List<TestRecord<String, Alert>> out = alerts.readRecordsToList();
    assertThat(out).singleElement().satisfies(r -> {
      assertThat(r.value().revision()).isEqualTo(2);
      assertThat(r.value().copies().count()).isEqualTo(2);
    });
    driver.advanceWallClockTime(Duration.ofSeconds(60));
    assertThat(alerts.isEmpty()).as("published once").isTrue();
  }

  @Test
  void aCopyAfterAFlushedUpdateSeesTheFlushedState() {
    start(NewsmonConfig.defaults().with(Map.of("sink.alert.quiet-period", "30s")));
    send(original("a-1", "s-1", "https://le360.ma/a", "Astana", "fr", true, 0.9));
    send(copy("a-2", "a-1", "s-1", "https://b.ma/2"));
    driver.advanceWallClockTime(Duration.ofSeconds(31)); // publishes revision 2
    driver.advanceWallClockTime(Duration.ofSeconds(31));
    send(copy("a-3", "a-1", "s-1", "https://b.ma/3")); // the quiet period is over: published at once
    List<TestRecord<String, Alert>> out = alerts.readRecordsToList();
    assertThat(out).extracting(r -> r.value().revision()).containsExactly(1, 2, 3);
    assertThat(out.get(2).value().copies().count()).isEqualTo(2);
    assertThat(out.get(2).value().updatedAt()).isAfter(out.get(1).value().updatedAt());
  }
}
