package io.newsmon.common.config;

import java.io.IOException;
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
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * newsmon's configuration: the settings declared with Kafka's {@link ConfigDef} by each component
 * ({@link KafkaSettings}, {@link IngestorSettings}, {@link ProcessorSettings}, {@link SinkSettings},
 * {@link DemoSettings}, {@link HttpSettings}: type, default, validator and meaning of every key), overridden by a user file,
 * then by environment variables, then by explicit overrides (command-line options). Every value is
 * checked against its declaration whenever the configuration is built, so a bad value stops the start
 * with the setting named instead of misbehaving later. The defaults file that {@code newsmon config
 * --defaults} prints and {@code docs/configuration.md} are generated from the declarations.
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

  public static final String ENV_PREFIX = "NEWSMON_";
  public static final String KAFKA_PREFIX = "kafka.";

  /** NEWSMON_* variables that are not settings: read by the launcher or for error output. */
  private static final java.util.Set<String> NOT_SETTINGS = java.util.Set.of("NEWSMON_DEBUG", "NEWSMON_JAVA_OPTS");
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(NewsmonConfig.class);

  /** Every component's settings, in the order they are documented. */
  public static final List<ConfigDef> SECTIONS = List.of(KafkaSettings.DEF, IngestorSettings.DEF,
      ProcessorSettings.DEF, SinkSettings.DEF, DemoSettings.DEF, HttpSettings.DEF);
  private static final List<String> SECTION_NAMES = List.of(KafkaSettings.SECTION, IngestorSettings.SECTION,
      ProcessorSettings.SECTION, SinkSettings.SECTION, DemoSettings.SECTION, HttpSettings.SECTION);

  private static final Map<String, Setting> DOCUMENTED = declared();

  private final Map<String, String> values;

  private NewsmonConfig(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    values.forEach(NewsmonConfig::validate);
  }

  /**
   * Checks one value against its declaration.
   *
   * @throws IllegalArgumentException naming the setting, its value (hidden for secrets) and what it must be
   */
  private static void validate(String key, String value) {
    Setting s = settingOf(key);
    if (s == null) {
      return;
    }
    ConfigDef.ConfigKey k = s.declaration();
    try {
      Object parsed = ConfigDef.parseType(key, value, k.type);
      if (k.validator != null) {
        k.validator.ensureValid(key, parsed);
      }
    } catch (ConfigException e) {
      String reason = e.getMessage() == null ? "" : e.getMessage();
      int at = reason.indexOf(key + ": ");
      reason = at >= 0 && !(k.validator instanceof ConfigDef.Range) && !(k.validator instanceof ConfigDef.ValidString)
          ? reason.substring(at + key.length() + 2) : "must be " + expected(k);
      throw new IllegalArgumentException("setting '" + key + "' is '"
          + (k.type == ConfigDef.Type.PASSWORD ? "[hidden]" : value) + "' but " + reason
          + " (" + s.doc() + ")", e);
    }
  }

  private static String expected(ConfigDef.ConfigKey k) {
    if (k.validator instanceof ConfigDef.Range) {
      // Range prints itself as [min,...,max] or [min,...]
      String[] ends = k.validator.toString().replaceAll("[\\[\\]]", "").split(",\\.\\.\\.,?");
      String kind = k.type == ConfigDef.Type.DOUBLE ? "a number" : "a whole number";
      return ends.length > 1 && !ends[1].isBlank()
          ? kind + " between " + ends[0] + " and " + ends[1] : kind + " of at least " + ends[0];
    }
    if (k.validator instanceof ConfigDef.ValidString) {
      return "one of " + k.validator.toString().replaceAll("[\\[\\]]", "");
    }
    if (k.validator != null) {
      return k.validator.toString();
    }
    return switch (k.type) {
      case INT, LONG, SHORT -> "a whole number";
      case DOUBLE -> "a number";
      case BOOLEAN -> "true or false";
      default -> "a " + k.type.toString().toLowerCase(Locale.ROOT);
    };
  }

  /** The declaration of a documented key, or of the pattern it matches; null for others. */
  static Setting settingOf(String key) {
    Setting s = DOCUMENTED.get(key);
    if (s != null || key.startsWith(KAFKA_PREFIX)) {
      return s;
    }
    for (Setting d : DOCUMENTED.values()) {
      if (d.key().contains("<") && key.matches(patternOf(d.key()))) {
        return d;
      }
    }
    return null;
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
  // Call sites read through typed keys (get); the readers below by string key serve Key, the
  // per-item keys (stringFor) and display (shown), so they stay inside this package.

  /** The value of a setting, read as its declared type: {@code config.get(ProcessorSettings.THREADS)}. */
  public <T> T get(Key<T> key) {
    return key.readFrom(this);
  }

  /** The value of a setting as written (after trimming), for messages that echo what the user set. */
  public String text(Key<?> key) {
    return string(key.name());
  }

  String string(String key) {
    String v = values.get(key);
    if (v == null) {
      throw new IllegalArgumentException("no setting '" + key + "'");
    }
    return v;
  }

  /** The value, or null when it is empty. */
  String optional(String key) {
    String v = string(key);
    return v.isEmpty() ? null : v;
  }

  /** A whole number; size suffixes are not accepted ({@code processor.threads=1k} is an error). */
  int integer(String key) {
    String v = string(key);
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw invalid(key, v, "a whole number");
    }
  }

  /** A size or count that may carry a {@code k}, {@code m} or {@code g} suffix. */
  long longValue(String key) {
    String v = string(key);
    try {
      return parseSize(v);
    } catch (NumberFormatException e) {
      throw invalid(key, v, "a whole number (suffixes k, m, g allowed for sizes)");
    }
  }

  double decimal(String key) {
    String v = string(key);
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw invalid(key, v, "a number");
    }
  }

  boolean bool(String key) {
    String v = string(key);
    Boolean b = parseBool(v);
    if (b == null) {
      throw invalid(key, v, "true or false");
    }
    return b;
  }

  /** true/yes/on/1 or false/no/off/0 in any case; null for anything else. */
  static Boolean parseBool(String v) {
    return switch (v.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on", "1" -> Boolean.TRUE;
      case "false", "no", "off", "0" -> Boolean.FALSE;
      default -> null;
    };
  }

  /**
   * The value as it may be shown to a user: secrets (settings declared as passwords, Kafka client
   * properties that Kafka declares as passwords, credentials inside URLs) replaced by asterisks.
   */
  public String shown(String key) {
    return Secrets.shown(key, string(key), settingOf(key));
  }

  Duration duration(String key) {
    String v = string(key);
    try {
      return parseDuration(v);
    } catch (RuntimeException e) {
      throw invalid(key, v, "a duration such as 500ms, 30s, 15m, 6h, 7d or PT15M");
    }
  }

  /** A comma-separated list; empty items dropped. */
  List<String> list(String key) {
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

  /** A documented setting: its default, its meaning, its section and its declaration. */
  public record Setting(String key, String defaultValue, String doc, String section, ConfigDef.ConfigKey declaration) {

    /** True when the value is a secret (declared as a password) and never printed. */
    public boolean secret() {
      return declaration.type == ConfigDef.Type.PASSWORD;
    }

    /** What a value must be, from its type and validator. */
    public String expected() {
      return NewsmonConfig.expected(declaration);
    }
  }

  private static Map<String, Setting> declared() {
    Map<String, Setting> m = new LinkedHashMap<>();
    for (int i = 0; i < SECTIONS.size(); i++) {
      for (ConfigDef.ConfigKey k : SECTIONS.get(i).configKeys().values()) {
        if (m.containsKey(k.name)) {
          throw new IllegalStateException("setting '" + k.name + "' is declared twice");
        }
        m.put(k.name, new Setting(k.name, defaultString(k.defaultValue), k.documentation, SECTION_NAMES.get(i), k));
      }
    }
    return Collections.unmodifiableMap(m);
  }

  private static String defaultString(Object v) {
    if (v instanceof List<?> l) {
      return String.join(",", l.stream().map(String::valueOf).toList());
    }
    if (v instanceof org.apache.kafka.common.config.types.Password p) {
      return p.value();
    }
    return v == null ? "" : String.valueOf(v);
  }

  /**
   * The defaults file: every setting with its meaning and default, by section, in the
   * {@code key=value} format a {@code --config} file takes. Generated from the declarations.
   */
  public static String defaultsFile() {
    StringBuilder sb = new StringBuilder();
    sb.append("""
        # newsmon configuration defaults (generated from the settings' declarations).
        #
        # Every setting newsmon reads is listed here with its default and meaning. Override any of them in a
        # file given with --config (same key=value format), or with an environment variable named NEWSMON_
        # followed by the key in upper case with '.' and '-' turned into '_' (NEWSMON_BOOTSTRAP_SERVERS).
        # Keys starting with 'kafka.' are Kafka client properties passed to every producer, consumer, admin
        # client and Streams application unchanged (kafka.security.protocol=SASL_SSL, kafka.sasl.mechanism=...).
        # Durations take 500ms, 30s, 15m, 6h, 7d or ISO-8601 (PT15M); sizes take k, m and g suffixes.
        """);
    String section = null;
    for (Setting s : DOCUMENTED.values()) {
      if (!s.section().equals(section)) {
        section = s.section();
        sb.append("\n## ").append(section).append("\n");
      }
      sb.append("\n");
      for (String line : wrap(s.doc() + " Must be " + s.expected() + ".", 98)) {
        sb.append("# ").append(line).append("\n");
      }
      sb.append(s.key()).append('=').append(s.defaultValue()).append("\n");
    }
    return sb.toString();
  }

  /** The settings as a Markdown reference (docs/configuration.md). Generated from the declarations. */
  public static String markdown() {
    StringBuilder sb = new StringBuilder("# Configuration reference\n\n"
        + "Generated from the settings' declarations (`io.newsmon.common.config.*Settings`) by "
        + "`newsmon config --markdown`; do not edit by hand. Set a key in a `--config` file, with "
        + "`--set key=value`, or with its environment variable. Keys under `kafka.` pass to every Kafka "
        + "client unchanged.\n");
    String section = null;
    for (Setting s : DOCUMENTED.values()) {
      if (!s.section().equals(section)) {
        section = s.section();
        sb.append("\n## ").append(section).append("\n\n| key | default | must be | environment | meaning |\n|---|---|---|---|---|\n");
      }
      sb.append("| `").append(s.key()).append("` | ")
          .append(s.defaultValue().isEmpty() ? "(empty)" : "`" + s.defaultValue() + "`").append(" | ")
          .append(s.expected()).append(" | ")
          .append(s.key().contains("<") ? "(file or --set)" : "`" + envName(s.key()) + "`").append(" | ")
          .append(s.doc().replace("|", "\\|")).append(" |\n");
    }
    return sb.toString();
  }

  private static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() == 0 ? "" : " ").append(word);
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }

  @Override
  public String toString() {
    return Arrays.toString(values.entrySet().toArray());
  }
}
