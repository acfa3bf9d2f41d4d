package io.newsmon.ingestor.state;

import io.newsmon.ingestor.fetch.Validators;

/**
 * What the ingestor remembers between polls and across restarts: the item keys (canonical URLs) it
 * has already ingested, and the HTTP validators (ETag / Last-Modified) of each listing URL.
 * Implementations are thread-safe.
 */
public interface SeenState {

  boolean isSeen(String itemKey);

  void markSeen(String itemKey);

  Validators validators(String listingUrl);

  void putValidators(String listingUrl, Validators validators);
}
