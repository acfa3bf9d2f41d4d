package io.newsmon.common.kafka;

import org.apache.kafka.common.serialization.Serde;

/** A topic's name with the serdes of its keys and values, shared by the code and the tests. */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, boolean compacted) {

  @Override
  public String toString() {
    return name;
  }
}
