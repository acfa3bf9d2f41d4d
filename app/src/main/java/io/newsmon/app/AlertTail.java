package io.newsmon.app;

import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.kafka.KafkaClients;
import io.newsmon.common.kafka.Topics;
import io.newsmon.common.record.Alert;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Follows {@code news.alerts} without a consumer group (nothing is committed, nothing is shared with
 * other readers) and hands every alert revision to a callback, until told to stop.
 */
public final class AlertTail {

  private AlertTail() {}

  /**
   * Reads alerts until {@code keepGoing} turns false.
   *
   * @param fromBeginning whether to start at the oldest alert instead of the newest
   */
  public static void follow(NewsmonConfig config, boolean fromBeginning, BooleanSupplier keepGoing,
      Consumer<Alert> onAlert) {
    Properties props = KafkaClients.consumer(config, null);
    props.put("enable.auto.commit", "false");
    try (KafkaConsumer<String, Alert> consumer = new KafkaConsumer<>(props,
        Topics.ALERTS.keySerde().deserializer(), Topics.ALERTS.valueSerde().deserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.ALERTS.name()).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      if (fromBeginning) {
        consumer.seekToBeginning(partitions);
      } else {
        consumer.seekToEnd(partitions);
      }
      while (keepGoing.getAsBoolean()) {
        for (ConsumerRecord<String, Alert> r : consumer.poll(Duration.ofMillis(250))) {
          if (r.value() != null) {
            onAlert.accept(r.value());
          }
          if (!keepGoing.getAsBoolean()) {
            break;
          }
        }
      }
    }
  }
}
