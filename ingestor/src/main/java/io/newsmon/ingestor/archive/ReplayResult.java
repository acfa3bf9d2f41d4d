package io.newsmon.ingestor.archive;

import java.util.List;

/**
 * What a replay did.
 *
 * @param read articles read from the inputs
 * @param published articles accepted by the sink (for Kafka: acknowledged by the broker)
 * @param failed lines, files or records that could not be read or published
 * @param skipped files and WARC records that hold no article (other file types, WARC request and
 *     metadata records, non-HTML or non-2xx responses)
 * @param failures where and why, at most {@link Replayer#MAX_FAILURES_KEPT} of them
 */
public record ReplayResult(long read, long published, long failed, long skipped, List<Failure> failures) {

  public ReplayResult {
    failures = List.copyOf(failures);
  }

  /** One input that could not be used: {@code where} is a path, with {@code :line} or {@code @offset}. */
  public record Failure(String where, String reason) {
    @Override
    public String toString() {
      return where + ": " + reason;
    }
  }

  /** One line: {@code 12 read, 11 published, 1 failed, 3 skipped}. */
  public String summary() {
    return read + " read, " + published + " published, " + failed + " failed, " + skipped + " skipped";
  }
}
