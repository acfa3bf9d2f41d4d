package io.newsmon.processor.stream;

import io.newsmon.common.record.Analysis;
import io.newsmon.common.record.DeadLetter;
import io.newsmon.processor.dedup.DedupEntry;
import io.newsmon.processor.dedup.Deduplicator;
import io.newsmon.processor.dedup.StoreDedupState;
import io.newsmon.processor.fingerprint.Fingerprint;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * <p>With a reorder delay, arriving articles wait in a changelogged buffer store and a burst is judged
 * in publication-time order (ties by article id) once nothing has arrived for the delay, or at the
 * latest after five delays. The first article of a story is then the one published first, not the one
 * whose partition happened to be analysed first, so a replay gives the same originals, story ids and
 * alert ids. Only the id, event time, analysis and fingerprint of an article are decoded here; its
 * text stays in the JSON bytes written by the analyse step. A failure becomes a dead letter (stage
 * {@code dedup}) whose value is the raw article as JSON (the original bytes stay on the raw topic at the offset upstream).
 */
final class DedupProcessor implements Processor<String, Outcome, String, Outcome> {

  private static final Logger LOG = LoggerFactory.getLogger(DedupProcessor.class);

  private final Deduplicator deduplicator;
  private final String storeName;
  private final Duration purgeInterval;
  private final String pendingStoreName;
  private final long reorderDelayMs;
  private ProcessorContext<String, Outcome> context;
  private StoreDedupState state;
  private KeyValueStore<String, Pending> pending;
  private long latest = Long.MIN_VALUE;
  private long firstHeld = -1;
  private long lastHeld = -1;

  DedupProcessor(Deduplicator deduplicator, String storeName, Duration purgeInterval,
      String pendingStoreName, Duration reorderDelay) {
    this.deduplicator = deduplicator;
    this.storeName = storeName;
    this.purgeInterval = purgeInterval;
    this.pendingStoreName = pendingStoreName;
    this.reorderDelayMs = reorderDelay.toMillis();
  }

  @Override
  public void init(ProcessorContext<String, Outcome> context) {
    this.context = context;
    KeyValueStore<String, DedupEntry> store = context.getStateStore(storeName);
    this.state = new StoreDedupState(store);
    context.schedule(purgeInterval, PunctuationType.WALL_CLOCK_TIME, t -> {
      if (latest != Long.MIN_VALUE) {
        int n = deduplicator.purge(state, latest);
        if (n > 0) {
          LOG.info("dedup state: {} expired entries removed", n);
        }
      }
    });
    if (reorderDelayMs > 0) {
      pending = context.getStateStore(pendingStoreName);
      try (KeyValueIterator<String, Pending> it = pending.all()) {
        if (it.hasNext()) { // held before a restart: judge them at the next tick
          firstHeld = lastHeld = 0;
        }
      }
      long tick = Math.max(50, Math.min(reorderDelayMs / 4, 250));
      context.schedule(Duration.ofMillis(tick), PunctuationType.WALL_CLOCK_TIME, this::releaseIfDue);
    }
  }

  @Override
  public void process(Record<String, Outcome> record) {
    if (reorderDelayMs <= 0 || record.value() == null || record.value().isFailure()) {
      judge(record, true);
      return;
    }
    long now = context.currentSystemTimeMs();
    pending.put(Pending.orderKey(record.value(), record.timestamp()),
        new Pending(record.key(), record.timestamp(), record.value()));
    if (firstHeld < 0) {
      firstHeld = now;
    }
    lastHeld = now;
    if (now - firstHeld >= 5 * reorderDelayMs) {
      // a busy stream thread may run its wall-clock punctuation late: keep the five-delay bound here
      releaseIfDue(now);
    }
  }

  private void releaseIfDue(long now) {
    if (firstHeld < 0 || (now - lastHeld < reorderDelayMs && now - firstHeld < 5 * reorderDelayMs)) {
      return;
    }
    List<KeyValue<String, Pending>> burst = new ArrayList<>();
    try (KeyValueIterator<String, Pending> it = pending.all()) {
      it.forEachRemaining(burst::add);
    }
    for (KeyValue<String, Pending> kv : burst) {
      Pending held = kv.value;
      judge(new Record<>(held.key(), held.outcome(), held.timestamp()), false);
      pending.delete(kv.key);
    }
    firstHeld = lastHeld = -1;
  }

  private void judge(Record<String, Outcome> record, boolean live) {
    Outcome o = record.value();
    try {
      if (o == null || o.isFailure()) {
        throw new IllegalArgumentException("no analysed article in the dedup input record");
      }
      // the dedup memory runs on event time: a replayed archive expires as its articles were published
      long eventTime = o.eventTime(record.timestamp());
      // a publication time far in the future (a bad date) must not expire everything at the next purge
      latest = Math.max(latest, Math.min(eventTime, Math.max(record.timestamp(), context.currentSystemTimeMs())));
      Fingerprint fp = o.fingerprint();
      Deduplicator.Decision decided;
      if (fp == null) {
        Analysis a = deduplicator.decide(state, o.id(), o.article().article(), o.analysis(), eventTime);
        decided = new Deduplicator.Decision(a.duplicateOf(), a.storyId());
      } else {
        decided = deduplicator.decide(state, o.id(), eventTime, o.contentHash(),
            o.specificEntities(), o.topics(), o.eventKeys(), fp, eventTime);
      }
      context.forward(record.withValue(o.withDecision(decided)).withHeaders(new RecordHeaders()));
    } catch (RuntimeException e) {
      RecordMetadata m = live ? context.recordMetadata().orElse(null) : null;
      DeadLetter dl = DeadLetter.of("dedup", m == null ? null : m.topic(),
          m == null ? -1 : m.partition(), m == null ? -1 : m.offset(), e);
      LOG.warn("dead letter at stage dedup for {}: {}", record.key(), dl.errorMessage());
      byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
      byte[] value = o == null || o.isFailure() ? null : o.articleJson();
      context.forward(new Record<>(record.key(), Outcome.failed(key, value), record.timestamp(),
          dl.toHeaders()));
    }
  }
}
