package io.newsmon.sink;

import io.newsmon.common.record.DeadLetter;
import io.newsmon.common.record.ProcessedArticle;

/**
 * One input record after reading: either the article, or the reason it could not be used together
 * with its original bytes (for {@code news.deadletter}).
 */
record ParsedArticle(ProcessedArticle article, byte[] originalValue, DeadLetter failure) {

  boolean failed() {
    return failure != null;
  }
}
