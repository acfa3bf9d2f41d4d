package io.newsmon.sink.alert;

import io.newsmon.common.ops.NewsmonMetrics;
import io.newsmon.common.record.Alert;
import io.newsmon.common.record.ProcessedArticle;
import java.time.Duration;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The Streams side of {@link AlertPolicy}: input keyed by story id (so every article of a story
 * reaches the same task), state in a changelogged store keyed by story and watch
 * ({@link AlertState#key}), output alerts keyed by alert id. Times come from the stream's wall clock
 * ({@link ProcessorContext#currentSystemTimeMs()}), which tests drive.
 *
 * <p>Pending updates (quiet period) are published by a wall-clock punctuation every second (or
 * every quiet period when shorter); expired states are removed by an hourly one.
 */
public final class AlertProcessor implements Processor<String, ProcessedArticle, String, Alert> {

  private static final StringSerializer PREFIX_SERIALIZER = new StringSerializer();
  /** How many stories' states {@link #byStory} keeps. */
  static final int CACHED_STORIES = 10_000;
  /** The store's key order (UTF-8 bytes of story id, '/', watch id) among one story's states. */
  private static final Comparator<AlertState> BY_KEY = Comparator.comparing(
      (AlertState s) -> s.alert().watchId().getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned);

  private final AlertPolicy policy;
  private final String storeName;
  private ProcessorContext<String, Alert> context;
  private KeyValueStore<String, AlertState> store;
  private final Set<String> pending = new LinkedHashSet<>();
  /**
   * The states of the stories seen last (an empty list for a story without alerts), as in the store:
   * written through on every change, dropped when a punctuation changes the store, and rebuilt from
   * the store in {@link #init} (a task restored or revived after an aborted transaction starts empty).
   */
  private final Map<String, List<AlertState>> byStory = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, List<AlertState>> eldest) {
      return size() > CACHED_STORIES;
    }
  };

  public AlertProcessor(AlertPolicy policy, String storeName) {
    this.policy = policy;
    this.storeName = storeName;
  }

  @Override
  public void init(ProcessorContext<String, Alert> context) {
    this.context = context;
    this.store = context.getStateStore(storeName);
    byStory.clear();
    try (KeyValueIterator<String, AlertState> it = store.all()) {
      while (it.hasNext()) {
        KeyValue<String, AlertState> kv = it.next();
        if (kv.value != null && kv.value.pending()) {
          pending.add(kv.key);
        }
      }
    }
    Duration quiet = policy.rules().quietPeriod();
    if (!quiet.isZero()) {
      Duration tick = quiet.compareTo(Duration.ofSeconds(1)) < 0 ? quiet : Duration.ofSeconds(1);
      context.schedule(tick, PunctuationType.WALL_CLOCK_TIME, this::flushPending);
    }
    Duration retention = policy.rules().retention();
    Duration sweep = retention.compareTo(Duration.ofHours(1)) < 0 ? retention : Duration.ofHours(1);
    context.schedule(sweep, PunctuationType.WALL_CLOCK_TIME, this::removeExpired);
  }

  @Override
  public void process(Record<String, ProcessedArticle> record) {
    ProcessedArticle article = record.value();
    if (article == null || article.analysis() == null || article.analysis().storyId() == null) {
      return; // validated upstream; nothing to judge
    }
    String storyId = article.analysis().storyId();
    List<AlertState> remembered = storyStates(storyId);
    // put in the store's key order, as the store scan of every article did before the states were
    // cached: the policy publishes in this map's iteration order, which for keys that share a bucket
    // follows the order they were put in
    Map<String, AlertState> states = new HashMap<>();
    for (AlertState state : remembered) {
      states.put(state.alert().watchId(), state);
    }
    Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
    AlertPolicy.Outcome outcome = policy.onArticle(article, states, now);
    if (!outcome.changed().isEmpty()) {
      outcome.changed().forEach((watchId, state) -> {
        String key = AlertState.key(storyId, watchId);
        store.put(key, state);
        states.put(watchId, state);
        if (state.pending()) {
          pending.add(key);
        } else {
          pending.remove(key);
        }
      });
      List<AlertState> updated = new ArrayList<>(states.values());
      updated.sort(BY_KEY);
      byStory.put(storyId, List.copyOf(updated));
    }
    for (Alert alert : outcome.publish()) {
      context.forward(new Record<>(alert.alertId(), alert, record.timestamp()));
      NewsmonMetrics.alert(alert.watchId(), alert.revision());
    }
  }

  /**
   * The remembered alerts of a story, in the store's key order: from the cache, else from one
   * prefix scan of the store (then cached).
   */
  private List<AlertState> storyStates(String storyId) {
    List<AlertState> cached = byStory.get(storyId);
    if (cached != null) {
      return cached;
    }
    List<AlertState> states = new ArrayList<>(1);
    try (KeyValueIterator<String, AlertState> it =
             store.prefixScan(AlertState.storyPrefix(storyId), PREFIX_SERIALIZER)) {
      while (it.hasNext()) {
        KeyValue<String, AlertState> kv = it.next();
        // a story id containing '/' could share a prefix with another: keep only this story's states
        if (kv.value != null && storyId.equals(kv.value.alert().storyId())) {
          states.add(kv.value);
        }
      }
    }
    List<AlertState> found = List.copyOf(states);
    byStory.put(storyId, found);
    return found;
  }

  @Override
  public void close() {
    byStory.clear();
  }

  private void flushPending(long timestamp) {
    Instant now = Instant.ofEpochMilli(timestamp);
    for (String key : new ArrayList<>(pending)) {
      AlertState state = store.get(key);
      if (state == null || !state.pending()) {
        pending.remove(key);
        continue;
      }
      AlertPolicy.Flushed flushed = policy.flush(state, now);
      if (flushed != null) {
        store.put(key, flushed.state());
        byStory.remove(flushed.state().alert().storyId());
        pending.remove(key);
        context.forward(new Record<>(flushed.alert().alertId(), flushed.alert(), timestamp));
        NewsmonMetrics.alert(flushed.alert().watchId(), flushed.alert().revision());
      }
    }
  }

  private void removeExpired(long timestamp) {
    Instant now = Instant.ofEpochMilli(timestamp);
    List<String> expired = new ArrayList<>();
    try (KeyValueIterator<String, AlertState> it = store.all()) {
      while (it.hasNext()) {
        KeyValue<String, AlertState> kv = it.next();
        if (kv.value == null || policy.expired(kv.value, now)) {
          expired.add(kv.key);
        }
      }
    }
    expired.forEach(store::delete);
    if (!expired.isEmpty()) {
      byStory.clear();
    }
  }
}
