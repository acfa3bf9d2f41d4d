package io.newsmon.processor.dedup;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * What the dedup state remembers of one article.
 *
 * @param id article id
 * @param contentHash hex SHA-256 of the normalised text
 * @param simhash 64-bit SimHash
 * @param sample sorted sampled shingle hashes (see {@code Fingerprint})
 * @param duplicateOf the original it copies, or null
 * @param storyId its story
 * @param entities gazetteer ids of the entities other than countries it names (for story matching)
 * @param topics its subject topics (topic labels other than diplomacy), for story matching
 * @param eventTime publication time (or fetch or record time) in epoch milliseconds
 * @param seenAt when the dedup step saw it (record time), epoch milliseconds; drives expiry
 * @param event its {@code EventKeys} (story matching)
 * @param minima its smallest shingle hashes (see {@code Fingerprint}); empty in entries written before
 * @param shingles how many distinct shingles it has; 0 in entries written before
 * @param leading the smallest hashes of its first shingles (see {@code Fingerprint}): with
 *     {@code minima}, the keys it is filed under as a near-copy candidate; empty in entries written before
 * @param seq its place in the order the dedup step judged articles (1, 2, ...): the lookup buckets are
 *     rebuilt by filing the remembered articles again in this order; 0 in entries written before
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SeenArticle(String id, String contentHash, long simhash, long[] sample,
    String duplicateOf, String storyId, List<String> entities, long eventTime, long seenAt, List<String> topics,
    List<String> event, long[] minima, int shingles, long[] leading, long seq) {

  public SeenArticle {
    sample = sample == null ? new long[0] : sample;
    minima = minima == null ? new long[0] : minima;
    leading = leading == null ? new long[0] : leading;
    entities = entities == null ? List.of() : List.copyOf(entities);
    topics = topics == null ? List.of() : List.copyOf(topics);
    event = event == null ? List.of() : List.copyOf(event);
  }

  /** An article as remembered before the leading hashes and the judging order were kept. */
  public SeenArticle(String id, String contentHash, long simhash, long[] sample, String duplicateOf, String storyId,
      List<String> entities, long eventTime, long seenAt, List<String> topics, List<String> event, long[] minima,
      int shingles) {
    this(id, contentHash, simhash, sample, duplicateOf, storyId, entities, eventTime, seenAt, topics, event, minima,
        shingles, new long[0], 0);
  }

  /** The original of this article's copies: itself, or what it copies. */
  public String originalId() {
    return duplicateOf == null ? id : duplicateOf;
  }
}
