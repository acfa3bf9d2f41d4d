package io.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.app.broker.EmbeddedKafka;
import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.kafka.TopicAdmin;
import io.newsmon.common.kafka.Topics;
import io.newsmon.common.record.ProcessedArticle;
import io.newsmon.common.record.RawArticle;
import io.newsmon.processor.ProcessorService;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * news.raw with 4 partitions, two processor instances of one application: copies of one story
 * arriving on every partition still give exactly one original, and every copy points to it.
 */
class CrossPartitionDedupIT {

  private static final String STORY = """
      Morocco and Kazakhstan signed an agreement on Tuesday to open a direct air link between \
      Casablanca and Almaty, the Moroccan foreign ministry said after talks between Nasser Bourita \
      and Murat Nurtleu in Rabat.

      The two ministers also agreed to ease visa rules for business travellers and students, and to \
      hold a joint business forum in Astana next spring to promote trade in wheat and fertilisers.

      Officials said the first flights could start within a year, subject to the approval of both \
      civil aviation authorities.""";

  @Test
  void copiesOnDifferentPartitionsYieldExactlyOneOriginal(@TempDir Path state) throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.startTemporary()) {
      NewsmonConfig config = NewsmonConfig.defaults()
          .with("bootstrap.servers", kafka.bootstrapServers())
          .with("topics.partitions", "4")
          .with("processor.application-id", "it-dedup");
      TopicAdmin.ensure(config, Topics.fixed());
      try (ProcessorService one = new ProcessorService(config, state.resolve("one"));
          ProcessorService two = new ProcessorService(config, state.resolve("two"))) {
        one.start();
        two.start();
        List<String> urls = new ArrayList<>();
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        try (KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(p,
            Topics.RAW.keySerde().serializer(), Topics.RAW.valueSerde().serializer())) {
          for (int i = 0; i < 8; i++) {
            String url = "https://outlet" + i + ".example.org/news/air-link";
            urls.add(url);
            String prefix = i % 2 == 0 ? "" : "CASABLANCA (Outlet " + i + ") - ";
            RawArticle copy = RawArticle.builder().url(url).sourceId("outlet" + i)
                .title("Morocco and Kazakhstan agree on a direct air link").text(prefix + STORY)
                .publishedAt(Instant.parse("2026-11-10T08:00:00Z").plusSeconds(60L * i)).origin("feed").build();
            producer.send(new ProducerRecord<>(Topics.RAW.name(), i % 4, copy.key(), copy)).get();
          }
        }
        List<ConsumerRecord<String, ProcessedArticle>> out = TopicReader.readUntil(kafka.bootstrapServers(),
            Topics.PROCESSED, r -> r.size() >= urls.size(), Duration.ofSeconds(120));
        assertThat(out).hasSize(urls.size());
        List<ProcessedArticle> originals = out.stream().map(ConsumerRecord::value)
            .filter(a -> a.analysis().duplicateOf() == null).toList();
        assertThat(originals).as("exactly one original among copies on 4 partitions").hasSize(1);
        String originalId = originals.get(0).id();
        Set<String> pointers = out.stream().map(ConsumerRecord::value)
            .filter(a -> a.analysis().duplicateOf() != null)
            .map(a -> a.analysis().duplicateOf()).collect(Collectors.toSet());
        assertThat(pointers).containsExactly(originalId);
        assertThat(out.stream().map(r -> r.value().analysis().storyId()).distinct()).hasSize(1);
      }
    }
  }
}
