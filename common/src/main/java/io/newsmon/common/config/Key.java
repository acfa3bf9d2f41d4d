package io.newsmon.common.config;

import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;

/**
 * A typed setting: its key and how its value is read from a {@link NewsmonConfig}. Each component
 * declares one constant per setting in its {@code *Settings} class and builds the setting's
 * {@link org.apache.kafka.common.config.ConfigDef} entry from the constant's name, so the name, the
 * type, the default, the validator and the meaning sit together; call sites read
 * {@code config.get(ProcessorSettings.THREADS)} instead of choosing a type for a string key.
 *
 * @param <T> the type of the value
 */
public final class Key<T> {

  private final String name;
  private final Class<?> type;
  private final BiFunction<NewsmonConfig, String, T> reader;

  private Key(String name, Class<?> type, BiFunction<NewsmonConfig, String, T> reader) {
    this.name = name;
    this.type = type;
    this.reader = reader;
  }

  /** Text, as written. */
  public static Key<String> string(String name) {
    return new Key<>(name, String.class, NewsmonConfig::string);
  }

  /** Text that may be left empty: null when it is. */
  public static Key<String> optional(String name) {
    return new Key<>(name, String.class, NewsmonConfig::optional);
  }

  /** A whole number. */
  public static Key<Integer> integer(String name) {
    return new Key<>(name, Integer.class, NewsmonConfig::integer);
  }

  /** A size or count that may carry a {@code k}, {@code m} or {@code g} suffix. */
  public static Key<Long> size(String name) {
    return new Key<>(name, Long.class, NewsmonConfig::longValue);
  }

  /** A number. */
  public static Key<Double> decimal(String name) {
    return new Key<>(name, Double.class, NewsmonConfig::decimal);
  }

  /** true/yes/on/1 or false/no/off/0. */
  public static Key<Boolean> bool(String name) {
    return new Key<>(name, Boolean.class, NewsmonConfig::bool);
  }

  /** A duration such as 500ms, 30s, 15m, 6h, 7d or PT15M. */
  public static Key<Duration> duration(String name) {
    return new Key<>(name, Duration.class, NewsmonConfig::duration);
  }

  /** A comma-separated list, empty items dropped. */
  public static Key<List<String>> list(String name) {
    return new Key<>(name, List.class, NewsmonConfig::list);
  }

  /** The setting's key, as written in a config file or given to {@code --set}. */
  public String name() {
    return name;
  }

  /** The class of the values {@link NewsmonConfig#get} returns for this setting. */
  public Class<?> type() {
    return type;
  }

  T readFrom(NewsmonConfig config) {
    return reader.apply(config, name);
  }

  @Override
  public String toString() {
    return name;
  }
}
