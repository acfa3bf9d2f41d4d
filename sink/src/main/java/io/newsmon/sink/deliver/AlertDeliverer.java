package io.newsmon.sink.deliver;

import io.newsmon.common.record.Alert;

/** Takes alerts somewhere outside Kafka (a webhook, files). Called from one thread. */
public interface AlertDeliverer extends AutoCloseable {

  /** What became of one alert. */
  enum Result {
    /** Delivered: move on. */
    DELIVERED,
    /** Refused for good (the receiver says the request itself is wrong): logged and skipped. */
    REJECTED,
    /** Not delivered this time: keep the alert and try it again later. */
    FAILED
  }

  Result deliver(Alert alert);

  /** A short name for logs, such as {@code webhook} or {@code files}. */
  String name();

  @Override
  default void close() {}
}
