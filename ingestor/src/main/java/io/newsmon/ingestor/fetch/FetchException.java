package io.newsmon.ingestor.fetch;

import java.time.Duration;

/**
 * A fetch that failed, with a short machine-readable code ({@code http-404}, {@code timeout},
 * {@code too-large}, {@code robots-disallowed}, {@code blocked-address}, {@code redirect-loop},
 * {@code too-many-redirects}, {@code backing-off}, {@code io}, {@code dns}, {@code bad-url},
 * {@code refused-doctype}, {@code parse}), a readable reason, the bytes fetched so far (may be empty)
 * and, for 429/503, how long the server asked us to wait (null when it did not say).
 */
public class FetchException extends Exception {

  private final String code;
  private final transient byte[] body;
  private final Duration retryAfter;

  public FetchException(String code, String message) {
    this(code, message, new byte[0], null, null);
  }

  public FetchException(String code, String message, byte[] body, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.code = code;
    this.body = body == null ? new byte[0] : body;
    this.retryAfter = retryAfter;
  }

  public String code() {
    return code;
  }

  public byte[] body() {
    return body;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
