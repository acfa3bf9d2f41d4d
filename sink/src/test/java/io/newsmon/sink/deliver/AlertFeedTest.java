package io.newsmon.sink.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.common.record.Alert;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class AlertFeedTest {

  private static final TopicPartition TP = new TopicPartition("news.alerts", 0);

  /** Fails the alerts whose ids are in {@code failing} until {@code heal()} is called. */
  private static final class FlakyDeliverer implements AlertDeliverer {
    final List<String> delivered = new ArrayList<>();
    boolean healed;

    @Override
    public Result deliver(Alert alert) {
      if (!healed && alert.alertId().equals("al-2")) {
        return Result.FAILED;
      }
      delivered.add(alert.alertId());
      return Result.DELIVERED;
    }

    @Override
    public String name() {
      return "flaky";
    }
  }

  @Test
  void commitsOnlyDeliveredAlertsAndRetriesTheFailedOneInOrder() {
    MockConsumer<String, Alert> consumer = new MockConsumer<>("earliest");
    consumer.assign(List.of(TP));
    consumer.updateBeginningOffsets(Map.of(TP, 0L));
    for (int i = 1; i <= 3; i++) {
      consumer.addRecord(new ConsumerRecord<>(TP.topic(), 0, i - 1, "al-" + i, TestAlerts.alert("al-" + i, 1, 0)));
    }
    FlakyDeliverer deliverer = new FlakyDeliverer();
    AlertFeed feed = new AlertFeed(consumer, TP.topic(), deliverer, Duration.ofMillis(1));

    ConsumerRecords<String, Alert> batch = consumer.poll(Duration.ofMillis(10));
    assertThat(feed.deliverAll(batch)).isFalse();
    assertThat(deliverer.delivered).containsExactly("al-1");
    assertThat(consumer.committed(Set.of(TP)).get(TP).offset()).isEqualTo(1);
    assertThat(consumer.position(TP)).as("rewound to the undelivered alert").isEqualTo(1);

    deliverer.healed = true;
    // MockConsumer keeps no log: hand it the records from the rewound position again
    consumer.addRecord(new ConsumerRecord<>(TP.topic(), 0, 1, "al-2", TestAlerts.alert("al-2", 1, 0)));
    consumer.addRecord(new ConsumerRecord<>(TP.topic(), 0, 2, "al-3", TestAlerts.alert("al-3", 1, 0)));
    assertThat(feed.deliverAll(consumer.poll(Duration.ofMillis(10)))).isTrue();
    assertThat(deliverer.delivered).containsExactly("al-1", "al-2", "al-3");
    assertThat(consumer.committed(Set.of(TP)).get(TP).offset()).isEqualTo(3);
    assertThat(feed.delivered()).isEqualTo(3);
  }

  @Test
  void runLoopRetriesAfterAFailedRoundAndStopsOnClose() throws Exception {
    MockConsumer<String, Alert> consumer = new MockConsumer<>("earliest");
    consumer.schedulePollTask(() -> {
      consumer.rebalance(List.of(TP));
      consumer.updateBeginningOffsets(Map.of(TP, 0L));
      consumer.addRecord(new ConsumerRecord<>(TP.topic(), 0, 0, "al-1", TestAlerts.alert("al-1", 1, 0)));
      consumer.addRecord(new ConsumerRecord<>(TP.topic(), 0, 1, "al-2", TestAlerts.alert("al-2", 1, 0)));
    });
    // after the rewind the broker would serve al-2 again
    consumer.schedulePollTask(() ->
        consumer.addRecord(new ConsumerRecord<>(TP.topic(), 0, 1, "al-2", TestAlerts.alert("al-2", 1, 0))));
    List<String> delivered = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger();
    AlertDeliverer onceFlaky = new AlertDeliverer() {
      @Override
      public Result deliver(Alert alert) {
        if (alert.alertId().equals("al-2") && failures.getAndIncrement() == 0) {
          return Result.FAILED;
        }
        delivered.add(alert.alertId());
        return Result.DELIVERED;
      }

      @Override
      public String name() {
        return "once-flaky";
      }
    };
    AlertFeed feed = new AlertFeed(consumer, TP.topic(), onceFlaky, Duration.ofMillis(20));
    Thread t = new Thread(feed);
    t.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (delivered.size() < 2 && System.nanoTime() < deadline) {
      java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
    }
    feed.close();
    t.join(10_000);
    assertThat(delivered).containsExactly("al-1", "al-2");
    assertThat(feed.failedRounds()).isEqualTo(1);
    assertThat(t.isAlive()).isFalse();
    assertThat(consumer.closed()).isTrue();
  }
}
