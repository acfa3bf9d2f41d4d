package io.newsmon.ingestor.fetch;

import java.time.Instant;

/**
 * A completed fetch. {@code notModified} is true for a 304 answer to a conditional GET (then
 * {@code body} is empty). {@code finalUrl} is the URL after redirects.
 */
public record FetchResult(
    String requestedUrl,
    String finalUrl,
    int status,
    String contentType,
    byte[] body,
    String etag,
    String lastModified,
    boolean notModified,
    Instant fetchedAt) {

  /** The body decoded with {@link Charsets}. */
  public String text() {
    return Charsets.decode(body, contentType);
  }

  /** The validators to send next time. */
  public Validators validators() {
    return new Validators(etag, lastModified);
  }
}
