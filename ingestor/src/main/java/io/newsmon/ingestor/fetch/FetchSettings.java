package io.newsmon.ingestor.fetch;

import io.newsmon.common.config.IngestorSettings;
import io.newsmon.common.config.NewsmonConfig;
import java.time.Duration;
import java.util.List;

/**
 * The fetcher's limits, read from the {@code ingestor.*} settings (defaults in
 * {@link io.newsmon.common.config.IngestorSettings}).
 *
 * @param userAgent User-Agent header; its first word (before '/') is the robots.txt agent name
 * @param connectTimeout TCP/TLS connect timeout (default 10 s)
 * @param readTimeout longest wait for the response headers or for the next body bytes (default 20 s)
 * @param totalTimeout longest time one request may take, body included (default 60 s)
 * @param maxBytes largest body kept, after decompression (default 10 MB)
 * @param maxRedirects redirects followed per request (default 5)
 * @param allowHosts hosts or IPs exempt from the private-address guard (default none)
 * @param robots whether robots.txt is honoured (default true)
 * @param hostDelay minimum gap between two requests to one host (default 1 s)
 * @param hostConcurrency requests in flight per host at most (default 2)
 * @param maxRetryAfter longest Retry-After honoured; longer values are capped (default 6 h)
 */
public record FetchSettings(
    String userAgent,
    Duration connectTimeout,
    Duration readTimeout,
    Duration totalTimeout,
    long maxBytes,
    int maxRedirects,
    List<String> allowHosts,
    boolean robots,
    Duration hostDelay,
    int hostConcurrency,
    Duration maxRetryAfter) {

  public static FetchSettings from(NewsmonConfig c) {
    return new FetchSettings(
        c.get(IngestorSettings.USER_AGENT),
        c.get(IngestorSettings.CONNECT_TIMEOUT),
        c.get(IngestorSettings.READ_TIMEOUT),
        c.get(IngestorSettings.TOTAL_TIMEOUT),
        c.get(IngestorSettings.MAX_BYTES),
        c.get(IngestorSettings.MAX_REDIRECTS),
        c.get(IngestorSettings.ALLOW_HOSTS),
        c.get(IngestorSettings.ROBOTS),
        c.get(IngestorSettings.HOST_DELAY),
        c.get(IngestorSettings.HOST_CONCURRENCY),
        c.get(IngestorSettings.MAX_RETRY_AFTER));
  }

  /** The robots.txt agent name: the User-Agent's product token, e.g. {@code newsmon}. */
  public String robotsAgent() {
    String ua = userAgent.strip();
    int cut = ua.length();
    for (int i = 0; i < ua.length(); i++) {
      char ch = ua.charAt(i);
      if (ch == '/' || ch == ' ' || ch == '(') {
        cut = i;
        break;
      }
    }
    return ua.substring(0, cut).toLowerCase(java.util.Locale.ROOT);
  }
}
