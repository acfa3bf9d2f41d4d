package io.newsmon.processor.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

class StoreDedupStateTest {

  private static KeyValueStore<String, DedupEntry> store() {
    return store("dedup");
  }

  static KeyValueStore<String, DedupEntry> store(String name) {
    KeyValueStore<String, DedupEntry> s = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name),
        Serdes.String(), DedupEntrySerde.INSTANCE).withLoggingDisabled().build();
    s.init(new MockProcessorContext<>().getStateStoreContext(), s);
    return s;
  }

  @Test
  void aKeyLookedUpAsAbsentIsFoundOnceWrittenAndGoneOnceDeleted() {
    KeyValueStore<String, DedupEntry> store = store();
    StoreDedupState state = new StoreDedupState(store("articles"), store, 2);
    assertThat(state.get("k")).isNull(); // now known absent
    state.put("k", new DedupEntry(null, List.of("a-1"), 5));
    assertThat(state.get("k").ids()).containsExactly("a-1");
    assertThat(store.get("k")).isNull(); // held until the next flush
    assertThat(state.pendingIndexWrites()).isEqualTo(1);
    state.flush();
    assertThat(store.get("k").ids()).containsExactly("a-1");
    assertThat(store.get(StoreDedupState.MARKER).ids()).first().isEqualTo("complete");
    state.delete("k");
    assertThat(state.get("k")).isNull();
    assertThat(store.get("k")).isNotNull();
    state.flush();
    assertThat(store.get("k")).isNull();
    state.put("k", new DedupEntry(null, List.of("a-2"), 6));
    assertThat(state.get("k").ids()).containsExactly("a-2");
  }

  @Test
  void articlesAreFoundByIdAndByKeyThroughTheirOwnCache() {
    KeyValueStore<String, DedupEntry> articles = store("articles");
    StoreDedupState state = new StoreDedupState(articles, store(), 2);
    assertThat(state.article("a-0")).isNull(); // now known absent
    for (int i = 0; i < 10; i++) {
      SeenArticle a = new SeenArticle("a-" + i, "h" + i, i, new long[] {i}, null, "s-" + i, List.of(), i, i,
          List.of(), List.of(), new long[0], 5, new long[0], i + 1);
      state.put(Deduplicator.articleKey(a.id()), DedupEntry.of(a));
    }
    assertThat(state.articleCount()).isEqualTo(10);
    for (int i = 0; i < 10; i++) { // a cache of 2: most are read back from the store
      assertThat(articles.get("a:a-" + i).article().storyId()).isEqualTo("s-" + i);
      assertThat(state.article("a-" + i).article().storyId()).isEqualTo("s-" + i);
      assertThat(state.get("a:a-" + i).article().storyId()).isEqualTo("s-" + i);
      assertThat(state.article("a-x" + i)).isNull();
    }
    state.delete("a:a-3");
    assertThat(state.article("a-3")).isNull();
    assertThat(state.get("a:a-3")).isNull();
    assertThat(articles.get("a:a-3")).isNull();
    assertThat(state.articleCount()).isEqualTo(9);
    // written again after it was known absent
    state.put("a:a-3", DedupEntry.of(new SeenArticle("a-3", "h", 3, new long[0], null, "s-again", List.of(), 3, 3,
        List.of(), List.of(), new long[0], 0, new long[0], 11)));
    assertThat(state.article("a-3").article().storyId()).isEqualTo("s-again");
    assertThat(state.articleCount()).isEqualTo(10);
  }

  @Test
  void entriesEvictedFromTheObjectCacheAreReadBackFromTheHeldWritesOrTheStore() {
    KeyValueStore<String, DedupEntry> store = store();
    StoreDedupState state = new StoreDedupState(store("articles"), store, 2);
    for (int i = 0; i < 10; i++) {
      state.put("k" + i, new DedupEntry(null, List.of("a-" + i), i));
    }
    for (int i = 0; i < 10; i++) { // evicted from the cache of 2, not yet in the store
      assertThat(store.get("k" + i)).isNull();
      assertThat(state.get("k" + i).ids()).containsExactly("a-" + i);
      assertThat(state.get("x" + i)).isNull();
    }
    state.flush();
    for (int i = 0; i < 10; i++) {
      assertThat(state.get("k" + i).ids()).containsExactly("a-" + i);
    }
    // a fresh view over the same store (a restarted task) sees what the first one wrote
    StoreDedupState again = new StoreDedupState(store("articles"), store, 2);
    assertThat(again.get("k7").seenAt()).isEqualTo(7);
  }

  static final IndexRebuildTest INPUTS = new IndexRebuildTest();

  /** Judges {@code inputs} over {@code state} as the dedup step does (settling after each). */
  static void judge(StoreDedupState state, List<IndexRebuildTest.Input> inputs) {
    for (IndexRebuildTest.Input in : inputs) {
      INPUTS.dedup.decide(state, in.id(), in.time(), in.contentHash(), in.specific(), in.topics(), in.event(),
          in.fp(), in.time());
      state.settle();
    }
  }

  /** Every entry of a store but the index marker, as text. */
  static java.util.Map<String, String> contents(KeyValueStore<String, DedupEntry> store) {
    java.util.Map<String, String> out = new java.util.TreeMap<>();
    try (var it = store.all()) {
      it.forEachRemaining(kv -> {
        if (!kv.key.equals(StoreDedupState.MARKER)) {
          out.put(kv.key, kv.value.ids() + " @" + kv.value.seenAt());
        }
      });
    }
    return out;
  }

  @Test
  void anIndexMatchingTheArticlesIsKeptAndOneMissingBehindOrUnfinishedIsRebuiltToWhatJudgingWrote() {
    KeyValueStore<String, DedupEntry> articles = store("articles");
    KeyValueStore<String, DedupEntry> index = store("index");
    StoreDedupState first = new StoreDedupState(articles, index);
    assertThat(first.open(INPUTS.dedup).reason()).isEqualTo("no index");
    List<IndexRebuildTest.Input> inputs = IndexRebuildTest.inputs(3, 300, IndexRebuildTest.T0, 60_000, 3_600_000);
    judge(first, inputs.subList(0, 200));
    first.flush(); // as the dedup step does when its task closes
    java.util.Map<String, String> written = contents(index);
    assertThat(written).hasSizeGreaterThan(200);
    assertThat(contents(articles)).hasSize(200).allSatisfy((k, v) -> assertThat(k).startsWith("a:"));

    // a restart with both stores as they were: nothing to rebuild
    StoreDedupState.Opened same = new StoreDedupState(articles, index).open(INPUTS.dedup);
    assertThat(same.reason()).isNull();
    assertThat(same.articles()).isEqualTo(200);

    // the index lost (a task moved to another instance, a wiped state directory): rebuilt alike
    KeyValueStore<String, DedupEntry> fresh = store("fresh");
    StoreDedupState.Opened rebuilt = new StoreDedupState(articles, fresh).open(INPUTS.dedup);
    assertThat(rebuilt.rebuilt()).isTrue();
    assertThat(rebuilt.reason()).isEqualTo("no index");
    assertThat(contents(fresh)).isEqualTo(written);

    // the articles changed behind the index's back (restored further than the index had got)
    KeyValueStore<String, DedupEntry> behind = store("behind");
    StoreDedupState ahead = new StoreDedupState(articles, behind);
    ahead.open(INPUTS.dedup);
    judge(ahead, inputs.subList(200, 210));
    ahead.flush();
    StoreDedupState.Opened stale = new StoreDedupState(articles, index).open(INPUTS.dedup);
    assertThat(stale.reason()).isEqualTo("index of 200 articles, not the 210 remembered");
    assertThat(contents(index)).isEqualTo(contents(behind));

    // a crash after held writes went to RocksDB between two settles (past twice the batch size)
    StoreDedupState crashed = new StoreDedupState(articles, index, 100, 1);
    crashed.open(INPUTS.dedup);
    crashed.put("e:person:p1#20000", new DedupEntry(null, List.of("a-999"), 1));
    crashed.put("e:person:p2#20000", new DedupEntry(null, List.of("a-999"), 1));
    assertThat(index.get("e:person:p2#20000")).isNotNull();
    StoreDedupState.Opened unfinished = new StoreDedupState(articles, index).open(INPUTS.dedup);
    assertThat(unfinished.reason()).isEqualTo("index left unfinished");
    assertThat(contents(index)).isEqualTo(contents(behind));

    // a crash with index writes still held in memory: the index on disk is the one of its marker,
    // behind the articles, and is rebuilt
    StoreDedupState lost = new StoreDedupState(articles, index);
    lost.open(INPUTS.dedup);
    judge(lost, inputs.subList(210, 220));
    assertThat(lost.pendingIndexWrites()).isPositive();
    StoreDedupState.Opened behindAgain = new StoreDedupState(articles, index).open(INPUTS.dedup);
    assertThat(behindAgain.reason()).isEqualTo("index of 210 articles, not the 220 remembered");
    KeyValueStore<String, DedupEntry> through = store("through");
    StoreDedupState writeThrough = new StoreDedupState(articles, through, 100, 1);
    writeThrough.open(INPUTS.dedup);
    assertThat(contents(index)).isEqualTo(contents(through));
  }

  @Test
  void heldWritesGoToTheStoreInBatchesWithTheMarkerAndJudgeAsWritesThroughWould() {
    List<IndexRebuildTest.Input> inputs = IndexRebuildTest.inputs(3, 300, IndexRebuildTest.T0, 60_000, 3_600_000);
    KeyValueStore<String, DedupEntry> batched = store("batched");
    StoreDedupState a = new StoreDedupState(store("articles-a"), batched, 50, 40);
    a.open(INPUTS.dedup);
    KeyValueStore<String, DedupEntry> through = store("through");
    StoreDedupState b = new StoreDedupState(store("articles-b"), through, 50, 1);
    b.open(INPUTS.dedup);
    int flushes = 0;
    for (IndexRebuildTest.Input in : inputs) {
      Deduplicator.Decision x = INPUTS.dedup.decide(a, in.id(), in.time(), in.contentHash(), in.specific(), in.topics(),
          in.event(), in.fp(), in.time());
      int held = a.pendingIndexWrites();
      a.settle();
      if (held > 0 && a.pendingIndexWrites() == 0) { // flushed: the index with its marker
        flushes++;
        assertThat(batched.get(StoreDedupState.MARKER).ids()).first().isEqualTo("complete");
      }
      Deduplicator.Decision y = INPUTS.dedup.decide(b, in.id(), in.time(), in.contentHash(), in.specific(), in.topics(),
          in.event(), in.fp(), in.time());
      b.settle();
      assertThat(x).isEqualTo(y);
    }
    assertThat(flushes).isBetween(2, inputs.size() / 2);
    a.flush();
    b.flush();
    assertThat(contents(batched)).isEqualTo(contents(through));
  }

  @Test
  void bucketsOfAStoreWrittenBeforeTheSplitMoveToTheIndexAsTheyAre() {
    KeyValueStore<String, DedupEntry> articles = store("articles");
    KeyValueStore<String, DedupEntry> index = store("index");
    // the layout before: articles and buckets in one store
    StoreDedupState oneStore = new StoreDedupState(articles, articles);
    judge(oneStore, IndexRebuildTest.inputs(5, 50, IndexRebuildTest.T0, 60_000, 0));
    oneStore.flush();
    articles.delete(StoreDedupState.MARKER);
    java.util.Map<String, String> before = contents(articles);
    StoreDedupState.Opened opened = new StoreDedupState(articles, index).open(INPUTS.dedup);
    assertThat(opened.moved()).isGreaterThan(50);
    assertThat(opened.articles()).isEqualTo(50);
    assertThat(contents(articles)).hasSize(50);
    java.util.Map<String, String> after = new java.util.TreeMap<>(contents(articles));
    after.putAll(contents(index));
    assertThat(after).isEqualTo(before);
  }
}
