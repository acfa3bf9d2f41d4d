package io.newsmon.common.config;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/** The settings of the ingestor: sources, fetching and politeness: key, type, default, validator and documentation of each. */
public final class IngestorSettings {

  /** The section these settings are listed under in {@code newsmon config} and the documentation. */
  public static final String SECTION = "Ingestor";

  public static final Key<String> SOURCES = Key.optional("ingestor.sources");
  public static final Key<String> USER_AGENT = Key.string("ingestor.user-agent");
  public static final Key<Duration> POLL_INTERVAL = Key.duration("ingestor.poll-interval");
  public static final Key<Duration> CONNECT_TIMEOUT = Key.duration("ingestor.connect-timeout");
  public static final Key<Duration> READ_TIMEOUT = Key.duration("ingestor.read-timeout");
  public static final Key<Duration> TOTAL_TIMEOUT = Key.duration("ingestor.total-timeout");
  public static final Key<Long> MAX_BYTES = Key.size("ingestor.max-bytes");
  public static final Key<Integer> MAX_REDIRECTS = Key.integer("ingestor.max-redirects");
  public static final Key<List<String>> ALLOW_HOSTS = Key.list("ingestor.allow-hosts");
  public static final Key<Boolean> ROBOTS = Key.bool("ingestor.robots");
  public static final Key<Duration> HOST_DELAY = Key.duration("ingestor.host-delay");
  public static final Key<Integer> HOST_CONCURRENCY = Key.integer("ingestor.host-concurrency");
  public static final Key<Duration> MAX_RETRY_AFTER = Key.duration("ingestor.max-retry-after");
  public static final Key<Integer> THREADS = Key.integer("ingestor.threads");
  public static final Key<Duration> RETRY_BACKOFF = Key.duration("ingestor.retry-backoff");
  public static final Key<Duration> RETRY_BACKOFF_MAX = Key.duration("ingestor.retry-backoff-max");
  public static final Key<String> CLIENT_ID = Key.string("ingestor.client-id");

  public static final ConfigDef DEF = new ConfigDef()
      .define(SOURCES.name(), Type.STRING, "", null, Importance.MEDIUM,
          "The sources file (YAML). Empty: the bundled default list of Moroccan, Kazakh and "
              + "international outlets.")
      .define(USER_AGENT.name(), Type.STRING, "newsmon/0.1 (+https://github.com/newsmon/newsmon)", Checks.nonBlank(), Importance.MEDIUM,
          "User-Agent sent with every request: the product and a contact URL, so site owners can "
              + "reach you.")
      .define(POLL_INTERVAL.name(), Type.STRING, "15m", Checks.duration(Duration.ofSeconds(1)), Importance.MEDIUM,
          "How often a source is polled when its entry sets no interval of its own.")
      .define(CONNECT_TIMEOUT.name(), Type.STRING, "10s", Checks.duration(Duration.ofMillis(1)), Importance.MEDIUM,
          "Connect timeout of every HTTP request (TCP and TLS handshake).")
      .define(READ_TIMEOUT.name(), Type.STRING, "20s", Checks.duration(Duration.ofMillis(1)), Importance.MEDIUM,
          "Longest wait for a response's headers, and for the next bytes of its body (a slow-drip "
              + "server is cut off).")
      .define(TOTAL_TIMEOUT.name(), Type.STRING, "60s", Checks.duration(Duration.ofMillis(1)), Importance.MEDIUM,
          "Longest time one HTTP request may take in total, body included.")
      .define(MAX_BYTES.name(), Type.STRING, "10m", Checks.size(1), Importance.MEDIUM,
          "Largest response body kept, counted after gzip/deflate decompression (bigger responses "
              + "fail as too-large).")
      .define(MAX_REDIRECTS.name(), Type.INT, "5", Range.between(0, 20), Importance.MEDIUM,
          "Redirects followed per request; each hop is checked against robots.txt and the address "
              + "guard.")
      .define(ALLOW_HOSTS.name(), Type.LIST, "", null, Importance.MEDIUM,
          "Hosts or IP addresses exempt from the private-address guard (comma separated). By "
              + "default loopback, private, link-local and cloud-metadata addresses are refused; the "
              + "demo and tests allow 127.0.0.1.")
      .define(ROBOTS.name(), Type.STRING, "true", Checks.bool(), Importance.MEDIUM,
          "Whether robots.txt is honoured (agent name: the first word of ingestor.user-agent). "
              + "Keep true.")
      .define(HOST_DELAY.name(), Type.STRING, "1s", Checks.duration(Duration.ZERO), Importance.MEDIUM,
          "Minimum gap between the starts of two requests to the same host.")
      .define(HOST_CONCURRENCY.name(), Type.INT, "2", Range.between(1, 64), Importance.MEDIUM,
          "Requests in flight to one host at most.")
      .define(MAX_RETRY_AFTER.name(), Type.STRING, "6h", Checks.duration(Duration.ZERO), Importance.MEDIUM,
          "Longest Retry-After honoured after a 429 or 503; longer values are capped to this.")
      .define(THREADS.name(), Type.INT, "4", Range.between(1, 256), Importance.MEDIUM,
          "Polling threads of the ingest service (sources are polled in parallel up to this "
              + "many).")
      .define(RETRY_BACKOFF.name(), Type.STRING, "1m", Checks.duration(Duration.ofMillis(1)), Importance.MEDIUM,
          "First wait before polling a failed source again; doubled after each further failure.")
      .define(RETRY_BACKOFF_MAX.name(), Type.STRING, "1h", Checks.duration(Duration.ofMillis(1)), Importance.MEDIUM,
          "Longest wait between retries of a failing source.")
      .define(CLIENT_ID.name(), Type.STRING, "newsmon-ingestor", Checks.nonBlank(), Importance.MEDIUM,
          "Client id of the ingestor's Kafka producer.");

  private IngestorSettings() {}
}
