package io.newsmon.processor.dedup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A {@link DedupState} over two Kafka Streams key-value stores: the remembered articles in a
 * persistent, changelogged store (one record per judged article, so a restarted or migrated task finds
 * them again), and the lookup buckets in a persistent store without a changelog (the index), which
 * {@link #open} rebuilds from the articles when it is missing or does not match them: after a crash
 * under exactly-once (Streams wipes the task's stores and restores the changelogged ones), on an
 * instance that takes the task over, after an at-least-once crash that lost unflushed writes.
 *
 * <p>How the index knows it matches the articles: a marker entry in the index holds the count and an
 * order-independent digest of the articles (each article's key and judging order), and whether the
 * index was being written. Before the first index write after a {@link #settle}, the marker is set to
 * "writing"; {@link #settle} (after each judged article and each purge) writes the count and digest
 * again. The index store has no record cache, so RocksDB holds a prefix of its writes in order: an
 * index that lost writes, missed a purge or is ahead of the articles shows a marker that is "writing"
 * or disagrees with the articles found at {@link #open}. Expiry is done by {@link Deduplicator#purge}
 * over both stores.
 */
public final class StoreDedupState implements DedupState {

  /**
   * Bucket keys kept in memory by default, each with its decoded bucket or as known to be absent (most
   * story look-up keys, a name on a day, are): the hot ones.
   */
  public static final int DEFAULT_CACHE_ENTRIES = 30_000;

  /**
   * Decoded remembered articles kept in memory by default: a judged article reads about 300 of them
   * (its near-copy and story candidates, recent and less so), so they get a cache of their own instead
   * of competing with the buckets (each article files a few dozen).
   */
  public static final int DEFAULT_ARTICLE_ENTRIES = 8_000;

  /**
   * What the bucket cache holds for a key known to be absent, and the held write of a delete: one
   * look-up answers both "is it cached" and "is it known absent".
   */
  private static final DedupEntry ABSENT = new DedupEntry(null, List.of(), Long.MIN_VALUE);

  /**
   * Index writes held in memory before they go to RocksDB in one batch: a bucket written by several
   * articles in between (a name on a day, a busy band) reaches RocksDB once, and a batch costs one
   * write instead of one per entry.
   */
  public static final int DEFAULT_FLUSH_ENTRIES = 2_000;

  /** The index's marker key (not a key {@link Deduplicator} writes: those start with a letter). */
  public static final String MARKER = "!index";
  private static final String WRITING = "writing";
  private static final String COMPLETE = "complete";

  private final KeyValueStore<String, DedupEntry> articles;
  private final KeyValueStore<String, DedupEntry> index;
  /**
   * Decoded buckets, and keys not in the index ({@link #ABSENT}: this object is the stores' only
   * writer while it lives, so it knows), least recently used first.
   */
  private final Map<String, DedupEntry> buckets;
  /** Decoded article entries by article id (not by key: the look-ups come with ids), least recently used first. */
  private final Map<String, DedupEntry> articleCache;
  /** Index writes not yet in RocksDB ({@link #ABSENT}: a delete), in no particular order: one value per key. */
  private final Map<String, DedupEntry> dirty = new java.util.HashMap<>();
  private final int flushEntries;
  private long count;
  private long digest;
  private long lastSeq;
  /** The marker in the index says "writing". */
  private boolean indexWriting;
  /** The articles changed since the marker was last written. */
  private boolean markerStale;

  /** What {@link #open} found and did. */
  public record Opened(long articles, boolean rebuilt, String reason, int moved, long millis) {}

  public StoreDedupState(KeyValueStore<String, DedupEntry> articles, KeyValueStore<String, DedupEntry> index) {
    this(articles, index, DEFAULT_CACHE_ENTRIES, DEFAULT_ARTICLE_ENTRIES, DEFAULT_FLUSH_ENTRIES);
  }

  public StoreDedupState(KeyValueStore<String, DedupEntry> articles, KeyValueStore<String, DedupEntry> index,
      int cacheEntries) {
    this(articles, index, cacheEntries, DEFAULT_FLUSH_ENTRIES);
  }

  /**
   * A write-through view of the two stores with LRU caches of decoded entries (up to
   * {@code cacheEntries} bucket keys, and up to that many or {@value #DEFAULT_ARTICLE_ENTRIES}
   * articles by id), so the lookups of one article (a dozen buckets, their candidates) do not decode
   * the same bytes again and again; the same caches remember keys known to be absent, so the story
   * look-ups of names on days no article named them (most of them) do not reach RocksDB each time, and
   * a look-up costs one hash-map operation whether the key is there or known absent. Index writes are
   * held until {@code flushEntries} of them are pending at a {@link #settle} and then written in one
   * batch with the marker ({@link #flush}). Call {@link #open} before use.
   * Not thread-safe: one instance per stream task, which Kafka Streams runs on one thread.
   */
  public StoreDedupState(KeyValueStore<String, DedupEntry> articles, KeyValueStore<String, DedupEntry> index,
      int cacheEntries, int flushEntries) {
    this(articles, index, cacheEntries, Math.min(cacheEntries, DEFAULT_ARTICLE_ENTRIES), flushEntries);
  }

  /** As above with {@code articleEntries} articles (or article ids known to be absent) cached. */
  public StoreDedupState(KeyValueStore<String, DedupEntry> articles, KeyValueStore<String, DedupEntry> index,
      int cacheEntries, int articleEntries, int flushEntries) {
    this.flushEntries = Math.max(1, flushEntries);
    this.articles = articles;
    this.index = index;
    this.buckets = lru(Math.max(1, cacheEntries));
    this.articleCache = lru(Math.max(1, articleEntries));
  }

  /** An access-ordered map that drops its least recently used entry past {@code capacity}. */
  private static Map<String, DedupEntry> lru(int capacity) {
    return new LinkedHashMap<>(1024, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, DedupEntry> eldest) {
        return size() > capacity;
      }
    };
  }

  /**
   * Reads the articles (count, digest, latest judging order), compares them with the index's marker
   * and rebuilds the index with {@code dedup} when they disagree. Lookup buckets found in the article
   * store (a store written before the index was split off) are moved to the index as they are.
   */
  public Opened open(Deduplicator dedup) {
    long t0 = System.nanoTime();
    count = 0;
    digest = 0;
    lastSeq = 0;
    List<String> stray = new ArrayList<>();
    try (KeyValueIterator<String, DedupEntry> it = articles.all()) {
      while (it.hasNext()) {
        KeyValue<String, DedupEntry> kv = it.next();
        if (kv.value == null) {
          continue;
        }
        if (kv.value.article() == null) {
          stray.add(kv.key);
          continue;
        }
        count++;
        digest ^= digestOf(kv.key, kv.value.article().seq());
        lastSeq = Math.max(lastSeq, kv.value.article().seq());
      }
    }
    String reason = null;
    if (!stray.isEmpty()) {
      reason = stray.size() + " lookup buckets in the article store (written before the index was split off)";
      clearIndex();
      for (String k : stray) {
        DedupEntry e = articles.get(k);
        index.put(k, e);
        articles.delete(k);
      }
    } else {
      DedupEntry m = index.get(MARKER);
      if (m == null) {
        reason = "no index";
      } else if (m.ids().size() != 3 || !COMPLETE.equals(m.ids().get(0))) {
        reason = "index left unfinished";
      } else if (parse(m.ids().get(1)) != count || parse(m.ids().get(2)) != digest) {
        reason = "index of " + parse(m.ids().get(1)) + " articles, not the " + count + " remembered";
      }
      if (reason != null) {
        dedup.rebuildIndex(this);
      }
    }
    buckets.clear();
    articleCache.clear();
    markerStale = true;
    flush();
    return new Opened(count, reason != null && stray.isEmpty(), reason, stray.size(),
        (System.nanoTime() - t0) / 1_000_000);
  }

  /**
   * Called after each judged article and each purge, when the index in memory matches the articles:
   * writes the held index writes with the marker when {@code flushEntries} of them are pending.
   */
  public void settle() {
    if (dirty.size() >= flushEntries) {
      flush();
    }
  }

  /**
   * Writes the held index writes and the marker (the articles' count and digest) in one batch, which
   * RocksDB applies as a whole: the index on disk is always the index of some settled state, and its
   * marker says which. Call when the index in memory matches the articles (after {@link #settle}
   * could be called), and before the task closes.
   */
  public void flush() {
    if (dirty.isEmpty() && !indexWriting && !markerStale) {
      return;
    }
    write(List.of(COMPLETE, Long.toHexString(count), Long.toHexString(digest)));
    indexWriting = false;
    markerStale = false;
  }

  /** The held index writes and then the marker {@code marker}, in one batch. */
  private void write(List<String> marker) {
    List<KeyValue<String, DedupEntry>> batch = new ArrayList<>(dirty.size() + 1);
    dirty.forEach((k, v) -> batch.add(KeyValue.pair(k, v == ABSENT ? null : v)));
    batch.add(KeyValue.pair(MARKER, new DedupEntry(null, marker, 0)));
    index.putAll(batch);
    dirty.clear();
  }

  /** Index writes held in memory, not yet in RocksDB. */
  public int pendingIndexWrites() {
    return dirty.size();
  }

  /** How many articles are remembered. */
  public long articleCount() {
    return count;
  }

  @Override
  public DedupEntry get(String key) {
    return DedupState.isArticleKey(key) ? article(key.substring(Deduplicator.ARTICLE_PREFIX.length())) : bucket(key);
  }

  /**
   * The article entry of {@code id}: one look-up in the article cache when it is cached or known
   * absent (a purged article still named by a bucket), with no key string built.
   */
  @Override
  public DedupEntry article(String id) {
    DedupEntry e = articleCache.get(id);
    if (e == null) {
      e = articles.get(Deduplicator.articleKey(id));
      articleCache.put(id, e == null ? ABSENT : e);
    }
    return e == ABSENT ? null : e;
  }

  /** A bucket: one look-up when it is cached or known absent. */
  private DedupEntry bucket(String key) {
    DedupEntry e = buckets.get(key);
    if (e == null) {
      e = dirty.get(key); // written, evicted from the cache, not yet flushed
      if (e == null) {
        e = index.get(key);
        if (e == null) {
          e = ABSENT;
        }
      }
      buckets.put(key, e);
    }
    return e == ABSENT ? null : e;
  }

  @Override
  public void put(String key, DedupEntry entry) {
    if (DedupState.isArticleKey(key)) {
      String id = key.substring(Deduplicator.ARTICLE_PREFIX.length());
      forgetArticle(key, id);
      if (entry.article() != null) {
        count++;
        digest ^= digestOf(key, entry.article().seq());
        lastSeq = Math.max(lastSeq, entry.article().seq());
      }
      markerStale = true;
      articles.put(key, entry);
      articleCache.put(id, entry);
    } else {
      hold(key, entry);
      buckets.put(key, entry);
    }
  }

  @Override
  public void delete(String key) {
    if (DedupState.isArticleKey(key)) {
      String id = key.substring(Deduplicator.ARTICLE_PREFIX.length());
      forgetArticle(key, id);
      markerStale = true;
      articles.delete(key);
      articleCache.put(id, ABSENT);
    } else {
      hold(key, ABSENT);
      buckets.put(key, ABSENT);
    }
  }

  @Override
  public long nextSeq() {
    return ++lastSeq;
  }

  @Override
  public void forEach(BiConsumer<String, DedupEntry> visitor) {
    forEachArticle(visitor);
    if (!dirty.isEmpty()) { // the index as it is in memory, read from RocksDB
      write(List.of(WRITING));
      indexWriting = true;
    }
    forEachIn(index, visitor);
  }

  @Override
  public void forEachArticle(BiConsumer<String, DedupEntry> visitor) {
    forEachIn(articles, visitor);
  }

  @Override
  public void clearIndex() {
    dirty.clear();
    writingIndex();
    // RocksDB iterators read a snapshot: deleting behind one is safe, and no key list fills the heap
    try (KeyValueIterator<String, DedupEntry> it = index.all()) {
      while (it.hasNext()) {
        String k = it.next().key;
        if (!MARKER.equals(k)) {
          index.delete(k);
        }
      }
    }
    buckets.clear();
  }

  private void forEachIn(KeyValueStore<String, DedupEntry> store, BiConsumer<String, DedupEntry> visitor) {
    try (KeyValueIterator<String, DedupEntry> it = store.all()) {
      while (it.hasNext()) {
        KeyValue<String, DedupEntry> kv = it.next();
        if (kv.value != null && !MARKER.equals(kv.key)) {
          visitor.accept(kv.key, kv.value);
        }
      }
    }
  }

  /** Takes the article now under {@code key} (of article {@code id}), if any, out of the count and digest. */
  private void forgetArticle(String key, String id) {
    DedupEntry old = article(id);
    if (old != null && old.article() != null) {
      count--;
      digest ^= digestOf(key, old.article().seq());
    }
  }

  /**
   * Holds an index write ({@link #ABSENT}: a delete) for the next {@link #flush}; past twice {@code flushEntries}
   * held (a large purge, a rebuild), writes them at once with the marker "writing": the index in memory
   * need not match the articles at that moment.
   */
  private void hold(String key, DedupEntry entry) {
    dirty.put(key, entry);
    if (dirty.size() >= 2 * flushEntries) {
      write(List.of(WRITING));
      indexWriting = true;
    }
  }

  /** Marks the index as being written before a write that bypasses the batches ({@link #clearIndex}). */
  private void writingIndex() {
    if (!indexWriting) {
      index.put(MARKER, new DedupEntry(null, List.of(WRITING), 0));
      indexWriting = true;
    }
  }

  private static long parse(String hex) {
    return Long.parseUnsignedLong(hex, 16);
  }

  /** A well-mixed 64-bit hash of an article's key and judging order (xor-ed over all articles). */
  static long digestOf(String key, long seq) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < key.length(); i++) {
      h = (h ^ key.charAt(i)) * 0x100000001b3L;
    }
    h ^= seq * 0x9e3779b97f4a7c15L;
    h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
    h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
    return h ^ (h >>> 31);
  }
}
