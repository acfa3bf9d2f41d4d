package io.newsmon.common.config;

import java.time.Duration;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/** The settings of the ingestor: sources, fetching and politeness: key, type, default, validator and documentation of each. */
public final class IngestorSettings {

  /** The section these settings are listed under in {@code newsmon config} and the documentation. */
  public static final String SECTION = "Ingestor";

  public static final String INGESTOR_SOURCES = "ingestor.sources";
  public static final String INGESTOR_USER_AGENT = "ingestor.user-agent";
  public static final String INGESTOR_POLL_INTERVAL = "ingestor.poll-interval";
  public static final String INGESTOR_CONNECT_TIMEOUT = "ingestor.connect-timeout";
  public static final String INGESTOR_READ_TIMEOUT = "ingestor.read-timeout";
  public static final String INGESTOR_TOTAL_TIMEOUT = "ingestor.total-timeout";
  public static final String INGESTOR_MAX_BYTES = "ingestor.max-bytes";
  public static final String INGESTOR_MAX_REDIRECTS = "ingestor.max-redirects";
  public static final String INGESTOR_ALLOW_HOSTS = "ingestor.allow-hosts";
  public static final String INGESTOR_ROBOTS = "ingestor.robots";
  public static final String INGESTOR_HOST_DELAY = "ingestor.host-delay";
  public static final String INGESTOR_HOST_CONCURRENCY = "ingestor.host-concurrency";
  public static final String INGESTOR_MAX_RETRY_AFTER = "ingestor.max-retry-after";
  public static final String INGESTOR_THREADS = "ingestor.threads";
  public static final String INGESTOR_RETRY_BACKOFF = "ingestor.retry-backoff";
  public static final String INGESTOR_RETRY_BACKOFF_MAX = "ingestor.retry-backoff-max";
  public static final String INGESTOR_CLIENT_ID = "ingestor.client-id";

  public static final ConfigDef DEF = new ConfigDef()
      .define(INGESTOR_SOURCES, Type.STRING, "", null, Importance.MEDIUM,
          "The sources file (YAML). Empty: the bundled default list of Moroccan, Kazakh and "
              + "international outlets.")
      .define(INGESTOR_USER_AGENT, Type.STRING, "newsmon/0.1 (+https://github.com/newsmon/newsmon)", Checks.nonBlank(), Importance.MEDIUM,
          "User-Agent sent with every request: the product and a contact URL, so site owners can "
              + "reach you.")
      .define(INGESTOR_POLL_INTERVAL, Type.STRING, "15m", Checks.duration(Duration.ofSeconds(1)), Importance.MEDIUM,
          "How often a source is polled when its entry sets no interval of its own.")
      .define(INGESTOR_CONNECT_TIMEOUT, Type.STRING, "10s", Checks.duration(Duration.ofMillis(1)), Importance.MEDIUM,
          "Connect timeout of every HTTP request (TCP and TLS handshake).")
      .define(INGESTOR_READ_TIMEOUT, Type.STRING, "20s", Checks.duration(Duration.ofMillis(1)), Importance.MEDIUM,
          "Longest wait for a response's headers, and for the next bytes of its body (a slow-drip "
              + "server is cut off).")
      .define(INGESTOR_TOTAL_TIMEOUT, Type.STRING, "60s", Checks.duration(Duration.ofMillis(1)), Importance.MEDIUM,
          "Longest time one HTTP request may take in total, body included.")
      .define(INGESTOR_MAX_BYTES, Type.STRING, "10m", Checks.size(1), Importance.MEDIUM,
          "Largest response body kept, counted after gzip/deflate decompression (bigger responses "
              + "fail as too-large).")
      .define(INGESTOR_MAX_REDIRECTS, Type.INT, "5", Range.between(0, 20), Importance.MEDIUM,
          "Redirects followed per request; each hop is checked against robots.txt and the address "
              + "guard.")
      .define(INGESTOR_ALLOW_HOSTS, Type.LIST, "", null, Importance.MEDIUM,
          "Hosts or IP addresses exempt from the private-address guard (comma separated). By "
              + "default loopback, private, link-local and cloud-metadata addresses are refused; the "
              + "demo and tests allow 127.0.0.1.")
      .define(INGESTOR_ROBOTS, Type.STRING, "true", Checks.bool(), Importance.MEDIUM,
          "Whether robots.txt is honoured (agent name: the first word of ingestor.user-agent). "
              + "Keep true.")
      .define(INGESTOR_HOST_DELAY, Type.STRING, "1s", Checks.duration(Duration.ZERO), Importance.MEDIUM,
          "Minimum gap between the starts of two requests to the same host.")
      .define(INGESTOR_HOST_CONCURRENCY, Type.INT, "2", Range.between(1, 64), Importance.MEDIUM,
          "Requests in flight to one host at most.")
      .define(INGESTOR_MAX_RETRY_AFTER, Type.STRING, "6h", Checks.duration(Duration.ZERO), Importance.MEDIUM,
          "Longest Retry-After honoured after a 429 or 503; longer values are capped to this.")
      .define(INGESTOR_THREADS, Type.INT, "4", Range.between(1, 256), Importance.MEDIUM,
          "Polling threads of the ingest service (sources are polled in parallel up to this "
              + "many).")
      .define(INGESTOR_RETRY_BACKOFF, Type.STRING, "1m", Checks.duration(Duration.ofMillis(1)), Importance.MEDIUM,
          "First wait before polling a failed source again; doubled after each further failure.")
      .define(INGESTOR_RETRY_BACKOFF_MAX, Type.STRING, "1h", Checks.duration(Duration.ofMillis(1)), Importance.MEDIUM,
          "Longest wait between retries of a failing source.")
      .define(INGESTOR_CLIENT_ID, Type.STRING, "newsmon-ingestor", Checks.nonBlank(), Importance.MEDIUM,
          "Client id of the ingestor's Kafka producer.");

  private IngestorSettings() {}
}
