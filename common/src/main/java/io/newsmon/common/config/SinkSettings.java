package io.newsmon.common.config;

import java.time.Duration;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;

/** The settings of the sink: alerts, per-watch topics, webhook and files: key, type, default, validator and documentation of each. */
public final class SinkSettings {

  /** The section these settings are listed under in {@code newsmon config} and the documentation. */
  public static final String SECTION = "Sink";

  public static final String SINK_APPLICATION_ID = "sink.application-id";
  public static final String SINK_ALERT_MIN_SCORE = "sink.alert.min-score";
  public static final String SINK_WATCH_WATCH_MIN_SCORE = "sink.watch.<id>.min-score";
  public static final String SINK_ALERT_RULE_VERSION = "sink.alert.rule-version";
  public static final String SINK_ALERT_QUIET_PERIOD = "sink.alert.quiet-period";
  public static final String SINK_ALERT_MAX_COPY_URLS = "sink.alert.max-copy-urls";
  public static final String SINK_ALERT_RETENTION = "sink.alert.retention";
  public static final String SINK_WATCH_TOPICS = "sink.watch-topics";
  public static final String SINK_WEBHOOK_URL = "sink.webhook.url";
  public static final String SINK_WEBHOOK_FORMAT = "sink.webhook.format";
  public static final String SINK_WEBHOOK_ATTEMPTS = "sink.webhook.attempts";
  public static final String SINK_WEBHOOK_BACKOFF = "sink.webhook.backoff";
  public static final String SINK_WEBHOOK_BACKOFF_MAX = "sink.webhook.backoff-max";
  public static final String SINK_WEBHOOK_TIMEOUT = "sink.webhook.timeout";
  public static final String SINK_WEBHOOK_RETRY_PAUSE = "sink.webhook.retry-pause";
  public static final String SINK_WEBHOOK_GROUP_ID = "sink.webhook.group-id";
  public static final String SINK_FILES_DIR = "sink.files.dir";
  public static final String SINK_FILES_GROUP_ID = "sink.files.group-id";

  public static final ConfigDef DEF = new ConfigDef()
      .define(SINK_APPLICATION_ID, Type.STRING, "newsmon-sink", Checks.nonBlank(), Importance.MEDIUM,
          "Kafka Streams application id of the sink.")
      .define(SINK_ALERT_MIN_SCORE, Type.DOUBLE, "0.5", Range.between(0.0, 1.0), Importance.MEDIUM,
          "Minimum score (0..1) an article needs for the sink to raise an alert, unless its watch "
              + "sets its own.")
      .define(SINK_WATCH_WATCH_MIN_SCORE, Type.STRING, "", Checks.optionalDecimal(0.0, 1.0), Importance.MEDIUM,
          "Per-watch minimum score, overriding sink.alert.min-score for the watch <id> (empty: "
              + "the general one).")
      .define(SINK_ALERT_RULE_VERSION, Type.STRING, "1", Checks.nonBlank(), Importance.MEDIUM,
          "Version of the alert rules, part of every alert id (alert id = hash of watch, story "
              + "and this). Change it when a watch definition changes so re-judged stories get new "
              + "alerts; the default is 1.")
      .define(SINK_ALERT_QUIET_PERIOD, Type.STRING, "0s", Checks.duration(Duration.ZERO), Importance.MEDIUM,
          "Quiet period after an alert is published during which its updates (new copies) are "
              + "coalesced into one re-publication at the end of the period. 0s (the default) publishes "
              + "every update at once.")
      .define(SINK_ALERT_MAX_COPY_URLS, Type.INT, "50", Range.between(0, 100_000), Importance.MEDIUM,
          "Most copy URLs listed in one alert (the copies count keeps counting past it). Default "
              + "50.")
      .define(SINK_ALERT_RETENTION, Type.STRING, "30d", Checks.duration(Duration.ofMillis(1)), Importance.MEDIUM,
          "How long the sink remembers a story's alert after its last update; a copy arriving "
              + "later starts the alert again at revision 1 under the same id. Default 30d.")
      .define(SINK_WATCH_TOPICS, Type.LIST, "morocco-kazakhstan", null, Importance.MEDIUM,
          "Watch ids whose alerts also go to their own topic alerts.<id> (comma separated; "
              + "created at start). '*' sends every watch to its own topic, which must then exist or be "
              + "auto-created by the cluster.")
      .define(SINK_WEBHOOK_URL, Type.PASSWORD, "", Checks.optionalHttpUrl(), Importance.MEDIUM,
          "Webhook that receives every alert revision as a JSON POST (the alert's fields plus a "
              + "Slack-compatible 'text'). Empty (the default): no webhook.")
      .define(SINK_WEBHOOK_FORMAT, Type.STRING, "alert", ValidString.in("alert", "text"), Importance.MEDIUM,
          "Body of the webhook POST: 'alert' (the default) sends every alert field plus 'text'; "
              + "'text' sends only {\"text\": ...}, for receivers that refuse unknown fields.")
      .define(SINK_WEBHOOK_ATTEMPTS, Type.INT, "5", Range.between(1, 1_000), Importance.MEDIUM,
          "Attempts per delivery round before the webhook deliverer pauses and tries the alert "
              + "again later. Default 5.")
      .define(SINK_WEBHOOK_BACKOFF, Type.STRING, "1s", Checks.duration(Duration.ofMillis(1)), Importance.MEDIUM,
          "Wait before the second webhook attempt, doubled on every further attempt up to "
              + "sink.webhook.backoff-max. Default 1s.")
      .define(SINK_WEBHOOK_BACKOFF_MAX, Type.STRING, "60s", Checks.duration(Duration.ofMillis(1)), Importance.MEDIUM,
          "Longest wait between two webhook attempts. Default 60s.")
      .define(SINK_WEBHOOK_TIMEOUT, Type.STRING, "10s", Checks.duration(Duration.ofMillis(1)), Importance.MEDIUM,
          "Time limit of one webhook request (connect and response). Default 10s.")
      .define(SINK_WEBHOOK_RETRY_PAUSE, Type.STRING, "30s", Checks.duration(Duration.ofMillis(1)), Importance.MEDIUM,
          "Pause after a failed delivery round before the same alert is tried again (alerts are "
              + "never skipped for a failing webhook; they wait in news.alerts). Default 30s.")
      .define(SINK_WEBHOOK_GROUP_ID, Type.STRING, "newsmon-sink-webhook", Checks.nonBlank(), Importance.MEDIUM,
          "Consumer group of the webhook deliverer; it commits an alert's offset only once "
              + "delivered.")
      .define(SINK_FILES_DIR, Type.STRING, "", null, Importance.MEDIUM,
          "Directory of the daily alert files alerts-YYYY-MM-DD.jsonl (UTC days, one alert JSON "
              + "per line). Empty (the default): no files.")
      .define(SINK_FILES_GROUP_ID, Type.STRING, "newsmon-sink-files", Checks.nonBlank(), Importance.MEDIUM,
          "Consumer group of the alert file writer; it commits after the lines are flushed to "
              + "disk.");

  private SinkSettings() {}
}
