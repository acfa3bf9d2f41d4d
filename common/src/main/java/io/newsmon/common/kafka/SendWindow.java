package io.newsmon.common.kafka;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InterruptException;

/**
 * At most {@code size} sends of one producer waiting for the broker's answer: {@link #send} blocks
 * while the window is full. A writer that sends as fast as it can otherwise fills the producer's
 * whole buffer (32 MB by default, some 10,000 articles), and the last batches in it wait longer
 * than {@code delivery.timeout.ms} (120 s) on a slow or busy broker: they expire and their records
 * are lost. With the window a record waits behind at most {@code size - 1} others. Thread-safe.
 */
public final class SendWindow {

  private final int size;
  private final Semaphore free;

  public SendWindow(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("a send window holds at least one send, not " + size);
    }
    this.size = size;
    this.free = new Semaphore(size);
  }

  /**
   * Waits for a free place in the window, then sends; {@code done} (may be null) is called with the
   * broker's answer, after which the place is free again. A send the producer refuses at once
   * (throws) frees its place before the exception goes on.
   */
  public <K, V> void send(Producer<K, V> producer, ProducerRecord<K, V> record, Callback done) {
    try {
      free.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptException(e);
    }
    AtomicBoolean answered = new AtomicBoolean();
    Callback release = (metadata, error) -> {
      try {
        if (done != null) {
          done.onCompletion(metadata, error);
        }
      } finally {
        if (answered.compareAndSet(false, true)) {
          free.release();
        }
      }
    };
    try {
      producer.send(record, release);
    } catch (RuntimeException e) {
      if (answered.compareAndSet(false, true)) {
        free.release();
      }
      throw e;
    }
  }

  /** Sends sent and not yet answered. */
  public int outstanding() {
    return size - free.availablePermits();
  }

  public int size() {
    return size;
  }
}
