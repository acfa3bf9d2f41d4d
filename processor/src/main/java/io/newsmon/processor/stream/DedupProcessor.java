package io.newsmon.processor.stream;

import io.newsmon.common.kafka.DeadLetterProcessor;
import io.newsmon.common.util.Hashing;
import io.newsmon.common.ops.NewsmonMetrics;
import io.newsmon.common.record.DeadLetter;
import io.newsmon.processor.dedup.DedupEntry;
import io.newsmon.processor.dedup.Deduplicator;
import io.newsmon.processor.dedup.StoreDedupState;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.KeyValue;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link Deduplicator} over the dedup state store, in the single total order of the dedup
 * repartition topic. Its clock is event time (publication time, else fetch time, else record time):
 * expired entries are purged every {@code purgeInterval} (wall clock) relative to the latest event
 * time seen (never later than the record or wall-clock time).
 *
 * <p>With a reorder delay, arrivals go through a {@link ReorderBuffer}: a merge of the source
 * partitions of {@code news.raw} (each in its offset order, the partition travelling in the
 * {@value #SOURCE_PARTITION} header) that does not depend on which partition happened to be analysed
 * first, so a replay gives the same originals, story ids and alert ids. An article is held only until
 * every other partition has something queued to compare it with, or for the reorder delay at most
 * when one has not; held articles are also written to a changelogged store (record cache in front, so
 * an article released within a commit interval never reaches the changelog) and taken back into the
 * buffer after a restart. Only the id, event time, analysis and fingerprint of an article are decoded here; its
 * text stays in the JSON bytes written by the analyse step. A failure becomes a {@link Failed} record
 * (stage {@code dedup}) whose value is the raw article as JSON (the original bytes stay on the raw topic
 * at the offset upstream); so does a record of the repartition topic or the buffer that cannot be read
 * ({@link OutcomeSerde}), with its bytes.
 */
final class DedupProcessor implements Processor<String, Outcome, String, Outcome> {

  private static final Logger LOG = LoggerFactory.getLogger(DedupProcessor.class);
  /** Header naming the partition of {@code news.raw} an analysed article was read from (4-byte int). */
  static final String SOURCE_PARTITION = "newsmon.source-partition";
  /** The longest an article is held, in reorder delays, however the partitions progress. */
  static final int MAX_HOLD_DELAYS = 4;
  /**
   * An article whose record time is more than this before its arrival here was replayed from an
   * archive (a replay stamps records with the publication time; a live ingestor with the time it
   * sends them) or is a backlog being caught up: it waits the replay delay.
   */
  static final long REPLAY_AGE_MS = java.util.concurrent.TimeUnit.MINUTES.toMillis(10);
  /** The most articles held at once (a lagging partition must not fill the heap). */
  static final int MAX_HELD = 5_000;

  private final Deduplicator deduplicator;
  private final String storeName;
  private final String indexStoreName;
  private final Duration purgeInterval;
  private final String pendingStoreName;
  private final long reorderDelayMs;
  private final long replayDelayMs;
  private final int sourcePartitions;
  private ProcessorContext<String, Outcome> context;
  private StoreDedupState state;
  private KeyValueStore<String, Pending> pending;
  private ReorderBuffer<Held> buffer;
  private long nextSeq;
  private long latest = Long.MIN_VALUE;

  /** An article in the reorder buffer: its arrival number (store key) and whether it is in the store. */
  private static final class Held {
    final Pending pending;
    final long seq;
    boolean stored;
    boolean released;

    Held(Pending pending, long seq, boolean stored) {
      this.pending = pending;
      this.seq = seq;
      this.stored = stored;
    }
  }

  /**
   * @param replayDelay the wait of an article older than {@link #REPLAY_AGE_MS} (not below
   *     {@code reorderDelay}; unused when that is 0)
   * @param sourcePartitions partitions of {@code news.raw} expected (waited for before first heard from)
   */
  DedupProcessor(Deduplicator deduplicator, String storeName, String indexStoreName, Duration purgeInterval,
      String pendingStoreName, Duration reorderDelay, Duration replayDelay, int sourcePartitions) {
    this.deduplicator = deduplicator;
    this.storeName = storeName;
    this.indexStoreName = indexStoreName;
    this.purgeInterval = purgeInterval;
    this.pendingStoreName = pendingStoreName;
    this.reorderDelayMs = reorderDelay.toMillis();
    this.replayDelayMs = Math.max(reorderDelayMs, replayDelay.toMillis());
    this.sourcePartitions = sourcePartitions;
  }

  @Override
  public void init(ProcessorContext<String, Outcome> context) {
    this.context = context;
    KeyValueStore<String, DedupEntry> store = context.getStateStore(storeName);
    KeyValueStore<String, DedupEntry> index = context.getStateStore(indexStoreName);
    this.state = new StoreDedupState(store, index);
    StoreDedupState.Opened opened = state.open(deduplicator);
    if (opened.reason() != null && (opened.articles() > 0 || opened.moved() > 0)) {
      LOG.info("dedup index {} from {} remembered articles in {} ms ({})", opened.rebuilt() ? "rebuilt" : "moved",
          opened.articles(), opened.millis(), opened.reason());
    }
    context.schedule(purgeInterval, PunctuationType.WALL_CLOCK_TIME, t -> {
      if (latest != Long.MIN_VALUE) {
        int n = deduplicator.purge(state, latest);
        state.flush();
        if (n > 0) {
          LOG.info("dedup state: {} expired entries removed", n);
        }
      }
    });
    if (reorderDelayMs > 0) {
      pending = context.getStateStore(pendingStoreName);
      buffer = new ReorderBuffer<>(reorderDelayMs, MAX_HOLD_DELAYS * reorderDelayMs, MAX_HELD, sourcePartitions);
      long now = context.currentSystemTimeMs();
      // held before a restart: back into the buffer in arrival order
      List<KeyValue<String, Pending>> restored = new ArrayList<>();
      try (KeyValueIterator<String, Pending> it = pending.all()) {
        it.forEachRemaining(restored::add);
      }
      for (KeyValue<String, Pending> kv : restored) {
        nextSeq = Math.max(nextSeq, Pending.seqOf(kv.key) + 1);
      }
      for (KeyValue<String, Pending> kv : restored) {
        long seq = Pending.seqOf(kv.key);
        if (seq < 0) { // not a key this step writes: judged (as a dead letter when unreadable) and removed
          pending.delete(kv.key);
        }
        Held h = new Held(kv.value, seq < 0 ? nextSeq++ : seq, seq >= 0);
        buffer.add(kv.value.partition(), kv.value.timestamp(), kv.value.id(), h, now,
            waitOf(kv.value.timestamp(), now));
      }
      long tick = Math.max(10, Math.min(reorderDelayMs / 5, 100));
      context.schedule(Duration.ofMillis(tick), PunctuationType.WALL_CLOCK_TIME, this::release);
    }
  }

  /** Writes the index writes still held in memory, so that a clean restart finds the index complete. */
  @Override
  public void close() {
    if (state != null) {
      state.flush();
    }
  }

  @Override
  public void process(Record<String, Outcome> record) {
    if (reorderDelayMs <= 0 || !(record.value() instanceof Analysed a)) {
      judge(record, true);
      return;
    }
    long now = context.currentSystemTimeMs();
    int partition = sourcePartition(record);
    Held h = new Held(new Pending(record.key(), record.timestamp(), partition, a), nextSeq++, false);
    buffer.add(partition, record.timestamp(), a.id(), h, now, waitOf(record.timestamp(), now));
    release(now);
    if (!h.released) {
      pending.put(Pending.storeKey(h.seq), h.pending); // held past this call, so maybe past a commit
      h.stored = true;
    }
  }

  /**
   * How long an article waits for a partition with nothing queued: the replay delay for a replayed or
   * backlogged article (nobody waits for its alert, and a partition whose analysis starts late, as in
   * a fresh installation, must not change the ids a replay gives), the reorder delay otherwise.
   */
  long waitOf(long recordTime, long now) {
    return now - recordTime > REPLAY_AGE_MS ? replayDelayMs : reorderDelayMs;
  }

  /** The partition of news.raw named by the {@value #SOURCE_PARTITION} header, or -1. */
  static int sourcePartition(Record<?, ?> record) {
    Header h = record.headers().lastHeader(SOURCE_PARTITION);
    return h == null || h.value() == null || h.value().length != 4 ? -1 : ByteBuffer.wrap(h.value()).getInt();
  }

  /** The {@value #SOURCE_PARTITION} header of an article read from {@code partition}. */
  static Headers sourcePartitionHeader(int partition) {
    return new RecordHeaders().add(SOURCE_PARTITION, ByteBuffer.allocate(4).putInt(partition).array());
  }

  /** Judges what the buffer releases, in its order. */
  private void release(long now) {
    for (ReorderBuffer.Held<Held> r : buffer.release(now)) {
      Held h = r.item();
      h.released = true;
      judge(new Record<>(h.pending.key(), h.pending.outcome(), h.pending.timestamp()), false);
      if (h.stored) {
        // a put of null deletes as delete() does, without reading and decoding the old value back
        pending.put(Pending.storeKey(h.seq), null);
      }
    }
  }

  private void judge(Record<String, Outcome> record, boolean live) {
    Analysed o;
    if (record.value() instanceof Analysed a) {
      o = a;
    } else {
      Failed f = record.value() instanceof Failed unread ? unread
          : new Failed(null, null, DeadLetterProcessor.reason("dedup", context,
              new IllegalArgumentException("no analysed article in the dedup input record")));
      byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
      RecordMetadata m = live ? context.recordMetadata().orElse(null) : null;
      DeadLetter reason = m == null ? f.reason() : f.reason().at(m.topic(), m.partition(), m.offset());
      context.forward(new Record<>(record.key(), (Outcome) new Failed(f.originalKey() != null ? f.originalKey() : key,
          f.originalValue(), reason), record.timestamp()));
      return;
    }
    try {
      // the dedup memory runs on event time: a replayed archive expires as its articles were published
      long eventTime = o.eventTime(record.timestamp());
      // a publication time far in the future (a bad date) must not expire everything at the next purge
      latest = Math.max(latest, Math.min(eventTime, Math.max(record.timestamp(), context.currentSystemTimeMs())));
      Deduplicator.Decision decided = deduplicator.decide(state, o.id(), eventTime, o.contentHash(),
          o.specificEntities(), o.topics(), o.eventKeys(), o.fingerprint(), eventTime);
      state.settle();
      context.forward(record.withValue((Outcome) o.withDecision(decided)).withHeaders(new RecordHeaders()));
      NewsmonMetrics.dedupDecision(decided.duplicateOf() != null, decided.storyId().equals(Hashing.id("s", o.id())));
    } catch (org.apache.kafka.common.KafkaException e) {
      if (e instanceof org.apache.kafka.common.errors.SerializationException) {
        deadLetter(record, o, live, e);
        return;
      }
      // not the article's fault: a fenced producer or migrated task (seen under heavy load), a state
      // store failure; Streams retries or moves the task, and the article must not become a dead letter
      throw e;
    } catch (RuntimeException e) {
      deadLetter(record, o, live, e);
    }
  }

  /** Forwards the article as a dead letter with the reason why it could not be judged. */
  private void deadLetter(Record<String, Outcome> record, Analysed o, boolean live, RuntimeException e) {
    DeadLetter reason = live ? DeadLetterProcessor.reason("dedup", context, e)
        : new DeadLetter("dedup", null, -1, -1, null, null, e.getClass().getName(), DeadLetter.messageOf(e),
            java.time.Instant.ofEpochMilli(context.currentSystemTimeMs()));
    byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
    context.forward(new Record<>(record.key(), (Outcome) new Failed(key, o.articleJson(), reason),
        record.timestamp()));
  }
}
