package io.newsmon.processor.stream;

import io.newsmon.common.record.ProcessedArticle;

/**
 * What a step of the topology made of one record: an article, or a failure carrying the bytes to
 * put on {@code news.deadletter} (the dead-letter fields travel as record headers).
 */
record Outcome(ProcessedArticle article, byte[] failedKey, byte[] failedValue) {

  static Outcome ok(ProcessedArticle a) {
    return new Outcome(a, null, null);
  }

  static Outcome failed(byte[] key, byte[] value) {
    return new Outcome(null, key, value == null ? new byte[0] : value);
  }

  boolean isFailure() {
    return article == null;
  }
}
