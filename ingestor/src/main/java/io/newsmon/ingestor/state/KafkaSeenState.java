package io.newsmon.ingestor.state;

import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.kafka.KafkaClients;
import io.newsmon.common.kafka.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Seen state kept in the compacted {@code newsmon.ingest-state} topic: {@link #load} reads the whole
 * topic back at start (so items seen before a restart are not fetched again), and every change is
 * written through the given producer. The logic lives in {@link InMemorySeenState}; this class only
 * moves its records to and from Kafka.
 */
public final class KafkaSeenState {

  private KafkaSeenState() {}

  /**
   * Reads the state topic to its end and returns a state that writes its changes with
   * {@code producer} (String key, String value).
   */
  public static InMemorySeenState load(NewsmonConfig config, Producer<String, String> producer, Duration timeout) {
    return load(config, (k, v) -> producer.send(new ProducerRecord<>(Topics.INGEST_STATE.name(), k, v)), timeout);
  }

  /**
   * Reads the state topic to its end and returns a state that hands each change (state-topic key and
   * value) to {@code writer}, which is to write it to the state topic.
   */
  public static InMemorySeenState load(NewsmonConfig config, java.util.function.BiConsumer<String, String> writer,
      Duration timeout) {
    InMemorySeenState state = new InMemorySeenState(writer);
    Properties p = KafkaClients.consumer(config, null);
    p.put("enable.auto.commit", "false");
    try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> parts = new ArrayList<>();
      c.partitionsFor(Topics.INGEST_STATE.name(), timeout)
          .forEach(pi -> parts.add(new TopicPartition(pi.topic(), pi.partition())));
      c.assign(parts);
      c.seekToBeginning(parts);
      Map<TopicPartition, Long> end = c.endOffsets(parts, timeout);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!reached(c, end) && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
          state.apply(r.key(), r.value());
        }
      }
      if (!reached(c, end)) {
        throw new IllegalStateException("could not read " + Topics.INGEST_STATE.name() + " to its end within "
            + timeout.toSeconds() + " s; is the cluster reachable?");
      }
    }
    return state;
  }

  private static boolean reached(KafkaConsumer<?, ?> c, Map<TopicPartition, Long> end) {
    for (var e : end.entrySet()) {
      if (c.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }
}
