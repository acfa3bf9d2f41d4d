package io.newsmon.processor.dedup;

import java.util.function.BiConsumer;

/**
 * The key-value memory of the dedup step. Keys are strings chosen by {@link Deduplicator}
 * ({@code a:<articleId>}, {@code h:<contentHash>}, ...). Implementations: {@link InMemoryDedupState}
 * (for {@code newsmon analyze} and tests) and {@link StoreDedupState} (a Kafka Streams state store
 * with a changelog).
 */
public interface DedupState {

  /** The entry under {@code key}, or null. */
  DedupEntry get(String key);

  void put(String key, DedupEntry entry);

  void delete(String key);

  /** Visits every entry (for expiry). The visitor must not modify the state. */
  void forEach(BiConsumer<String, DedupEntry> visitor);
}
