package io.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.app.broker.EmbeddedKafka;
import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.kafka.KafkaClients;
import io.newsmon.common.kafka.TopicAdmin;
import io.newsmon.common.kafka.Topics;
import io.newsmon.common.record.DeadLetter;
import io.newsmon.common.record.RawArticle;
import io.newsmon.ingestor.cli.ReplayCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code newsmon replay} on the embedded broker loses nothing (decision 0031): an article larger than
 * news.raw takes (its max.message.bytes lowered to 64 KB for the test) ends on news.deadletter with the
 * reason and the article itself, every other article is on news.raw exactly once, and the command says
 * so in its summary and its exit code.
 */
class ReplayDeadLetterIT {

  static final int SMALL = 20;
  static final int RAW_LIMIT = 64 * 1024;

  @TempDir
  Path dir;

  @Test
  void aSendThatFailsEndsOnTheDeadLetterTopicAndTheRestOnNewsRawOnce() throws Exception {
    // 20 ordinary articles and, in the middle, one of 300,000 letters that lz4 cannot squeeze under 64 KB
    StringBuilder archive = new StringBuilder();
    for (int i = 0; i < SMALL; i++) {
      archive.append("{\"url\":\"https://news.example/a/").append(i).append("\",\"title\":\"Article ").append(i)
          .append("\",\"text\":\"Morocco and Kazakhstan signed agreement number ").append(i)
          .append(" on wheat and phosphates.\",\"published\":\"2026-11-0").append(1 + i % 9).append("T08:00:00Z\"}\n");
      if (i == SMALL / 2) {
        archive.append("{\"url\":\"https://news.example/huge\",\"title\":\"Huge\",\"text\":\"")
            .append(letters(300_000)).append("\",\"published\":\"2026-11-05T08:00:00Z\"}\n");
      }
    }
    Path jsonl = dir.resolve("archive.jsonl");
    Files.writeString(jsonl, archive);

    try (EmbeddedKafka kafka = EmbeddedKafka.startTemporary()) {
      NewsmonConfig config = NewsmonConfig.defaults().with("bootstrap.servers", kafka.bootstrapServers());
      TopicAdmin.ensure(config, List.of(Topics.RAW, Topics.DEADLETTER));
      try (Admin admin = Admin.create(KafkaClients.base(config))) {
        ConfigResource raw = new ConfigResource(ConfigResource.Type.TOPIC, Topics.RAW.name());
        admin.incrementalAlterConfigs(Map.of(raw, List.of(new AlterConfigOp(
            new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(RAW_LIMIT)),
            AlterConfigOp.OpType.SET)))).all().get();
      }

      StringWriter out = new StringWriter();
      CommandLine cli = new CommandLine(new ReplayCommand());
      cli.setOut(new PrintWriter(out, true));
      int exit = cli.execute("--quiet", "-b", kafka.bootstrapServers(), jsonl.toString());

      assertThat(out.toString()).contains((SMALL + 1) + " read, " + SMALL + " published, 1 failed")
          .contains("1 written to " + Topics.DEADLETTER.name()).doesNotContain("lost");
      assertThat(exit).as("something failed, nothing lost").isEqualTo(ReplayCommand.EXIT_FAILED);

      // news.raw: every ordinary article exactly once (the end offsets count every record written)
      List<ConsumerRecord<String, RawArticle>> published = TopicReader.readUntil(kafka.bootstrapServers(),
          Topics.RAW, r -> r.size() >= SMALL, Duration.ofSeconds(60));
      Set<String> urls = published.stream().map(r -> r.value().url()).collect(Collectors.toSet());
      assertThat(urls).hasSize(SMALL).doesNotContain("https://news.example/huge");
      assertThat(recordsIn(config, Topics.RAW.name())).isEqualTo(SMALL);

      // news.deadletter: the huge one, with the reason and the article as it would have been on news.raw
      List<ConsumerRecord<byte[], byte[]>> dead = TopicReader.readUntil(kafka.bootstrapServers(),
          Topics.DEADLETTER, r -> !r.isEmpty(), Duration.ofSeconds(60));
      assertThat(dead).hasSize(1);
      DeadLetter reason = DeadLetter.fromHeaders(dead.get(0).headers());
      assertThat(reason.stage()).isEqualTo("replay");
      assertThat(reason.url()).isEqualTo("https://news.example/huge");
      assertThat(reason.sourceId()).startsWith(jsonl.toString());
      assertThat(reason.errorClass()).endsWith("RecordTooLargeException");
      assertThat(reason.errorMessage()).contains(Topics.RAW.name());
      RawArticle article = Topics.RAW.valueSerde().deserializer().deserialize(Topics.RAW.name(), dead.get(0).value());
      assertThat(article.url()).isEqualTo("https://news.example/huge");
      assertThat(article.text()).hasSize(300_000);
      assertThat(recordsIn(config, Topics.DEADLETTER.name())).isEqualTo(1);
    }
  }

  /** Lower-case letters and spaces from a fixed seed: text a compressor cannot shrink much. */
  private static String letters(int n) {
    Random r = new Random(7);
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append(i % 7 == 6 ? ' ' : (char) ('a' + r.nextInt(26)));
    }
    return sb.toString();
  }

  /** Records written to a topic: the sum of its partitions' end offsets (nothing is deleted here). */
  private static long recordsIn(NewsmonConfig config, String topic) throws Exception {
    try (Admin admin = Admin.create(KafkaClients.base(config))) {
      Collection<TopicPartition> parts = new ArrayList<>();
      admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
          .forEach(p -> parts.add(new TopicPartition(topic, p.partition())));
      Map<TopicPartition, OffsetSpec> latest = parts.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
      return admin.listOffsets(latest).all().get().values().stream().mapToLong(i -> i.offset()).sum();
    }
  }
}
