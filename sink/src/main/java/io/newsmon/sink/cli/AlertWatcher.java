package io.newsmon.sink.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.newsmon.common.kafka.Json;
import io.newsmon.common.record.Alert;
import io.newsmon.sink.AlertPrinter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Prints alerts from an already assigned consumer, one line each (readable or JSON), until
 * {@code max} alerts were printed, {@code timeout} passed, or the consumer is woken up.
 */
public final class AlertWatcher {

  private final Consumer<String, Alert> consumer;
  private final PrintStream out;
  private final boolean json;
  private final String watchId;

  /**
   * @param watchId print only alerts of this watch; null: all
   */
  public AlertWatcher(Consumer<String, Alert> consumer, PrintStream out, boolean json, String watchId) {
    this.consumer = consumer;
    this.out = out;
    this.json = json;
    this.watchId = watchId;
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
   * @param max stop after this many alerts; 0: no limit
   * @param timeout stop after this long; null: no limit
   * @return the number of alerts printed
   */
  public int run(int max, Duration timeout) {
    long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
    int printed = 0;
    try {
      while (System.nanoTime() < deadline && (max <= 0 || printed < max)) {
        long leftMs = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        for (ConsumerRecord<String, Alert> r : consumer.poll(Duration.ofMillis(Math.min(500, leftMs)))) {
          Alert a = r.value();
          if (a == null || (watchId != null && !watchId.equals(a.watchId()))) {
            continue;
          }
          out.println(line(a));
          printed++;
          if (max > 0 && printed >= max) {
            break;
          }
        }
        out.flush();
      }
    } catch (WakeupException e) {
      // Ctrl-C
    }
    return printed;
  }
}
