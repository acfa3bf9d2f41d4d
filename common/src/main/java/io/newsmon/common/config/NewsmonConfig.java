package io.newsmon.common.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * newsmon's configuration: the documented defaults file {@code newsmon-defaults.properties} (every
 * key, its default and its meaning), overridden by a user file, then by environment variables, then
 * by explicit overrides (command-line options).
 *
 * <p>An environment variable overrides a key when its name is {@code NEWSMON_} followed by the key
 * upper-cased with {@code .} and {@code -} turned into {@code _}: {@code NEWSMON_INGESTOR_USER_AGENT}
 * sets {@code ingestor.user-agent}. Keys under {@code kafka.} are Kafka client properties passed
 * through unchanged to every producer, consumer, admin client and Streams app; from the environment
 * {@code NEWSMON_KAFKA_SASL_MECHANISM} gives {@code kafka.sasl.mechanism}.
 *
 * <p>A key that is neither documented in the defaults file nor under {@code kafka.} is refused, so a
 * typo is an error rather than a silently ignored setting.
 */
public final class NewsmonConfig {

  public static final String DEFAULTS_RESOURCE = "/newsmon-defaults.properties";
  public static final String ENV_PREFIX = "NEWSMON_";
  public static final String KAFKA_PREFIX = "kafka.";

  /** NEWSMON_* variables that are not settings: read by the launcher or for error output. */
  private static final java.util.Set<String> NOT_SETTINGS = java.util.Set.of("NEWSMON_DEBUG", "NEWSMON_JAVA_OPTS");
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(NewsmonConfig.class);

  private static final Map<String, Setting> DOCUMENTED = loadDocumented();

  private final Map<String, String> values;

  private NewsmonConfig(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(new TreeMap<>(values));
  }

  /** The defaults alone. */
  public static NewsmonConfig defaults() {
    Map<String, String> m = new LinkedHashMap<>();
    DOCUMENTED.forEach((k, s) -> m.put(k, s.defaultValue()));
    return new NewsmonConfig(m);
  }

  /**
   * Defaults, then {@code userFile} (may be null), then {@code env}, then {@code overrides}.
   *
   * @throws IllegalArgumentException on an unknown key or an unreadable file, naming it
   */
  public static NewsmonConfig load(Path userFile, Map<String, String> env, Map<String, String> overrides) {
    NewsmonConfig config = defaults();
    if (userFile != null) {
      config = config.with(readFile(userFile), "config file " + userFile);
    }
    config = config.with(fromEnv(env), "environment");
    return config.with(overrides, "--set");
  }

  /** A copy with these keys set. Unknown keys are refused. */
  public NewsmonConfig with(Map<String, String> overrides) {
    return with(overrides, "override");
  }

  public NewsmonConfig with(String key, String value) {
    return with(Map.of(key, value));
  }

  private NewsmonConfig with(Map<String, String> overrides, String origin) {
    Map<String, String> m = new LinkedHashMap<>(values);
    overrides.forEach((k, v) -> {
      String key = k.trim();
      if (!isKnown(key)) {
        throw new IllegalArgumentException("unknown setting '" + key + "' in " + origin
            + suggestion(key) + "; see 'newsmon config' for every setting");
      }
      m.put(key, v == null ? "" : v.trim());
    });
    return new NewsmonConfig(m);
  }

  /**
   * True for {@code kafka.*} keys, documented keys, and keys matching a documented pattern: a
   * documented key with a {@code <name>} segment (such as {@code sink.watch.<id>.min-score}) stands
   * for that key with any one segment in its place.
   */
  public static boolean isKnown(String key) {
    if (key.startsWith(KAFKA_PREFIX) || DOCUMENTED.containsKey(key)) {
      return true;
    }
    for (String k : DOCUMENTED.keySet()) {
      if (k.contains("<") && key.matches(patternOf(k))) {
        return true;
      }
    }
    return false;
  }

  private static String patternOf(String documentedKey) {
    StringBuilder re = new StringBuilder();
    for (String part : documentedKey.split("\\.", -1)) {
      re.append(re.length() == 0 ? "" : "\\.")
          .append(part.startsWith("<") && part.endsWith(">") ? "[^.]+" : java.util.regex.Pattern.quote(part));
    }
    return re.toString();
  }

  /**
   * The value of a key that may be set per item of a documented pattern, falling back to the general
   * key: {@code stringFor("sink.watch.<id>.min-score", "morocco-kazakhstan", "sink.alert.min-score")}.
   */
  public String stringFor(String patternKey, String name, String fallbackKey) {
    String v = values.get(patternKey.replaceFirst("<[^>]+>", java.util.regex.Matcher.quoteReplacement(name)));
    return v == null || v.isEmpty() ? string(fallbackKey) : v;
  }

  private static String suggestion(String key) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : DOCUMENTED.keySet()) {
      int d = levenshtein(key, k);
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
    return best != null && bestDistance <= 3 ? " (did you mean '" + best + "'?)" : "";
  }

  private static int levenshtein(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  static Map<String, String> fromEnv(Map<String, String> env) {
    Map<String, String> byEnvName = new LinkedHashMap<>();
    for (String key : DOCUMENTED.keySet()) {
      byEnvName.put(envName(key), key);
    }
    Map<String, String> m = new LinkedHashMap<>();
    env.forEach((name, value) -> {
      if (!name.startsWith(ENV_PREFIX)) {
        return;
      }
      String key = byEnvName.get(name);
      if (key != null) {
        m.put(key, value);
      } else if (name.startsWith(ENV_PREFIX + "KAFKA_")) {
        m.put(KAFKA_PREFIX + name.substring((ENV_PREFIX + "KAFKA_").length())
            .toLowerCase(Locale.ROOT).replace('_', '.'), value);
      } else if (!NOT_SETTINGS.contains(name)) {
        LOG.warn("environment variable {} matches no setting and is ignored (see 'newsmon config')", name);
      }
    });
    return m;
  }

  /** The environment variable that overrides {@code key}. */
  public static String envName(String key) {
    return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  private static Map<String, String> readFile(Path file) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read config file " + file + ": " + e.getMessage(), e);
    }
    Map<String, String> m = new LinkedHashMap<>();
    p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
    return m;
  }

  // ---- typed access -------------------------------------------------------------------------

  public String string(String key) {
    String v = values.get(key);
    if (v == null) {
      throw new IllegalArgumentException("no setting '" + key + "'");
    }
    return v;
  }

  /** The value, or null when it is empty. */
  public String optional(String key) {
    String v = string(key);
    return v.isEmpty() ? null : v;
  }

  public int integer(String key) {
    return (int) longValue(key);
  }

  public long longValue(String key) {
    String v = string(key);
    try {
      return parseSize(v);
    } catch (NumberFormatException e) {
      throw invalid(key, v, "a whole number (suffixes k, m, g allowed for sizes)");
    }
  }

  public double decimal(String key) {
    String v = string(key);
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw invalid(key, v, "a number");
    }
  }

  public boolean bool(String key) {
    String v = string(key).toLowerCase(Locale.ROOT);
    return switch (v) {
      case "true", "yes", "on", "1" -> true;
      case "false", "no", "off", "0" -> false;
      default -> throw invalid(key, v, "true or false");
    };
  }

  public Duration duration(String key) {
    String v = string(key);
    try {
      return parseDuration(v);
    } catch (RuntimeException e) {
      throw invalid(key, v, "a duration such as 500ms, 30s, 15m, 6h, 7d or PT15M");
    }
  }

  /** A comma-separated list; empty items dropped. */
  public List<String> list(String key) {
    List<String> out = new ArrayList<>();
    for (String s : string(key).split(",")) {
      if (!s.isBlank()) {
        out.add(s.trim());
      }
    }
    return out;
  }

  /** Every key under {@code kafka.}, with the prefix removed: Kafka client properties. */
  public Properties kafkaProperties() {
    Properties p = new Properties();
    values.forEach((k, v) -> {
      if (k.startsWith(KAFKA_PREFIX) && !v.isEmpty()) {
        p.setProperty(k.substring(KAFKA_PREFIX.length()), v);
      }
    });
    return p;
  }

  public Map<String, String> asMap() {
    return values;
  }

  /** Every documented key with its default and meaning, in file order. */
  public static Map<String, Setting> documented() {
    return DOCUMENTED;
  }

  private static IllegalArgumentException invalid(String key, String value, String expected) {
    return new IllegalArgumentException("setting '" + key + "' is '" + value + "' but must be " + expected);
  }

  static long parseSize(String v) {
    String s = v.trim().toLowerCase(Locale.ROOT).replace("_", "");
    long mul = 1;
    if (s.endsWith("k") || s.endsWith("kb") || s.endsWith("kib")) {
      mul = 1024;
    } else if (s.endsWith("m") || s.endsWith("mb") || s.endsWith("mib")) {
      mul = 1024 * 1024;
    } else if (s.endsWith("g") || s.endsWith("gb") || s.endsWith("gib")) {
      mul = 1024L * 1024 * 1024;
    }
    s = s.replaceAll("[a-z]+$", "");
    return Long.parseLong(s) * mul;
  }

  /** Parses {@code 500ms}, {@code 30s}, {@code 15m}, {@code 6h}, {@code 7d}, or ISO-8601 {@code PT15M}/{@code P7D}. */
  public static Duration parseDuration(String v) {
    String s = v.trim();
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    if (s.toUpperCase(Locale.ROOT).startsWith("P")) {
      return Duration.parse(s.toUpperCase(Locale.ROOT));
    }
    String lower = s.toLowerCase(Locale.ROOT);
    if (lower.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(lower.substring(0, lower.length() - 2).trim()));
    }
    long n = Long.parseLong(lower.substring(0, lower.length() - 1).trim());
    return switch (lower.charAt(lower.length() - 1)) {
      case 's' -> Duration.ofSeconds(n);
      case 'm' -> Duration.ofMinutes(n);
      case 'h' -> Duration.ofHours(n);
      case 'd' -> Duration.ofDays(n);
      default -> throw new IllegalArgumentException(v);
    };
  }

  /** A documented setting: its default and the comment above it in the defaults file. */
  public record Setting(String key, String defaultValue, String doc, String section) {}

  private static Map<String, Setting> loadDocumented() {
    try (InputStream in = NewsmonConfig.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing " + DEFAULTS_RESOURCE + " on the class path");
      }
      return parseDefaults(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + DEFAULTS_RESOURCE, e);
    }
  }

  /**
   * Parses the defaults file: {@code ## Section} lines name sections, {@code #} lines above a key
   * document it. A key without a comment is a defect of the file and refused.
   */
  static Map<String, Setting> parseDefaults(String text) {
    Map<String, Setting> m = new LinkedHashMap<>();
    StringBuilder doc = new StringBuilder();
    String section = "";
    for (String line : text.split("\n")) {
      String t = line.strip();
      if (t.startsWith("##")) {
        section = t.replaceFirst("^#+", "").strip();
        doc.setLength(0);
      } else if (t.startsWith("#")) {
        doc.append(doc.length() == 0 ? "" : " ").append(t.substring(1).strip());
      } else if (t.isEmpty()) {
        doc.setLength(0);
      } else {
        int eq = t.indexOf('=');
        if (eq < 0) {
          throw new IllegalStateException("defaults file line is not key=value: " + t);
        }
        String key = t.substring(0, eq).strip();
        if (doc.length() == 0) {
          throw new IllegalStateException("setting '" + key + "' has no documentation in the defaults file");
        }
        m.put(key, new Setting(key, t.substring(eq + 1).strip(), doc.toString(), section));
        doc.setLength(0);
      }
    }
    return Collections.unmodifiableMap(m);
  }

  @Override
  public String toString() {
    return Arrays.toString(values.entrySet().toArray());
  }
}
