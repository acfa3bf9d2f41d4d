package io.newsmon.common.kafka;

import io.newsmon.common.record.Alert;
import io.newsmon.common.record.ProcessedArticle;
import io.newsmon.common.record.RawArticle;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The registry of every topic newsmon reads or writes. Code and tests name topics only through
 * these constants; nothing else spells a topic name.
 */
public final class Topics {

  /** What the ingestor saw, keyed by canonical URL. */
  public static final Topic<String, RawArticle> RAW =
      new Topic<>("news.raw", Serdes.String(), JsonSerde.of(RawArticle.class), false);

  /** Every analysed article, duplicates included, keyed by article id. */
  public static final Topic<String, ProcessedArticle> PROCESSED =
      new Topic<>("news.processed", Serdes.String(), JsonSerde.of(ProcessedArticle.class), false);

  /** Unique (non-duplicate) analysed articles, keyed by article id; compacted. */
  public static final Topic<String, ProcessedArticle> ENRICHED =
      new Topic<>("news.enriched", Serdes.String(), JsonSerde.of(ProcessedArticle.class), true);

  /** One alert per story and watch, keyed by alert id; updated in place; compacted. */
  public static final Topic<String, Alert> ALERTS =
      new Topic<>("news.alerts", Serdes.String(), JsonSerde.of(Alert.class), true);

  /** Records that failed: original bytes, reason in {@code newsmon.dlq.*} headers. */
  public static final Topic<byte[], byte[]> DEADLETTER =
      new Topic<>("news.deadletter", Serdes.ByteArray(), Serdes.ByteArray(), false);

  /** The ingestor's memory of what it has seen (feed items, HTTP validators); compacted. */
  public static final Topic<String, String> INGEST_STATE =
      new Topic<>("newsmon.ingest-state", Serdes.String(), Serdes.String(), true);

  private static final String WATCH_PREFIX = "alerts.";
  private static final Pattern WATCH_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,100}");

  private Topics() {}

  /** The alert topic of one watch: {@code alerts.<watchId>}. */
  public static Topic<String, Alert> watchAlerts(String watchId) {
    if (!WATCH_ID.matcher(watchId).matches()) {
      throw new IllegalArgumentException("watch id '" + watchId
          + "' must be lower-case letters, digits, '.', '_' or '-' (at most 101 characters)");
    }
    return new Topic<>(WATCH_PREFIX + watchId, Serdes.String(), JsonSerde.of(Alert.class), true);
  }

  /** The fixed topics, in pipeline order. Per-watch alert topics come from the watch list. */
  public static List<Topic<?, ?>> fixed() {
    return List.of(RAW, PROCESSED, ENRICHED, ALERTS, DEADLETTER, INGEST_STATE);
  }
}
