package io.newsmon.sink.deliver;

import io.newsmon.common.record.Alert;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the alerts of {@code news.alerts} to one {@link AlertDeliverer}, with its own consumer
 * group, committing an alert's offset only once it is delivered (or rejected for good). When a
 * delivery fails the consumer goes back to that alert and tries it again after {@code retryPause}:
 * alerts wait in Kafka while the receiver is down and are never lost or skipped, and the Streams
 * topology, which does not wait for this, is never blocked.
 *
 * <p>{@link #run()} loops until {@link #close()}; run it on its own thread.
 */
public final class AlertFeed implements Runnable, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AlertFeed.class);
  private static final Duration POLL = Duration.ofMillis(500);

  private final Consumer<String, Alert> consumer;
  private final String topic;
  private final AlertDeliverer deliverer;
  private final Duration retryPause;
  private final CountDownLatch closed = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile long delivered;
  private volatile long failedRounds;

  /**
   * @param consumer a consumer with a group id and auto-commit off; this feed owns and closes it
   * @param retryPause wait after a failed delivery before the same alert is tried again (default 30 s)
   */
  public AlertFeed(Consumer<String, Alert> consumer, String topic, AlertDeliverer deliverer, Duration retryPause) {
    this.consumer = consumer;
    this.topic = topic;
    this.deliverer = deliverer;
    this.retryPause = retryPause;
  }

  @Override
  public void run() {
    try {
      consumer.subscribe(List.of(topic));
      while (closed.getCount() > 0) {
        ConsumerRecords<String, Alert> records = consumer.poll(POLL);
        if (!records.isEmpty() && !deliverAll(records)) {
          failedRounds++;
          LOG.warn("{}: delivery failed; alerts kept in {} and tried again in {} s", deliverer.name(), topic,
              retryPause.toSeconds());
          if (closed.await(retryPause.toMillis(), TimeUnit.MILLISECONDS)) {
            break;
          }
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.error("{}: alert delivery stopped: {}", deliverer.name(), e.toString(), e);
    } finally {
      try {
        consumer.close(Duration.ofSeconds(5));
      } finally {
        deliverer.close();
        stopped.countDown();
      }
    }
  }

  /**
   * Delivers a batch partition by partition in offset order. On the first failure in a partition it
   * commits what was delivered and rewinds every partition of the batch to its first undelivered alert.
   *
   * @return true when the whole batch was delivered
   */
  boolean deliverAll(ConsumerRecords<String, Alert> records) {
    Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
    Map<TopicPartition, Long> rewind = new HashMap<>();
    for (TopicPartition tp : records.partitions()) {
      for (ConsumerRecord<String, Alert> r : records.records(tp)) {
        if (closed.getCount() == 0) {
          rewind.put(tp, r.offset());
          break;
        }
        AlertDeliverer.Result result = r.value() == null ? AlertDeliverer.Result.REJECTED : deliverer.deliver(r.value());
        if (result == AlertDeliverer.Result.FAILED) {
          rewind.put(tp, r.offset());
          break;
        }
        if (result == AlertDeliverer.Result.DELIVERED) {
          delivered++;
        }
        done.put(tp, new OffsetAndMetadata(r.offset() + 1));
      }
    }
    if (!done.isEmpty()) {
      consumer.commitSync(done);
    }
    rewind.forEach(consumer::seek);
    return rewind.isEmpty();
  }

  /** Alerts delivered since start. */
  public long delivered() {
    return delivered;
  }

  /** Delivery rounds that failed since start. */
  public long failedRounds() {
    return failedRounds;
  }

  /** Stops the loop (waiting at most 10 s for it), closing the consumer and the deliverer. */
  @Override
  public void close() {
    closed.countDown();
    consumer.wakeup();
    try {
      stopped.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
