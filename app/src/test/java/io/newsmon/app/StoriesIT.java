package io.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.app.broker.EmbeddedKafka;
import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.kafka.KafkaClients;
import io.newsmon.common.kafka.Topics;
import io.newsmon.common.record.Alert;
import io.newsmon.common.record.ProcessedArticle;
import io.newsmon.common.record.RawArticle;
import io.newsmon.ingestor.archive.ReplayResult;
import io.newsmon.ingestor.archive.Replayer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sibling events on a real broker: the same two ministers in a phone call, a message two days later
 * and a ratification the day after, each reported in two or three languages
 * ({@code siblings/siblings.jsonl}, written for this test). Each event is one story with one alert
 * listing the other reports as coverage; a replay into a fresh installation gives the same story
 * ids and alert ids.
 */
class StoriesIT {

  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final int ARTICLES = 7;
  /** The event of each article of the fixture, in file order. */
  private static final List<String> EVENTS = List.of("call", "call", "call", "message", "message",
      "ratification", "ratification");

  record Result(Map<String, String> storyByUrl, Map<String, Alert> alertByStory) {}

  @Test
  void siblingEventsAreStoriesOfTheirOwnAndAReplayGivesTheSameIds(@TempDir Path state) throws Exception {
    Path fixture = Path.of("src/test/resources/siblings/siblings.jsonl");
    Result first = replay(fixture, state.resolve("one"));
    List<String> urls = new ArrayList<>(first.storyByUrl().keySet());
    // one story per event, and different events in different stories
    for (int i = 0; i < ARTICLES; i++) {
      for (int j = 0; j < ARTICLES; j++) {
        boolean sameEvent = EVENTS.get(i).equals(EVENTS.get(j));
        assertThat(first.storyByUrl().get(urls.get(i)).equals(first.storyByUrl().get(urls.get(j))))
            .as("%s and %s in one story", urls.get(i), urls.get(j)).isEqualTo(sameEvent);
      }
    }
    // each story raised its alert, with the other reports of the event as coverage, not as copies
    assertThat(first.alertByStory()).hasSize(3);
    for (Alert a : first.alertByStory().values()) {
      assertThat(a.copies().count()).isZero();
      long reports = first.storyByUrl().values().stream().filter(a.storyId()::equals).count();
      assertThat(a.coverage()).hasSize((int) reports - 1);
      assertThat(a.coverage()).extracting(Alert.Coverage::url).doesNotContain(a.url());
    }

    Result second = replay(fixture, state.resolve("two"));
    assertThat(second.storyByUrl()).isEqualTo(first.storyByUrl());
    assertThat(second.alertByStory().keySet()).isEqualTo(first.alertByStory().keySet());
    assertThat(second.alertByStory().values().stream().map(Alert::alertId).sorted().toList())
        .isEqualTo(first.alertByStory().values().stream().map(Alert::alertId).sorted().toList());
  }

  private static Result replay(Path fixture, Path state) throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.startTemporary();
        Pipeline pipeline = Pipeline.start(config(kafka), state, false, state, List.of());
        KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(
            KafkaClients.producer(pipeline.config(), "it-producer"),
            Topics.RAW.keySerde().serializer(), Topics.RAW.valueSerde().serializer())) {
      ReplayResult result = new Replayer().publish(producer, List.of(fixture));
      assertThat(result.published()).isEqualTo(ARTICLES);
      List<ConsumerRecord<String, ProcessedArticle>> processed = TopicReader.readUntil(
          kafka.bootstrapServers(), Topics.PROCESSED, r -> r.size() >= ARTICLES, WAIT);
      Map<String, String> storyByUrl = new TreeMap<>();
      processed.forEach(p -> storyByUrl.put(p.value().article().key(), p.value().analysis().storyId()));
      // the fixture's order (its URLs sort in file order within each event, events by date)
      Map<String, String> ordered = new LinkedHashMap<>();
      for (String url : fixtureUrls(fixture)) {
        ordered.put(url, storyByUrl.get(url));
      }
      long stories = storyByUrl.values().stream().distinct().count();
      // wait for the alert revision that lists the whole coverage of every story
      List<ConsumerRecord<String, Alert>> alerts = TopicReader.readUntil(kafka.bootstrapServers(), Topics.ALERTS,
          r -> latest(r).size() == stories && latest(r).values().stream().allMatch(a -> a.coverage().size()
              == storyByUrl.values().stream().filter(a.storyId()::equals).count() - 1), WAIT);
      return new Result(ordered, latest(alerts));
    }
  }

  private static Map<String, Alert> latest(List<ConsumerRecord<String, Alert>> records) {
    return records.stream().map(ConsumerRecord::value).collect(Collectors.toMap(Alert::storyId, a -> a,
        (a, b) -> b.revision() >= a.revision() ? b : a, TreeMap::new));
  }

  private static List<String> fixtureUrls(Path fixture) throws Exception {
    List<String> urls = new ArrayList<>();
    for (String line : java.nio.file.Files.readAllLines(fixture)) {
      if (!line.isBlank()) {
        urls.add(io.newsmon.common.kafka.Json.mapper().readTree(line).get("url").asText());
      }
    }
    return urls;
  }

  private static NewsmonConfig config(EmbeddedKafka kafka) {
    return NewsmonConfig.defaults().with("bootstrap.servers", kafka.bootstrapServers())
        .with("sink.alert.quiet-period", "0s");
  }
}
