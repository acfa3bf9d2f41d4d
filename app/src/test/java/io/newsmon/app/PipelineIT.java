package io.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.app.broker.EmbeddedKafka;
import io.newsmon.app.demo.DemoArchive;
import io.newsmon.app.demo.DemoSite;
import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.kafka.Topics;
import io.newsmon.common.record.Alert;
import io.newsmon.common.record.DeadLetter;
import io.newsmon.common.record.ProcessedArticle;
import io.newsmon.common.record.RawArticle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walking skeleton end to end on a real broker: a feed served over HTTP on 127.0.0.1 goes
 * through ingestor, processor and sink; a later copy of an article raises no second alert but
 * updates the first; a poison record lands in news.deadletter with its reason.
 */
class PipelineIT {

  private static final String COPY_URL = "https://copies.example.org/2026/11/rabat-astana";
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static EmbeddedKafka kafka;

  @BeforeAll
  static void startBroker() {
    kafka = EmbeddedKafka.startTemporary();
  }

  @AfterAll
  static void stopBroker() {
    kafka.close();
  }

  @Test
  void feedArticlesBecomeEnrichedRecordsAndOneAlertPerStory(@TempDir Path state) throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    NewsmonConfig config = NewsmonConfig.defaults()
        .with("bootstrap.servers", kafka.bootstrapServers())
        .with("ingestor.allow-hosts", "127.0.0.1")
        .with("processor.application-id", "it-processor-" + run)
        .with("sink.application-id", "it-sink-" + run);
    try (DemoSite site = DemoSite.start(0);
        Pipeline pipeline = Pipeline.start(config, state.resolve("unused"), false, state, DemoArchive.sources(site))) {
      String securityUrl = site.baseUrl() + "/articles/rabat-astana-security.html";
      String railUrl = site.baseUrl() + "/articles/kazakhstan-china-rail.html";

      // 1. the three feed articles come out enriched, each analysed
      List<ConsumerRecord<String, ProcessedArticle>> enriched = TopicReader.readUntil(
          kafka.bootstrapServers(), Topics.ENRICHED, r -> r.size() >= 3, WAIT);
      Map<String, ProcessedArticle> byUrl = enriched.stream().collect(Collectors.toMap(
          r -> r.value().article().key(), ConsumerRecord::value, (a, b) -> b));
      assertThat(byUrl).containsKeys(securityUrl, railUrl);
      ProcessedArticle security = byUrl.get(securityUrl);
      assertThat(security.analysis().language().code()).isEqualTo("ar");
      assertThat(security.analysis().relevant()).isTrue();
      assertThat(security.article().text()).doesNotContain("trackEverything").doesNotContain("Most read");
      assertThat(byUrl.get(railUrl).analysis().relevant()).as("Kazakhstan with China only").isFalse();

      List<ConsumerRecord<String, Alert>> alerts = TopicReader.readUntil(kafka.bootstrapServers(),
          Topics.ALERTS, r -> r.stream().anyMatch(a -> a.value().articleId().equals(security.id())), WAIT);
      Alert first = alerts.stream().map(ConsumerRecord::value)
          .filter(a -> a.articleId().equals(security.id())).findFirst().orElseThrow();
      assertThat(first.revision()).isEqualTo(1);
      assertThat(first.evidence()).isNotEmpty();
      assertThat(alerts).noneMatch(a -> a.value().articleId().equals(byUrl.get(railUrl).id()));

      // 2. a later copy of the security article (another site, a dateline added) and a poison record
      Properties p = new Properties();
      p.put("bootstrap.servers", kafka.bootstrapServers());
      try (KafkaProducer<byte[], byte[]> producer =
          new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
        RawArticle copy = security.article().toBuilder()
            .url(COPY_URL).canonicalUrl(null)
            .text("الرباط (وكالات) - " + security.article().text()).fetchedAt(Instant.now()).build();
        producer.send(new ProducerRecord<>(Topics.RAW.name(), copy.key().getBytes(StandardCharsets.UTF_8),
            Topics.RAW.valueSerde().serializer().serialize(Topics.RAW.name(), copy))).get();
        producer.send(new ProducerRecord<>(Topics.RAW.name(), "poison".getBytes(StandardCharsets.UTF_8),
            "{\"url\": \"https://broken.example.org/x\", \"title\": ".getBytes(StandardCharsets.UTF_8))).get();
      }

      List<ConsumerRecord<byte[], byte[]>> dead = TopicReader.readUntil(kafka.bootstrapServers(),
          Topics.DEADLETTER, r -> r.stream().anyMatch(d -> "poison".equals(key(d))), WAIT);
      ConsumerRecord<byte[], byte[]> poison = dead.stream().filter(d -> "poison".equals(key(d))).findFirst().orElseThrow();
      DeadLetter reason = DeadLetter.fromHeaders(poison.headers());
      assertThat(reason.sourceTopic()).isEqualTo(Topics.RAW.name());
      assertThat(reason.errorMessage()).isNotBlank();
      assertThat(new String(poison.value(), StandardCharsets.UTF_8)).startsWith("{\"url\": \"https://broken");

      List<ConsumerRecord<String, Alert>> updated = TopicReader.readUntil(kafka.bootstrapServers(),
          Topics.ALERTS, r -> r.stream().anyMatch(a -> a.value().alertId().equals(first.alertId())
              && a.value().copies().urls().contains(COPY_URL)), WAIT);
      Alert last = updated.stream().map(ConsumerRecord::value)
          .filter(a -> a.alertId().equals(first.alertId())).reduce((a, b) -> b).orElseThrow();
      assertThat(last.copies().urls()).contains(COPY_URL);
      assertThat(last.copies().count()).isEqualTo(last.copies().urls().size());
      assertThat(last.revision()).isGreaterThan(1);
      // (other feed articles may raise their own alerts meanwhile: count only the copy's)
      assertThat(updated).as("the copy raised no alert of its own")
          .noneMatch(a -> a.value().articleId().equals(io.newsmon.common.util.Hashing.articleId(COPY_URL)))
          .noneMatch(a -> a.value().url().equals(COPY_URL));

      List<ConsumerRecord<String, ProcessedArticle>> processed = TopicReader.readUntil(
          kafka.bootstrapServers(), Topics.PROCESSED,
          r -> r.stream().anyMatch(x -> x.value().article().url().startsWith("https://copies.")), WAIT);
      ProcessedArticle copyOut = processed.stream().map(ConsumerRecord::value)
          .filter(x -> x.article().url().startsWith("https://copies.")).findFirst().orElseThrow();
      assertThat(copyOut.analysis().duplicateOf()).isEqualTo(security.id());
      assertThat(copyOut.analysis().storyId()).isEqualTo(security.analysis().storyId());
    }
  }

  private static String key(ConsumerRecord<byte[], byte[]> r) {
    return r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
  }
}
