package io.newsmon.ingestor.state;

import io.newsmon.ingestor.fetch.Validators;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Seen state in memory. Every change is also passed to a listener as a (key, value) pair in the
 * state-topic format ({@link StateCodec}), which is how {@link KafkaSeenState} persists it; replaying
 * those pairs with {@link #apply} rebuilds the same state after a restart.
 */
public class InMemorySeenState implements SeenState {

  private final Map<String, Boolean> seen = new ConcurrentHashMap<>();
  private final Map<String, Validators> validators = new ConcurrentHashMap<>();
  private final BiConsumer<String, String> listener;

  public InMemorySeenState() {
    this((k, v) -> { });
  }

  public InMemorySeenState(BiConsumer<String, String> listener) {
    this.listener = listener;
  }

  @Override
  public boolean isSeen(String itemKey) {
    return seen.containsKey(itemKey);
  }

  @Override
  public void markSeen(String itemKey) {
    if (seen.putIfAbsent(itemKey, Boolean.TRUE) == null) {
      listener.accept(StateCodec.seenKey(itemKey), StateCodec.SEEN_VALUE);
    }
  }

  @Override
  public Validators validators(String listingUrl) {
    return validators.getOrDefault(listingUrl, Validators.NONE);
  }

  @Override
  public void putValidators(String listingUrl, Validators v) {
    if (v == null || v.isEmpty()) {
      return;
    }
    if (!v.equals(validators.put(listingUrl, v))) {
      listener.accept(StateCodec.validatorsKey(listingUrl), StateCodec.encode(v));
    }
  }

  /** Applies one state-topic record (a null value is a tombstone and forgets the key). Not echoed to the listener. */
  public void apply(String key, String value) {
    StateCodec.Entry e = StateCodec.decode(key, value);
    if (e == null) {
      return;
    }
    if (e.itemKey() != null) {
      if (value == null) {
        seen.remove(e.itemKey());
      } else {
        seen.put(e.itemKey(), Boolean.TRUE);
      }
    } else if (e.listingUrl() != null) {
      if (value == null) {
        validators.remove(e.listingUrl());
      } else {
        validators.put(e.listingUrl(), e.validators());
      }
    }
  }

  public int seenCount() {
    return seen.size();
  }
}
