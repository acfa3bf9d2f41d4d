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
    assertThat(store.get("k").ids()).containsExactly("a-1");
    state.delete("k");
    assertThat(state.get("k")).isNull();
    assertThat(store.get("k")).isNull();
    state.put("k", new DedupEntry(null, List.of("a-2"), 6));
    assertThat(state.get("k").ids()).containsExactly("a-2");
  }

  @Test
  void entriesEvictedFromTheObjectCacheAreReadBackFromTheStore() {
    KeyValueStore<String, DedupEntry> store = store();
    StoreDedupState state = new StoreDedupState(store("articles"), store, 2);
    for (int i = 0; i < 10; i++) {
      state.put("k" + i, new DedupEntry(null, List.of("a-" + i), i));
    }
    for (int i = 0; i < 10; i++) {
      assertThat(state.get("k" + i).ids()).containsExactly("a-" + i);
      assertThat(state.get("x" + i)).isNull();
    }
    // a fresh view over the same store (a restarted task) sees what the first one wrote
    StoreDedupState again = new StoreDedupState(store("articles"), store, 2);
    assertThat(again.get("k7").seenAt()).isEqualTo(7);
  }
}
