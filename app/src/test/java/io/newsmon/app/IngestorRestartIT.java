package io.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.app.broker.EmbeddedKafka;
import io.newsmon.app.demo.DemoArchive;
import io.newsmon.app.demo.DemoSite;
import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.kafka.TopicAdmin;
import io.newsmon.common.kafka.Topics;
import io.newsmon.common.record.RawArticle;
import io.newsmon.ingestor.IngestorService;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The ingestor remembers what it has seen in a compacted topic: a restart re-ingests nothing. */
class IngestorRestartIT {

  /** Records carry publication times: time retention would delete replayed archives at once. */
  private static void assertRetentionBySizeNotAge(EmbeddedKafka kafka) {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      ConfigResource raw = new ConfigResource(ConfigResource.Type.TOPIC, Topics.RAW.name());
      Config c = admin.describeConfigs(List.of(raw)).all().get().get(raw);
      assertThat(c.get("retention.ms").value()).isEqualTo("-1");
      assertThat(c.get("retention.bytes").value()).isEqualTo(Long.toString(2L * 1024 * 1024 * 1024));
      ConfigResource alerts = new ConfigResource(ConfigResource.Type.TOPIC, Topics.ALERTS.name());
      assertThat(admin.describeConfigs(List.of(alerts)).all().get().get(alerts).get("cleanup.policy").value())
          .isEqualTo("compact");
    } catch (Exception e) {
      throw new AssertionError("cannot read topic configs: " + e, e);
    }
  }

  @Test
  void aRestartedIngestorPublishesNothingItHadAlreadySeen() {
    try (EmbeddedKafka kafka = EmbeddedKafka.startTemporary(); DemoSite site = DemoSite.start(0)) {
      NewsmonConfig config = NewsmonConfig.defaults()
          .with("bootstrap.servers", kafka.bootstrapServers())
          .with("ingestor.allow-hosts", "127.0.0.1")
          .with("ingestor.host-delay", "0s");
      TopicAdmin.ensure(config, Topics.fixed());
      assertRetentionBySizeNotAge(kafka);

      try (IngestorService first = new IngestorService(config, DemoArchive.sources(site))) {
        first.start();
        List<ConsumerRecord<String, RawArticle>> raw = TopicReader.readUntil(kafka.bootstrapServers(),
            Topics.RAW, r -> r.size() >= 3, Duration.ofSeconds(60));
        assertThat(raw).hasSize(3);
      }
      int requestsBefore = site.requests();

      try (IngestorService second = new IngestorService(config, DemoArchive.sources(site))) {
        second.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (site.requests() == requestsBefore && System.nanoTime() < deadline) {
          java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
        }
        assertThat(site.requests()).as("the restarted ingestor polled the feed again").isGreaterThan(requestsBefore);
        // everything the poll found was already seen: no article page fetched, nothing published
        List<ConsumerRecord<String, RawArticle>> raw = TopicReader.readUntil(kafka.bootstrapServers(),
            Topics.RAW, r -> r.size() > 3, Duration.ofSeconds(5));
        assertThat(raw).hasSize(3);
        assertThat(second.publishedCount()).isZero();
      }
    }
  }
}
