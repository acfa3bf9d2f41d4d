package io.newsmon.sink.alert;

import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.config.SinkSettings;
import java.time.Duration;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * The settings of the alert policy.
 *
 * @param minScore minimum score (0..1) an article needs to raise an alert, per watch id
 *     ({@code sink.watch.<id>.min-score}, else {@code sink.alert.min-score}, default 0.5)
 * @param ruleVersion part of every alert id ({@code sink.alert.rule-version}, default "1")
 * @param quietPeriod updates within this time after a publication are coalesced
 *     ({@code sink.alert.quiet-period}, default 0 s: every update is published at once)
 * @param maxCopyUrls most copy URLs listed in an alert ({@code sink.alert.max-copy-urls}, default 50)
 * @param retention how long a story's alert is remembered after its last change
 *     ({@code sink.alert.retention}, default 30 days)
 */
public record AlertRules(
    ToDoubleFunction<String> minScore,
    String ruleVersion,
    Duration quietPeriod,
    int maxCopyUrls,
    Duration retention) {

  public AlertRules {
    Objects.requireNonNull(minScore, "minScore");
    if (ruleVersion == null || ruleVersion.isBlank()) {
      throw new IllegalArgumentException("the alert rule version must not be empty (sink.alert.rule-version)");
    }
    if (quietPeriod == null || quietPeriod.isNegative()) {
      throw new IllegalArgumentException("the quiet period must be 0 or more (sink.alert.quiet-period)");
    }
    if (maxCopyUrls < 0) {
      throw new IllegalArgumentException("sink.alert.max-copy-urls must be 0 or more");
    }
    if (retention == null || retention.isZero() || retention.isNegative()) {
      throw new IllegalArgumentException("sink.alert.retention must be positive, such as 30d");
    }
  }

  private static void checkScore(String key, String value) {
    double d;
    try {
      d = Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      d = Double.NaN;
    }
    if (!(d >= 0 && d <= 1)) {
      throw new IllegalArgumentException("setting '" + key + "' is '" + value
          + "' but must be a number between 0 and 1");
    }
  }

  /** Rules with one minimum score for every watch. */
  public static AlertRules of(double minScore, String ruleVersion, Duration quietPeriod) {
    return new AlertRules(w -> minScore, ruleVersion, quietPeriod, 50, Duration.ofDays(30));
  }

  /** The rules configured under {@code sink.alert.*} and {@code sink.watch.<id>.min-score}. */
  public static AlertRules from(NewsmonConfig config) {
    // Validate every threshold eagerly so a typo fails at start, not at the first alert.
    checkScore(SinkSettings.ALERT_MIN_SCORE.name(), config.text(SinkSettings.ALERT_MIN_SCORE));
    config.asMap().forEach((key, value) -> {
      if (key.startsWith("sink.watch.") && key.endsWith(".min-score") && !value.isBlank()) {
        checkScore(key, value);
      }
    });
    return new AlertRules(
        watchId -> {
          String v = config.stringFor(SinkSettings.WATCH_MIN_SCORE.name(), watchId, SinkSettings.ALERT_MIN_SCORE.name());
          try {
            return Double.parseDouble(v.trim());
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting 'sink.watch." + watchId + ".min-score' is '" + v
                + "' but must be a number between 0 and 1", e);
          }
        },
        config.get(SinkSettings.ALERT_RULE_VERSION),
        config.get(SinkSettings.ALERT_QUIET_PERIOD),
        config.get(SinkSettings.ALERT_MAX_COPY_URLS),
        config.get(SinkSettings.ALERT_RETENTION));
  }
}
