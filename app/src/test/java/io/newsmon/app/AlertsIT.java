package io.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.app.broker.EmbeddedKafka;
import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.fixtures.RelevantArticles;
import io.newsmon.common.kafka.KafkaClients;
import io.newsmon.common.kafka.Topics;
import io.newsmon.common.record.Alert;
import io.newsmon.common.record.RawArticle;
import io.newsmon.ingestor.archive.ReplayResult;
import io.newsmon.ingestor.archive.Replayer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alerts on a real broker: copies update one alert; a replay reproduces the same alert ids. */
class AlertsIT {

  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final String STORY = """
      Kazakhstan and Morocco agreed on Wednesday to set up a joint committee on food security, after \
      talks in Astana between the Kazakh foreign minister Murat Nurtleu and the Moroccan ambassador.

      The committee will study regular shipments of Kazakh wheat to Moroccan ports and Moroccan \
      phosphate fertiliser exports to Kazakhstan, the Kazakh foreign ministry said.""";

  @Test
  void anArticleAndTwoLaterCopiesGiveOneAlertWithTwoCopies(@TempDir Path state) throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.startTemporary();
        Pipeline pipeline = Pipeline.start(config(kafka), state, false, state, List.of());
        KafkaProducer<String, RawArticle> producer = producer(pipeline.config())) {
      RawArticle original = article("https://first.example.kz/food-security", STORY, 0);
      producer.send(new ProducerRecord<>(Topics.RAW.name(), original.key(), original)).get();
      List<ConsumerRecord<String, Alert>> first = TopicReader.readUntil(kafka.bootstrapServers(),
          Topics.ALERTS, r -> !r.isEmpty(), WAIT);
      assertThat(first).hasSize(1);
      String alertId = first.get(0).value().alertId();

      for (int i = 1; i <= 2; i++) {
        RawArticle copy = article("https://copy" + i + ".example.org/kz-ma-food", "ASTANA (Wire " + i + ") - " + STORY, i);
        producer.send(new ProducerRecord<>(Topics.RAW.name(), copy.key(), copy)).get();
      }
      List<ConsumerRecord<String, Alert>> all = TopicReader.readUntil(kafka.bootstrapServers(), Topics.ALERTS,
          r -> r.stream().anyMatch(a -> a.value().copies().count() == 2), WAIT);
      assertThat(all.stream().map(r -> r.value().alertId()).distinct()).containsExactly(alertId);
      Alert last = all.get(all.size() - 1).value();
      assertThat(last.copies().count()).isEqualTo(2);
      assertThat(last.copies().urls()).containsExactlyInAnyOrder(
          "https://copy1.example.org/kz-ma-food", "https://copy2.example.org/kz-ma-food");
      assertThat(last.url()).isEqualTo("https://first.example.kz/food-security");

      List<ConsumerRecord<String, Alert>> perWatch = TopicReader.readUntil(kafka.bootstrapServers(),
          Topics.watchAlerts("morocco-kazakhstan"), r -> r.size() >= all.size(), WAIT);
      assertThat(perWatch.stream().map(r -> r.value().alertId()).distinct()).containsExactly(alertId);
    }
  }

  /**
   * The article files written for the tests, and the shared seed articles when they are present
   * (read in place), replayed into two fresh installations: every one is relevant, and both give
   * the same alert ids.
   */
  @Test
  void replayingTheSameArticlesTwiceGivesTheSameAlertIds(@TempDir Path state) throws Exception {
    Path articles = state.resolve("articles");
    int n = RelevantArticles.write(articles).size();
    List<Path> archives = new java.util.ArrayList<>(List.of(articles));
    Path seeds = Path.of("../../shared/corpus/seeds");
    if (Files.isDirectory(seeds)) {
      archives.add(seeds);
      n += 5;
    }
    Set<String> first = replay(archives, n, state.resolve("one"));
    Set<String> second = replay(archives, n, state.resolve("two"));
    assertThat(first).isNotEmpty();
    assertThat(second).isEqualTo(first);
  }

  /** Replays {@code n} relevant articles into a fresh pipeline; returns the ids of the alerts raised. */
  private static Set<String> replay(List<Path> archives, int n, Path state) throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.startTemporary();
        Pipeline pipeline = Pipeline.start(config(kafka), state, false, state, List.of());
        KafkaProducer<String, RawArticle> producer = producer(pipeline.config())) {
      ReplayResult result = new Replayer().publish(producer, archives);
      assertThat(result.failures()).isEmpty();
      assertThat(result.published()).isEqualTo(n);
      List<ConsumerRecord<String, RawArticle>> raw = TopicReader.readUntil(kafka.bootstrapServers(),
          Topics.RAW, r -> r.size() >= n, WAIT);
      Set<String> articleIds = raw.stream().map(r -> io.newsmon.common.util.Hashing.articleId(r.value().key()))
          .collect(Collectors.toSet());
      // every article is relevant: wait until each one is the original or a copy in some alert
      List<ConsumerRecord<String, io.newsmon.common.record.ProcessedArticle>> processed = TopicReader.readUntil(
          kafka.bootstrapServers(), Topics.PROCESSED, r -> r.size() >= n, WAIT);
      assertThat(processed).allSatisfy(p -> assertThat(p.value().analysis().relevant()).isTrue());
      Set<String> stories = processed.stream().map(p -> p.value().analysis().storyId()).collect(Collectors.toSet());
      List<ConsumerRecord<String, Alert>> alerts = TopicReader.readUntil(kafka.bootstrapServers(), Topics.ALERTS,
          r -> r.stream().map(a -> a.value().storyId()).collect(Collectors.toSet()).containsAll(stories), WAIT);
      assertThat(alerts.stream().map(a -> a.value().storyId()).collect(Collectors.toSet())).isEqualTo(stories);
      assertThat(articleIds).hasSize(n);
      return alerts.stream().map(r -> r.value().alertId()).collect(Collectors.toCollection(TreeSet::new));
    }
  }

  private static NewsmonConfig config(EmbeddedKafka kafka) {
    return NewsmonConfig.defaults().with("bootstrap.servers", kafka.bootstrapServers());
  }

  private static KafkaProducer<String, RawArticle> producer(NewsmonConfig config) {
    return new KafkaProducer<>(KafkaClients.producer(config, "it-producer"),
        Topics.RAW.keySerde().serializer(), Topics.RAW.valueSerde().serializer());
  }

  private static RawArticle article(String url, String text, int minutes) {
    return RawArticle.builder().url(url).sourceId("it").origin("feed")
        .title("Kazakhstan and Morocco set up a food security committee").text(text)
        .publishedAt(Instant.parse("2026-11-11T09:00:00Z").plusSeconds(60L * minutes)).build();
  }
}
