package io.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.app.broker.EmbeddedKafka;
import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.kafka.TopicAdmin;
import io.newsmon.common.kafka.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Writes that start the moment {@link TopicAdmin#ensure} returns are all kept: an idempotent producer
 * with several requests in flight, writing to every partition of freshly created topics, loses nothing
 * (before the topics' partitions were awaited, a first batch refused as not led while a later one was
 * appended was refused as out of order until its delivery timeout expired it).
 */
class NewTopicWritesIT {

  @Test
  void everyRecordWrittenAtOnceToNewTopicsIsKept() throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.startTemporary()) {
      NewsmonConfig config = NewsmonConfig.defaults()
          .with("bootstrap.servers", kafka.bootstrapServers())
          .with("topics.partitions", "4");
      TopicAdmin.ensure(config, Topics.fixed());

      Properties p = new Properties();
      p.put("bootstrap.servers", kafka.bootstrapServers());
      p.put("enable.idempotence", "true");
      p.put("acks", "all");
      p.put("max.in.flight.requests.per.connection", "5");
      p.put("linger.ms", "0");
      p.put("batch.size", "1024");
      p.put("delivery.timeout.ms", "20000");
      p.put("request.timeout.ms", "10000");
      int perPartition = 500;
      AtomicInteger failed = new AtomicInteger();
      List<Future<RecordMetadata>> sent = new ArrayList<>();
      try (KafkaProducer<String, String> producer =
          new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
        for (int i = 0; i < perPartition; i++) {
          for (int partition = 0; partition < 4; partition++) {
            sent.add(producer.send(new ProducerRecord<>(Topics.RAW.name(), partition, "k" + i, "v" + i + "x".repeat(200)),
                (m, e) -> {
                  if (e != null) {
                    failed.incrementAndGet();
                  }
                }));
          }
        }
        producer.flush();
      }
      assertThat(sent).allMatch(Future::isDone);
      assertThat(failed.get()).as("sends that failed").isZero();

      try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
        Map<TopicPartition, OffsetSpec> ends = new java.util.HashMap<>();
        for (int partition = 0; partition < 4; partition++) {
          ends.put(new TopicPartition(Topics.RAW.name(), partition), OffsetSpec.latest());
        }
        long total = 0;
        for (var e : admin.listOffsets(ends).all().get().values()) {
          assertThat(e.offset()).isEqualTo(perPartition);
          total += e.offset();
        }
        assertThat(total).isEqualTo(4L * perPartition);
      }
    }
  }
}
