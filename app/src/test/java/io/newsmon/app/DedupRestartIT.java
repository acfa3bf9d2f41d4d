package io.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.app.broker.EmbeddedKafka;
import io.newsmon.app.demo.SyntheticArticles;
import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.kafka.TopicAdmin;
import io.newsmon.common.kafka.Topics;
import io.newsmon.common.record.ProcessedArticle;
import io.newsmon.common.record.RawArticle;
import io.newsmon.processor.ArticleAnalyzer;
import io.newsmon.processor.ProcessorService;
import java.nio.file.Path;
import java.time.Duration;
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
 * A processor restarted on a wiped state directory (what exactly-once does to a task's stores after a
 * crash, and what an instance taking a task over starts from) restores the dedup step's articles from
 * their changelog, rebuilds the lookup index from them, and judges the articles that follow as an
 * application that never stopped: same originals, same stories.
 */
class DedupRestartIT {

  private static final int FIRST = 60;
  private static final int NEW_LATER = 20;
  private static final int COPIES_LATER = 20;

  @Test
  void aProcessorRestartedOnAWipedStateDirectoryJudgesLikeOneThatNeverStopped(@TempDir Path state) throws Exception {
    List<RawArticle> first = SyntheticArticles.generate(FIRST + NEW_LATER, 23);
    List<RawArticle> later = new ArrayList<>(first.subList(FIRST, first.size()));
    first = first.subList(0, FIRST);
    // copies, under other addresses, of articles judged before the restart: found only through the index
    for (int i = 0; i < COPIES_LATER; i++) {
      RawArticle o = first.get(i * 3 % FIRST);
      later.add(i * 2 % later.size(), RawArticle.builder().url(o.url() + "?copy=" + i).sourceId("copies")
          .origin("replay").title(o.title()).text(i % 2 == 0 ? o.text() : "RABAT (Wire) - " + o.text())
          .publishedAt(o.publishedAt().plusSeconds(3600)).build());
    }
    try (EmbeddedKafka kafka = EmbeddedKafka.startTemporary()) {
      NewsmonConfig base = NewsmonConfig.defaults()
          .with("bootstrap.servers", kafka.bootstrapServers())
          .with("topics.partitions", "1");
      TopicAdmin.ensure(base, Topics.fixed());
      ArticleAnalyzer analyzer = ArticleAnalyzer.create(base);
      NewsmonConfig restarted = base.with("processor.application-id", "it-restarted");
      Path dir = state.resolve("restarted");

      send(kafka, first);
      try (ProcessorService p = new ProcessorService(restarted, dir, analyzer)) {
        p.start();
        assertThat(read(kafka, FIRST)).hasSize(FIRST);
      }
      EmbeddedKafka.deleteRecursively(dir);
      send(kafka, later);
      List<ProcessedArticle> byRestarted;
      try (ProcessorService p = new ProcessorService(restarted, dir, analyzer)) {
        p.start();
        byRestarted = read(kafka, FIRST + later.size());
      }
      assertThat(byRestarted).hasSize(FIRST + later.size());

      // the same articles, in the same order, through an application that never stopped
      try (ProcessorService p = new ProcessorService(base.with("processor.application-id", "it-uninterrupted"),
          state.resolve("uninterrupted"), analyzer)) {
        p.start();
        List<ProcessedArticle> all = read(kafka, 2 * (FIRST + later.size()));
        assertThat(all).hasSize(2 * (FIRST + later.size()));
        List<ProcessedArticle> byUninterrupted = all.subList(FIRST + later.size(), all.size());
        assertThat(decisions(byRestarted)).isEqualTo(decisions(byUninterrupted));
      }
      // the later articles did meet the earlier ones: copies of them, and stories they started
      Set<String> firstIds = byRestarted.subList(0, FIRST).stream().map(ProcessedArticle::id).collect(Collectors.toSet());
      List<ProcessedArticle> after = byRestarted.subList(FIRST, byRestarted.size());
      assertThat(after.stream().filter(a -> firstIds.contains(a.analysis().duplicateOf())).count())
          .isGreaterThanOrEqualTo(COPIES_LATER);
    }
  }

  private static void send(EmbeddedKafka kafka, List<RawArticle> articles) throws Exception {
    Properties p = new Properties();
    p.put("bootstrap.servers", kafka.bootstrapServers());
    try (KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(p,
        Topics.RAW.keySerde().serializer(), Topics.RAW.valueSerde().serializer())) {
      for (RawArticle a : articles) {
        producer.send(new ProducerRecord<>(Topics.RAW.name(), 0, a.key(), a)).get();
      }
    }
  }

  private static List<ProcessedArticle> read(EmbeddedKafka kafka, int n) {
    return TopicReader.readUntil(kafka.bootstrapServers(), Topics.PROCESSED, r -> r.size() >= n,
        Duration.ofSeconds(120)).stream().map(ConsumerRecord::value).toList();
  }

  /** Each article's id, original (null for an original) and story, in output order. */
  private static List<String> decisions(List<ProcessedArticle> out) {
    return out.stream().map(a -> a.id() + " " + a.analysis().duplicateOf() + " " + a.analysis().storyId()).toList();
  }
}
