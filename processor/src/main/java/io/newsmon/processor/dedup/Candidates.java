package io.newsmon.processor.dedup;

import java.util.Arrays;

/**
 * The distinct article ids gathered from lookup buckets, in the order first added: what a
 * {@link java.util.LinkedHashSet} of strings gives, in two arrays (the ids in order, and an
 * open-addressing table of them by hash code) with no entry object per id. The dedup step adds a
 * few hundred to two thousand ids per judged article, most of them more than once (an article shares
 * several buckets with its near copies, and several story keys with its story). Not thread-safe.
 */
final class Candidates {

  private String[] order;
  private String[] table;
  private int size;

  /** An empty set sized for about {@code expected} distinct ids (it grows past them). */
  Candidates(int expected) {
    order = new String[Math.max(4, expected)];
    table = new String[tableSize(order.length)];
  }

  /** Adds {@code id} (not null) unless it is there; true when it was added. */
  boolean add(String id) {
    int mask = table.length - 1;
    for (int i = spread(id.hashCode()) & mask; ; i = (i + 1) & mask) {
      String t = table[i];
      if (t == null) {
        table[i] = id;
        break;
      }
      if (t == id || t.equals(id)) {
        return false;
      }
    }
    if (size == order.length) {
      order = Arrays.copyOf(order, 2 * size);
    }
    order[size++] = id;
    if (2 * size > table.length) {
      rehash();
    }
    return true;
  }

  /** Adds every id of {@code ids} that is not there, in their order. */
  void addAll(java.util.List<String> ids) {
    for (int i = 0, n = ids.size(); i < n; i++) {
      add(ids.get(i));
    }
  }

  int size() {
    return size;
  }

  /** The {@code i}-th distinct id added (0-based). */
  String get(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException(i + " of " + size);
    }
    return order[i];
  }

  private void rehash() {
    table = new String[2 * table.length];
    int mask = table.length - 1;
    for (int k = 0; k < size; k++) {
      int i = spread(order[k].hashCode()) & mask;
      while (table[i] != null) {
        i = (i + 1) & mask;
      }
      table[i] = order[k];
    }
  }

  /** A table of at least twice {@code n} slots, a power of two. */
  private static int tableSize(int n) {
    return Integer.highestOneBit(Math.max(2, 2 * n - 1)) << 1;
  }

  /** Mixes the high bits of a hash code into the low ones that pick a slot. */
  private static int spread(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
