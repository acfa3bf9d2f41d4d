package io.newsmon.common.config;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.apache.kafka.common.config.ConfigDef.Validator;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * Validators for the value kinds newsmon's settings have beyond Kafka's own types: durations
 * ({@code 500ms}, {@code 30s}, {@code 15m}, {@code 6h}, {@code 7d}, ISO-8601 {@code PT15M}), sizes
 * with {@code k}, {@code m}, {@code g} suffixes, lenient booleans, optional numbers and URLs. Each
 * names the setting and says what it expects, and each refuses negative or zero values where they
 * make no sense, so {@code ingestor.poll-interval=-5m} stops the start instead of polling non-stop.
 */
public final class Checks {

  private Checks() {}

  /** A duration of at least {@code min}. */
  public static Validator duration(Duration min) {
    return new Validator() {
      @Override
      public void ensureValid(String name, Object value) {
        Duration d;
        try {
          d = NewsmonConfig.parseDuration(String.valueOf(value));
        } catch (RuntimeException e) {
          throw new ConfigException(name, value, "must be a duration such as 500ms, 30s, 15m, 6h, 7d or PT15M");
        }
        if (d.compareTo(min) < 0) {
          throw new ConfigException(name, value, "must be at least " + describe(min));
        }
      }

      @Override
      public String toString() {
        return "a duration of at least " + describe(min) + " (500ms, 30s, 15m, 6h, 7d, PT15M)";
      }
    };
  }

  /** A size in bytes or a count, with optional {@code k}, {@code m}, {@code g} suffix, at least {@code min}. */
  public static Validator size(long min) {
    return new Validator() {
      @Override
      public void ensureValid(String name, Object value) {
        long n;
        try {
          n = NewsmonConfig.parseSize(String.valueOf(value));
        } catch (RuntimeException e) {
          throw new ConfigException(name, value, "must be a whole number, optionally with a k, m or g suffix");
        }
        if (n < min) {
          throw new ConfigException(name, value, "must be at least " + min);
        }
      }

      @Override
      public String toString() {
        return "a whole number of at least " + min + " (suffixes k, m, g)";
      }
    };
  }

  /** Empty, or a name of letters, digits, '.', '_' and '-' (at most 200), usable in a group.instance.id. */
  public static Validator instanceId() {
    return new Validator() {
      @Override
      public void ensureValid(String name, Object value) {
        String s = value == null ? "" : String.valueOf(value);
        if (!s.isEmpty() && !s.matches("[A-Za-z0-9._-]{1,200}")) {
          throw new ConfigException(name, value, "must be letters, digits, '.', '_' or '-' (at most 200), "
              + "or empty");
        }
      }

      @Override
      public String toString() {
        return "empty, 'none', or letters, digits, '.', '_', '-'";
      }
    };
  }

  /** true/false, yes/no, on/off or 1/0. */
  public static Validator bool() {
    return new Validator() {
      @Override
      public void ensureValid(String name, Object value) {
        if (NewsmonConfig.parseBool(String.valueOf(value)) == null) {
          throw new ConfigException(name, value, "must be true or false");
        }
      }

      @Override
      public String toString() {
        return "true or false";
      }
    };
  }

  /** Text that is not blank. */
  public static Validator nonBlank() {
    return new Validator() {
      @Override
      public void ensureValid(String name, Object value) {
        if (value == null || String.valueOf(value).isBlank()) {
          throw new ConfigException(name, value, "must not be empty");
        }
      }

      @Override
      public String toString() {
        return "non-empty text";
      }
    };
  }

  /** Empty, or a number between {@code min} and {@code max}. */
  public static Validator optionalDecimal(double min, double max) {
    return new Validator() {
      @Override
      public void ensureValid(String name, Object value) {
        String s = value == null ? "" : String.valueOf(value).strip();
        if (s.isEmpty()) {
          return;
        }
        double d;
        try {
          d = Double.parseDouble(s);
        } catch (NumberFormatException e) {
          throw new ConfigException(name, value, "must be a number or empty");
        }
        if (!(d >= min && d <= max)) {
          throw new ConfigException(name, value, "must be between " + min + " and " + max);
        }
      }

      @Override
      public String toString() {
        return "empty, or a number between " + min + " and " + max;
      }
    };
  }

  /** Empty, or an absolute http(s) URL. Checks a {@link Password} without printing it. */
  public static Validator optionalHttpUrl() {
    return new Validator() {
      @Override
      public void ensureValid(String name, Object value) {
        String s = value instanceof Password p ? p.value() : value == null ? "" : String.valueOf(value);
        if (s.isBlank()) {
          return;
        }
        try {
          URI u = new URI(s.strip());
          String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
          if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null) {
            return;
          }
        } catch (java.net.URISyntaxException e) {
          // refused below
        }
        throw new ConfigException(name, "[hidden]", "must be an absolute http or https URL");
      }

      @Override
      public String toString() {
        return "empty, or an http(s) URL";
      }
    };
  }

  static String describe(Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    if (d.toMillis() < 1000) {
      return d.toMillis() + "ms";
    }
    return d.getSeconds() % 60 == 0 && d.getSeconds() >= 60 ? d.toMinutes() + "m" : d.getSeconds() + "s";
  }
}
