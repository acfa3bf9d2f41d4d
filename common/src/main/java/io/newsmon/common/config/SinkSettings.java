package io.newsmon.common.config;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;

/** The settings of the sink: alerts, per-watch topics, webhook and files: key, type, default, validator and documentation of each. */
public final class SinkSettings {

  /** The section these settings are listed under in {@code newsmon config} and the documentation. */
  public static final String SECTION = "Sink";

  public static final Key<String> APPLICATION_ID = Key.string("sink.application-id");
  public static final Key<Duration> COMMIT_INTERVAL = Key.duration("sink.commit-interval");
  public static final Key<Double> ALERT_MIN_SCORE = Key.decimal("sink.alert.min-score");
  public static final Key<String> WATCH_MIN_SCORE = Key.optional("sink.watch.<id>.min-score");
  public static final Key<String> ALERT_RULE_VERSION = Key.string("sink.alert.rule-version");
  public static final Key<Duration> ALERT_QUIET_PERIOD = Key.duration("sink.alert.quiet-period");
  public static final Key<Integer> ALERT_MAX_COPY_URLS = Key.integer("sink.alert.max-copy-urls");
  public static final Key<Duration> ALERT_RETENTION = Key.duration("sink.alert.retention");
  public static final Key<List<String>> WATCH_TOPICS = Key.list("sink.watch-topics");
  public static final Key<String> WEBHOOK_URL = Key.optional("sink.webhook.url");
  public static final Key<String> WEBHOOK_FORMAT = Key.string("sink.webhook.format");
  public static final Key<Integer> WEBHOOK_ATTEMPTS = Key.integer("sink.webhook.attempts");
  public static final Key<Duration> WEBHOOK_BACKOFF = Key.duration("sink.webhook.backoff");
  public static final Key<Duration> WEBHOOK_BACKOFF_MAX = Key.duration("sink.webhook.backoff-max");
  public static final Key<Duration> WEBHOOK_TIMEOUT = Key.duration("sink.webhook.timeout");
  public static final Key<Duration> WEBHOOK_RETRY_PAUSE = Key.duration("sink.webhook.retry-pause");
  public static final Key<String> WEBHOOK_GROUP_ID = Key.string("sink.webhook.group-id");
  public static final Key<String> FILES_DIR = Key.optional("sink.files.dir");
  public static final Key<String> FILES_GROUP_ID = Key.string("sink.files.group-id");

  public static final ConfigDef DEF = new ConfigDef()
      .define(APPLICATION_ID.name(), Type.STRING, "newsmon-sink", Checks.nonBlank(), Importance.MEDIUM,
          "Kafka Streams application id of the sink.")
      .define(COMMIT_INTERVAL.name(), Type.STRING, "100ms", Checks.duration(Duration.ofMillis(10)), Importance.LOW,
          "How often the sink's stream thread commits (commit.interval.ms): each commit is an "
              + "exactly-once transaction, and an alert becomes visible on news.alerts only then. An "
              + "article crosses two such commits in the sink (its by-story repartition topic, then the "
              + "alert). Longer means fewer transactions but later alerts "
              + "(docs/decisions/0040-streams-commits-and-transactions.md). kafka.commit.interval.ms, when "
              + "set, wins. Default 100ms.")
      .define(ALERT_MIN_SCORE.name(), Type.DOUBLE, "0.5", Range.between(0.0, 1.0), Importance.MEDIUM,
          "Minimum score (0..1) an article needs for the sink to raise an alert, unless its watch "
              + "sets its own.")
      .define(WATCH_MIN_SCORE.name(), Type.STRING, "", Checks.optionalDecimal(0.0, 1.0), Importance.MEDIUM,
          "Per-watch minimum score, overriding sink.alert.min-score for the watch <id> (empty: "
              + "the general one).")
      .define(ALERT_RULE_VERSION.name(), Type.STRING, "1", Checks.nonBlank(), Importance.MEDIUM,
          "Version of the alert rules, part of every alert id (alert id = hash of watch, story "
              + "and this). Change it when a watch definition changes so re-judged stories get new "
              + "alerts; the default is 1.")
      .define(ALERT_QUIET_PERIOD.name(), Type.STRING, "0s", Checks.duration(Duration.ZERO), Importance.MEDIUM,
          "Quiet period after an alert is published during which its updates (new copies) are "
              + "coalesced into one re-publication at the end of the period. 0s (the default) publishes "
              + "every update at once.")
      .define(ALERT_MAX_COPY_URLS.name(), Type.INT, "50", Range.between(0, 100_000), Importance.MEDIUM,
          "Most copy URLs listed in one alert (the copies count keeps counting past it). Default "
              + "50.")
      .define(ALERT_RETENTION.name(), Type.STRING, "30d", Checks.duration(Duration.ofMillis(1)), Importance.MEDIUM,
          "How long the sink remembers a story's alert after its last update; a copy arriving "
              + "later starts the alert again at revision 1 under the same id. Default 30d.")
      .define(WATCH_TOPICS.name(), Type.LIST, "morocco-kazakhstan", null, Importance.MEDIUM,
          "Watch ids whose alerts also go to their own topic alerts.<id> (comma separated; "
              + "created at start). '*' sends every watch to its own topic, which must then exist or be "
              + "auto-created by the cluster.")
      .define(WEBHOOK_URL.name(), Type.PASSWORD, "", Checks.optionalHttpUrl(), Importance.MEDIUM,
          "Webhook that receives every alert revision as a JSON POST (the alert's fields plus a "
              + "Slack-compatible 'text'). Empty (the default): no webhook.")
      .define(WEBHOOK_FORMAT.name(), Type.STRING, "alert", ValidString.in("alert", "text"), Importance.MEDIUM,
          "Body of the webhook POST: 'alert' (the default) sends every alert field plus 'text'; "
              + "'text' sends only {\"text\": ...}, for receivers that refuse unknown fields.")
      .define(WEBHOOK_ATTEMPTS.name(), Type.INT, "5", Range.between(1, 1_000), Importance.MEDIUM,
          "Attempts per delivery round before the webhook deliverer pauses and tries the alert "
              + "again later. Default 5.")
      .define(WEBHOOK_BACKOFF.name(), Type.STRING, "1s", Checks.duration(Duration.ofMillis(1)), Importance.MEDIUM,
          "Wait before the second webhook attempt, doubled on every further attempt up to "
              + "sink.webhook.backoff-max. Default 1s.")
      .define(WEBHOOK_BACKOFF_MAX.name(), Type.STRING, "60s", Checks.duration(Duration.ofMillis(1)), Importance.MEDIUM,
          "Longest wait between two webhook attempts. Default 60s.")
      .define(WEBHOOK_TIMEOUT.name(), Type.STRING, "10s", Checks.duration(Duration.ofMillis(1)), Importance.MEDIUM,
          "Time limit of one webhook request (connect and response). Default 10s.")
      .define(WEBHOOK_RETRY_PAUSE.name(), Type.STRING, "30s", Checks.duration(Duration.ofMillis(1)), Importance.MEDIUM,
          "Pause after a failed delivery round before the same alert is tried again (alerts are "
              + "never skipped for a failing webhook; they wait in news.alerts). Default 30s.")
      .define(WEBHOOK_GROUP_ID.name(), Type.STRING, "newsmon-sink-webhook", Checks.nonBlank(), Importance.MEDIUM,
          "Consumer group of the webhook deliverer; it commits an alert's offset only once "
              + "delivered.")
      .define(FILES_DIR.name(), Type.STRING, "", null, Importance.MEDIUM,
          "Directory of the daily alert files alerts-YYYY-MM-DD.jsonl (UTC days, one alert JSON "
              + "per line). Empty (the default): no files.")
      .define(FILES_GROUP_ID.name(), Type.STRING, "newsmon-sink-files", Checks.nonBlank(), Importance.MEDIUM,
          "Consumer group of the alert file writer; it commits after the lines are flushed to "
              + "disk.");

  private SinkSettings() {}
}
