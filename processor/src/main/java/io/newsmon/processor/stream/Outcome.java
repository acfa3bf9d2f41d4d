package io.newsmon.processor.stream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.newsmon.common.record.ProcessedArticle;
import io.newsmon.processor.fingerprint.Fingerprint;

/**
 * What a step of the topology made of one record: an article (with its near-duplicate fingerprint,
 * which travels to the dedup step through the repartition topic), or a failure carrying the bytes to
 * put on {@code news.deadletter} (the dead-letter fields travel as record headers).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Outcome(ProcessedArticle article, Fingerprint fingerprint, byte[] failedKey, byte[] failedValue) {

  static Outcome ok(ProcessedArticle a, Fingerprint fingerprint) {
    return new Outcome(a, fingerprint, null, null);
  }

  static Outcome failed(byte[] key, byte[] value) {
    return new Outcome(null, null, key, value == null ? new byte[0] : value);
  }

  boolean isFailure() {
    return article == null;
  }
}
