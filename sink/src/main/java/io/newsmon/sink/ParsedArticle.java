package io.newsmon.sink;

import io.newsmon.common.kafka.DeadLetterProcessor;
import io.newsmon.common.record.DeadLetter;
import io.newsmon.common.record.ProcessedArticle;

/**
 * One input record after reading: either the article, or the reason it could not be used together
 * with its original bytes (for {@code news.deadletter}).
 */
record ParsedArticle(ProcessedArticle article, byte[] originalKey, byte[] originalValue, DeadLetter failure)
    implements DeadLetterProcessor.Failure {

  boolean failed() {
    return failure != null;
  }

  @Override
  public DeadLetter reason() {
    return failure;
  }
}
