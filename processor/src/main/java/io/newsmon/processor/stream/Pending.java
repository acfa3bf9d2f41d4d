package io.newsmon.processor.stream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.newsmon.common.record.RawArticle;

/**
 * An analysed article held by the dedup step's reorder buffer until its burst is judged.
 *
 * @param key the record key
 * @param timestamp the record timestamp, kept for the output record
 * @param outcome the analysed article with its fingerprint
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record Pending(String key, long timestamp, Outcome outcome) {

  /**
   * The buffer's sort key: publication time (else fetch time, else record time), then article id,
   * so a burst is judged in the same order whatever order it arrived in.
   */
  static String orderKey(Outcome outcome, long recordTimestamp) {
    RawArticle a = outcome.article().article();
    long eventTime = a.publishedAt() != null ? a.publishedAt().toEpochMilli()
        : a.fetchedAt() != null ? a.fetchedAt().toEpochMilli() : recordTimestamp;
    // offset so negative (pre-1970) times sort correctly as fixed-width decimals
    return String.format("%020d|%s", eventTime + Long.MAX_VALUE / 2, outcome.article().id());
  }
}
