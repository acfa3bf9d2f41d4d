package io.newsmon.processor.dedup;

import java.util.function.BiConsumer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A {@link DedupState} over a Kafka Streams key-value store (persistent and changelogged, so a
 * restarted or migrated task finds its memory again). Expiry is done by {@link Deduplicator#purge}.
 */
public final class StoreDedupState implements DedupState {

  private final KeyValueStore<String, DedupEntry> store;

  public StoreDedupState(KeyValueStore<String, DedupEntry> store) {
    this.store = store;
  }

  @Override
  public DedupEntry get(String key) {
    return store.get(key);
  }

  @Override
  public void put(String key, DedupEntry entry) {
    store.put(key, entry);
  }

  @Override
  public void delete(String key) {
    store.delete(key);
  }

  @Override
  public void forEach(BiConsumer<String, DedupEntry> visitor) {
    try (KeyValueIterator<String, DedupEntry> it = store.all()) {
      while (it.hasNext()) {
        KeyValue<String, DedupEntry> kv = it.next();
        visitor.accept(kv.key, kv.value);
      }
    }
  }
}
