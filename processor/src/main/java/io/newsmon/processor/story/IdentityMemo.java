package io.newsmon.processor.story;

import java.util.function.Function;

/**
 * A fixed-size memo of a pure function by the identity of its argument, direct-mapped: each argument
 * has one slot (its identity hash code modulo the size), and an argument found in its slot gets the
 * value computed for it; otherwise the value is computed and replaces what the slot held. One array
 * read per hit, no allocation, no bookkeeping of recency: made for a few hundred objects that come
 * back again and again (the decoded entries of the dedup step's cache). An argument equal to a memoised
 * one but another object is computed again, to an equal value, since the function is pure. Not
 * thread-safe: one per thread.
 *
 * @param <K> the argument
 * @param <V> the value
 */
public final class IdentityMemo<K, V> {

  private final Object[] keys;
  private final Object[] values;
  private final int mask;
  private final Function<K, V> function;

  /**
   * @param slots how many arguments it can hold at most (rounded up to a power of two)
   * @param function the pure function memoised
   */
  public IdentityMemo(int slots, Function<K, V> function) {
    if (slots < 1) {
      throw new IllegalArgumentException("slots must be at least 1, not " + slots);
    }
    int size = Integer.highestOneBit(slots);
    size = size < slots ? size << 1 : size;
    this.keys = new Object[size];
    this.values = new Object[size];
    this.mask = size - 1;
    this.function = function;
  }

  /** {@code function.apply(key)}, computed again only when {@code key} is not in its slot. */
  @SuppressWarnings("unchecked")
  public V get(K key) {
    int h = System.identityHashCode(key);
    int i = (h ^ (h >>> 16)) & mask;
    if (keys[i] == key && key != null) {
      return (V) values[i];
    }
    V v = function.apply(key);
    keys[i] = key;
    values[i] = v;
    return v;
  }

  /** How many slots it has. */
  public int slots() {
    return keys.length;
  }
}
