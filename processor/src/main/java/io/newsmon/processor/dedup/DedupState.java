package io.newsmon.processor.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The key-value memory of the dedup step. Keys are strings chosen by {@link Deduplicator}: the
 * remembered articles under {@code a:<articleId>} ({@link #isArticleKey}), and lookup buckets under
 * every other key ({@code h:<contentHash>}, SimHash bands, shingle minima, story keys). The buckets are
 * an index of the articles: {@link Deduplicator#rebuildIndex} recomputes them from the articles alone.
 * Implementations: {@link InMemoryDedupState} (for {@code newsmon analyze} and tests) and
 * {@link StoreDedupState} (the articles in a changelogged Kafka Streams store, the buckets in a local
 * one that is rebuilt when it is missing or behind).
 */
public interface DedupState {

  /** The entry under {@code key}, or null. */
  DedupEntry get(String key);

  /**
   * The entry of article {@code id} ({@code get(articleKey(id))}), or null: implementations that
   * cache by id answer without building the key.
   */
  default DedupEntry article(String id) {
    return get(Deduplicator.articleKey(id));
  }

  void put(String key, DedupEntry entry);

  void delete(String key);

  /** Visits every entry, articles and buckets (for expiry). The visitor must not modify the state. */
  void forEach(BiConsumer<String, DedupEntry> visitor);

  /** The judging order of the next article (1, 2, ...; see {@link SeenArticle#seq}), and counts it. */
  long nextSeq();

  /** Visits every article entry. The visitor must not modify the state. */
  default void forEachArticle(BiConsumer<String, DedupEntry> visitor) {
    forEach((k, v) -> {
      if (isArticleKey(k)) {
        visitor.accept(k, v);
      }
    });
  }

  /** Removes every lookup bucket (the articles stay). */
  default void clearIndex() {
    List<String> keys = new ArrayList<>();
    forEach((k, v) -> {
      if (!isArticleKey(k)) {
        keys.add(k);
      }
    });
    keys.forEach(this::delete);
  }

  /** Whether {@code key} names an article entry rather than a lookup bucket. */
  static boolean isArticleKey(String key) {
    return key.startsWith(Deduplicator.ARTICLE_PREFIX);
  }
}
