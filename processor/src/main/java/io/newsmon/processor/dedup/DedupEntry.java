package io.newsmon.processor.dedup;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * One value of the dedup state: either an article ({@code article} set) or a lookup bucket
 * ({@code ids}: article ids sharing a key, oldest first). {@code seenAt} (epoch milliseconds) is the
 * last time the entry was written; entries older than the dedup window are expired.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DedupEntry(SeenArticle article, List<String> ids, long seenAt) {

  public DedupEntry {
    ids = ids == null ? List.of() : List.copyOf(ids);
  }

  public static DedupEntry of(SeenArticle a) {
    return new DedupEntry(a, null, a.seenAt());
  }
}
