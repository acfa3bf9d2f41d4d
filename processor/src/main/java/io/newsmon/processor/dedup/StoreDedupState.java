package io.newsmon.processor.dedup;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A {@link DedupState} over a Kafka Streams key-value store (persistent and changelogged, so a
 * restarted or migrated task finds its memory again). Expiry is done by {@link Deduplicator#purge}.
 */
public final class StoreDedupState implements DedupState {

  /** Decoded entries kept in memory by default: the hot buckets and recent articles. */
  public static final int DEFAULT_CACHE_ENTRIES = 20_000;

  /** Keys known to be absent kept in memory: most story look-up keys (a name on a day) are. */
  public static final int ABSENT_CACHE_KEYS = 50_000;

  private final KeyValueStore<String, DedupEntry> store;
  private final Map<String, DedupEntry> cache;
  /** Keys not in the store (this object is the store's only writer while it lives, so it knows). */
  private final Map<String, Boolean> absent;

  public StoreDedupState(KeyValueStore<String, DedupEntry> store) {
    this(store, DEFAULT_CACHE_ENTRIES);
  }

  /**
   * A write-through view of {@code store} with an LRU cache of decoded entries, so the lookups of
   * one article (a dozen buckets, their candidates) do not decode the same JSON again and again, and
   * an LRU set of keys known to be absent, so the story look-ups of names on days no article named
   * them (most of them) do not go through the Streams cache to RocksDB each time.
   * Not thread-safe: one instance per stream task, which Kafka Streams runs on one thread.
   */
  public StoreDedupState(KeyValueStore<String, DedupEntry> store, int cacheEntries) {
    this.store = store;
    this.cache = new LinkedHashMap<>(1024, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, DedupEntry> eldest) {
        return size() > cacheEntries;
      }
    };
    this.absent = new LinkedHashMap<>(1024, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
        return size() > ABSENT_CACHE_KEYS;
      }
    };
  }

  @Override
  public DedupEntry get(String key) {
    DedupEntry e = cache.get(key);
    if (e == null) {
      if (absent.get(key) != null) {
        return null;
      }
      e = store.get(key);
      if (e != null) {
        cache.put(key, e);
      } else {
        absent.put(key, Boolean.TRUE);
      }
    }
    return e;
  }

  @Override
  public void put(String key, DedupEntry entry) {
    store.put(key, entry);
    cache.put(key, entry);
    absent.remove(key);
  }

  @Override
  public void delete(String key) {
    store.delete(key);
    cache.remove(key);
    absent.put(key, Boolean.TRUE);
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
