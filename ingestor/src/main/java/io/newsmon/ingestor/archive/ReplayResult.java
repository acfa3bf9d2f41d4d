package io.newsmon.ingestor.archive;

import io.newsmon.common.kafka.Topics;
import java.util.List;

/**
 * What a replay did.
 *
 * @param read articles read from the inputs
 * @param published articles accepted by the sink (for Kafka: acknowledged by the broker)
 * @param failed lines, files or records that could not be read, and articles that could not be
 *     published (those written to news.deadletter and those lost)
 * @param skipped files and WARC records that hold no article (other file types, WARC request and
 *     metadata records, non-HTML or non-2xx responses)
 * @param resent sends tried again after a failed send (an article sent three times counts twice)
 * @param deadLettered articles not published that were written to news.deadletter with the reason
 * @param lost articles neither published nor written to news.deadletter
 * @param failures where and why, at most {@link Replayer#MAX_FAILURES_KEPT} of them
 */
public record ReplayResult(long read, long published, long failed, long skipped, long resent,
    long deadLettered, long lost, List<Failure> failures) {

  public ReplayResult {
    failures = List.copyOf(failures);
  }

  /** A result without sends: nothing sent again, dead-lettered or lost. */
  public ReplayResult(long read, long published, long failed, long skipped, List<Failure> failures) {
    this(read, published, failed, skipped, 0, 0, 0, failures);
  }

  /** One input that could not be used: {@code where} is a path, with {@code :line} or {@code @offset}. */
  public record Failure(String where, String reason) {
    @Override
    public String toString() {
      return where + ": " + reason;
    }
  }

  /**
   * One line: {@code 12 read, 11 published, 1 failed, 3 skipped}, and when there were any, the sends
   * tried again, the articles written to news.deadletter and those lost.
   */
  public String summary() {
    StringBuilder sb = new StringBuilder(read + " read, " + published + " published, " + failed + " failed, "
        + skipped + " skipped");
    if (resent > 0) {
      sb.append(", ").append(resent).append(" sent again");
    }
    if (deadLettered > 0) {
      sb.append(", ").append(deadLettered).append(" written to ").append(Topics.DEADLETTER.name());
    }
    if (lost > 0) {
      sb.append(", ").append(lost).append(" lost");
    }
    return sb.toString();
  }
}
