package io.newsmon.app.chaos;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Follows one topic from its beginning with {@code read_committed} on a thread of its own and keeps
 * when each id (taken from the record value) was first seen, so the fault program can tell when an
 * article got through.
 */
final class TopicTail<V> implements AutoCloseable {

  private final Map<String, Long> firstSeen = new ConcurrentHashMap<>();
  private final Map<Integer, Long> lastOffset = new ConcurrentHashMap<>();
  /** Where each id was first read: partition and offset. */
  private final Map<String, long[]> firstAt = new ConcurrentHashMap<>();
  private final KafkaConsumer<byte[], V> consumer;
  private final Thread thread;
  private volatile boolean running = true;

  TopicTail(String bootstrap, String topic, Deserializer<V> values, Function<V, String> idOf) {
    consumer = new KafkaConsumer<>(TopicAudit.reader(bootstrap, "read_committed"), new ByteArrayDeserializer(), values);
    List<TopicPartition> parts = List.of();
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (parts.isEmpty() && System.nanoTime() < deadline) {
      parts = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
          .map(pi -> new TopicPartition(topic, pi.partition())).toList();
      if (parts.isEmpty()) {
        try {
          Thread.sleep(200); // the topic is being created
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    if (parts.isEmpty()) {
      consumer.close();
      throw new IllegalStateException("topic " + topic + " did not appear in 5 minutes");
    }
    consumer.assign(parts);
    consumer.seekToBeginning(parts);
    thread = new Thread(() -> {
      try {
        while (running) {
          for (ConsumerRecord<byte[], V> r : consumer.poll(Duration.ofMillis(200))) {
            if (r.value() != null) {
              String id = idOf.apply(r.value());
              firstSeen.putIfAbsent(id, System.nanoTime());
              firstAt.putIfAbsent(id, new long[] {r.partition(), r.offset()});
            }
            lastOffset.merge(r.partition(), r.offset(), Math::max);
          }
        }
      } catch (WakeupException e) {
        // closing
      } finally {
        consumer.close(Duration.ofSeconds(2));
      }
    }, "tail-" + topic);
    thread.setDaemon(true);
    thread.start();
  }

  boolean seen(String id) {
    return firstSeen.containsKey(id);
  }

  /** Whether a committed record at or past {@code ends} (partition → offset) has been read. */
  boolean beyond(Map<Integer, Long> ends) {
    return ends.entrySet().stream().anyMatch(e -> lastOffset.getOrDefault(e.getKey(), -1L) >= e.getValue());
  }

  /** The log end offsets of a topic's partitions, open transactions included. */
  static Map<Integer, Long> logEnds(String bootstrap, String topic) {
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(TopicAudit.reader(bootstrap, "read_uncommitted"),
        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> parts = c.partitionsFor(topic, Duration.ofSeconds(30)).stream()
          .map(pi -> new TopicPartition(topic, pi.partition())).toList();
      Map<Integer, Long> ends = new java.util.HashMap<>();
      c.endOffsets(parts, Duration.ofSeconds(30)).forEach((tp, o) -> ends.put(tp.partition(), o));
      return ends;
    }
  }

  /**
   * Whether a committed record at or past {@code ends} (partition → offset) whose id matches
   * {@code which} has been read.
   */
  boolean beyond(Map<Integer, Long> ends, java.util.function.Predicate<String> which) {
    return firstAt.entrySet().stream().anyMatch(e -> which.test(e.getKey())
        && e.getValue()[1] >= ends.getOrDefault((int) e.getValue()[0], Long.MAX_VALUE));
  }

  int count() {
    return firstSeen.size();
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
