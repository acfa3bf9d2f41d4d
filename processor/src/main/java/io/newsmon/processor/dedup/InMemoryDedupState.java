package io.newsmon.processor.dedup;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/** A {@link DedupState} in a hash map: for one-shot batch analysis and tests. Not thread-safe. */
public final class InMemoryDedupState implements DedupState {

  private final Map<String, DedupEntry> map = new HashMap<>();
  private long seq;

  @Override
  public DedupEntry get(String key) {
    return map.get(key);
  }

  @Override
  public void put(String key, DedupEntry entry) {
    map.put(key, entry);
  }

  @Override
  public void delete(String key) {
    map.remove(key);
  }

  @Override
  public void forEach(BiConsumer<String, DedupEntry> visitor) {
    map.forEach(visitor);
  }

  @Override
  public long nextSeq() {
    return ++seq;
  }

  public int size() {
    return map.size();
  }
}
