package io.newsmon.sink.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.kafka.Json;
import io.newsmon.common.kafka.KafkaClients;
import io.newsmon.common.kafka.Topic;
import io.newsmon.common.kafka.Topics;
import io.newsmon.common.record.Alert;
import io.newsmon.sink.AlertPrinter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Follows an alert topic without a consumer group (nothing is committed, nothing is shared with other
 * readers) and hands every alert revision, of one watch or all, to a callback: the loop behind
 * {@code newsmon watch} (which prints one line per alert, readable or JSON) and the alert lines of
 * {@code newsmon run} and {@code newsmon demo}.
 */
public final class AlertWatcher {

  private static final Duration POLL = Duration.ofMillis(250);

  private final org.apache.kafka.clients.consumer.Consumer<String, Alert> consumer;
  private final PrintStream out;
  private final boolean json;
  private final String watchId;

  /**
   * @param consumer an assigned consumer
   * @param out where {@link #run} prints; null when only {@link #follow} is used
   * @param watchId only alerts of this watch; null: all
   */
  public AlertWatcher(org.apache.kafka.clients.consumer.Consumer<String, Alert> consumer, PrintStream out,
      boolean json, String watchId) {
    this.consumer = consumer;
    this.out = out;
    this.json = json;
    this.watchId = watchId;
  }

  /** A consumer without a group or auto-commit, for reading alerts. */
  public static KafkaConsumer<String, Alert> consumer(NewsmonConfig config, String clientId) {
    Properties p = KafkaClients.consumer(config, null);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    if (clientId != null) {
      p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    }
    return new KafkaConsumer<>(p, Topics.ALERTS.keySerde().deserializer(), Topics.ALERTS.valueSerde().deserializer());
  }

  /**
   * Assigns every partition of {@code topic}, at its start or its end.
   *
   * @return false when the topic does not exist (nothing assigned)
   */
  public static boolean assign(KafkaConsumer<String, Alert> consumer, Topic<String, Alert> topic,
      boolean fromBeginning) {
    List<PartitionInfo> parts = consumer.partitionsFor(topic.name(), Duration.ofSeconds(30));
    if (parts == null || parts.isEmpty()) {
      return false;
    }
    List<TopicPartition> tps = parts.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
    consumer.assign(tps);
    if (fromBeginning) {
      consumer.seekToBeginning(tps);
    } else {
      consumer.seekToEnd(tps);
    }
    return true;
  }

  /**
   * Follows {@code news.alerts} until {@code keepGoing} turns false.
   *
   * @param fromBeginning whether to start at the oldest alert instead of the newest
   */
  public static void follow(NewsmonConfig config, boolean fromBeginning, BooleanSupplier keepGoing,
      Consumer<Alert> onAlert) {
    try (KafkaConsumer<String, Alert> consumer = consumer(config, null)) {
      if (!assign(consumer, Topics.ALERTS, fromBeginning)) {
        throw new IllegalStateException("topic " + Topics.ALERTS.name() + " does not exist");
      }
      new AlertWatcher(consumer, null, false, null).follow(keepGoing, onAlert);
    }
  }

  /** One alert as printed. */
  public String line(Alert alert) {
    if (!json) {
      return AlertPrinter.format(alert);
    }
    try {
      return Json.mapper().writeValueAsString(alert);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Hands each alert to {@code onAlert} until {@code keepGoing} turns false (checked after each alert
   * and each poll) or the consumer is woken up.
   *
   * @return the number of alerts handed over
   */
  public int follow(BooleanSupplier keepGoing, Consumer<Alert> onAlert) {
    int n = 0;
    try {
      outer:
      while (keepGoing.getAsBoolean()) {
        for (ConsumerRecord<String, Alert> r : consumer.poll(POLL)) {
          Alert a = r.value();
          if (a == null || (watchId != null && !watchId.equals(a.watchId()))) {
            continue;
          }
          onAlert.accept(a);
          n++;
          if (!keepGoing.getAsBoolean()) {
            break outer;
          }
        }
      }
    } catch (WakeupException e) {
      // stopping
    }
    return n;
  }

  /**
   * Prints alerts, one line each.
   *
   * @param max stop after this many alerts; 0: no limit
   * @param timeout stop after this long; null: no limit
   * @param keepGoing stop when this turns false (Ctrl-C)
   * @return the number of alerts printed
   */
  public int run(int max, Duration timeout, BooleanSupplier keepGoing) {
    long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
    int[] printed = {0};
    follow(() -> keepGoing.getAsBoolean() && System.nanoTime() < deadline && (max <= 0 || printed[0] < max), a -> {
      out.println(line(a));
      out.flush();
      printed[0]++;
    });
    return printed[0];
  }

  /** {@link #run(int, Duration, BooleanSupplier)} until {@code max} or {@code timeout}. */
  public int run(int max, Duration timeout) {
    return run(max, timeout, () -> true);
  }
}
