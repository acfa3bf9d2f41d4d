package io.newsmon.processor.stream;

import io.newsmon.common.kafka.DeadLetterProcessor;
import io.newsmon.common.record.DeadLetter;

/**
 * A record the processor could not use: its original key and value bytes and the reason, written
 * to {@code news.deadletter} by {@link DeadLetterProcessor}.
 *
 * @param originalKey the key as read, or null
 * @param originalValue the value as read (never null: empty for a record without one)
 */
record Failed(byte[] originalKey, byte[] originalValue, DeadLetter reason)
    implements Outcome, DeadLetterProcessor.Failure {

  Failed {
    originalValue = originalValue == null ? new byte[0] : originalValue;
  }

  @Override
  public String toString() {
    return "Failed[" + reason.stage() + ": " + reason.errorMessage() + "]";
  }
}
