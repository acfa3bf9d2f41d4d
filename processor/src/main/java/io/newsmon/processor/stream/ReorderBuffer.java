package io.newsmon.processor.stream;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dedup step's reorder buffer: a merge of the source partitions of {@code news.raw} that does not
 * depend on how fast each partition happened to be analysed.
 *
 * <p>Articles of one source partition reach the dedup step in that partition's offset order (one
 * analyse task, one producer). The buffer keeps one queue per source partition and releases, one at
 * a time, the queue head with the smallest order (record time, then article id, then partition), but
 * only while every <em>active</em> partition has a head to compare with. The released sequence is
 * then a function of the partitions' contents alone, so a replay of the same archive into the same
 * number of partitions gives the same order, the same originals and the same story and alert ids,
 * whatever the interleaving of the analysis. When the record times of each partition increase (a live
 * ingestor stamps records when it sends them; a replay of an archive in publication order) this is
 * record-time order; an article is held only until every other active partition has caught up.
 *
 * <p>A head waits for a partition with an empty queue until {@code waitMs} has passed since both its
 * own arrival and that partition's last arrival: under a steady stream every partition soon has a
 * head and the wait is short; a lone article waits {@code waitMs} for the other partitions, then is
 * judged. Partitions waited for are those seen so far and {@code 0..expectedPartitions-1} (so the
 * first burst after a start also waits for the partitions not heard from yet). A head is never held
 * longer than {@code maxHoldMs}, and never more than {@code maxHeld} articles are held: past either
 * bound the smallest head is released without waiting (its order may then depend on timing). An
 * arrival may bring a wait of its own ({@link #add(int, long, String, Object, long, long)}); its
 * longest hold is then scaled in proportion.
 *
 * <p>Pure and single-threaded: times are passed in, nothing is read from a clock.
 *
 * @param <T> what is held
 */
final class ReorderBuffer<T> {

  /** One held item and where it came from. */
  record Held<T>(int partition, long time, String id, long arrivedAt, long waitMs, T item) {}

  private final long waitMs;
  private final long maxHoldMs;
  private final int maxHeld;
  private final Map<Integer, ArrayDeque<Held<T>>> queues = new HashMap<>();
  /** Every partition waited for, with its last arrival (Long.MIN_VALUE: none yet). */
  private final Map<Integer, Long> lastArrival = new HashMap<>();
  private int held;

  /**
   * @param waitMs how long a head waits for a partition with nothing queued (after the later of its
   *     own arrival and that partition's last arrival)
   * @param maxHoldMs the longest a head is held in any case
   * @param maxHeld the most articles held at once
   * @param expectedPartitions partitions {@code 0..n-1} waited for before they are first heard from
   */
  ReorderBuffer(long waitMs, long maxHoldMs, int maxHeld, int expectedPartitions) {
    if (waitMs < 0 || maxHoldMs < 0 || maxHeld < 1 || expectedPartitions < 0) {
      throw new IllegalArgumentException("reorder buffer bounds must not be negative");
    }
    this.waitMs = waitMs;
    this.maxHoldMs = maxHoldMs;
    this.maxHeld = maxHeld;
    for (int p = 0; p < expectedPartitions; p++) {
      lastArrival.put(p, Long.MIN_VALUE);
    }
  }

  /**
   * Adds an arrival at the tail of its partition's queue.
   *
   * @param partition the source partition (-1 when unknown: its own queue)
   * @param time the order time (record time, epoch milliseconds)
   * @param id the tie-breaker (article id)
   * @param now the wall-clock time of arrival
   */
  void add(int partition, long time, String id, T item, long now) {
    add(partition, time, id, item, now, waitMs);
  }

  /**
   * Adds an arrival that waits {@code itemWaitMs} instead of the buffer's wait for a partition with
   * nothing queued, and is held at most as many times that as the buffer's longest hold is its wait.
   */
  void add(int partition, long time, String id, T item, long now, long itemWaitMs) {
    if (itemWaitMs < 0) {
      throw new IllegalArgumentException("a wait must not be negative");
    }
    queues.computeIfAbsent(partition, p -> new ArrayDeque<>())
        .addLast(new Held<>(partition, time, id, now, itemWaitMs, item));
    lastArrival.merge(partition, now, Math::max);
    held++;
  }

  /** Whether nothing is held. */
  boolean isEmpty() {
    return held == 0;
  }

  /** How many items are held. */
  int size() {
    return held;
  }

  /** Removes and returns, in merge order, what can be released at {@code now}. */
  List<Held<T>> release(long now) {
    List<Held<T>> out = new ArrayList<>();
    while (held > 0) {
      Held<T> head = null;
      for (ArrayDeque<Held<T>> q : queues.values()) {
        Held<T> h = q.peekFirst();
        if (h != null && (head == null || before(h, head))) {
          head = h;
        }
      }
      if (head == null) {
        break;
      }
      if (held <= maxHeld && now - head.arrivedAt() < maxHold(head) && waitingFor(head, now)) {
        break;
      }
      queues.get(head.partition()).pollFirst();
      held--;
      out.add(head);
    }
    return out;
  }

  /** Whether another partition has no head to compare {@code head} with and is still waited for. */
  private boolean waitingFor(Held<T> head, long now) {
    for (Map.Entry<Integer, Long> e : lastArrival.entrySet()) {
      int p = e.getKey();
      if (p != head.partition() && now - Math.max(e.getValue(), head.arrivedAt()) < head.waitMs()) {
        ArrayDeque<Held<T>> q = queues.get(p);
        if (q == null || q.isEmpty()) {
          return true;
        }
      }
    }
    return false;
  }

  /** The longest {@code head} is held: the buffer's longest hold, scaled by the head's own wait. */
  private long maxHold(Held<T> head) {
    return waitMs == 0 ? head.waitMs() : maxHoldMs * head.waitMs() / waitMs;
  }

  private static boolean before(Held<?> a, Held<?> b) {
    if (a.time() != b.time()) {
      return a.time() < b.time();
    }
    int c = a.id().compareTo(b.id());
    return c != 0 ? c < 0 : a.partition() < b.partition();
  }
}
