package io.newsmon.processor.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.processor.fingerprint.Fingerprint;
import io.newsmon.processor.fingerprint.Fingerprinter;
import io.newsmon.processor.story.StoryMatcher;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The lookup buckets are an index of the remembered articles: rebuilt from the article entries alone
 * ({@link Deduplicator#rebuildIndex}), they are the buckets that judging wrote, and a state whose index
 * was rebuilt judges later articles as one that never lost it. Pure: in-memory state, no Kafka.
 */
class IndexRebuildTest {

  static final long T0 = Instant.parse("2025-03-01T00:00:00Z").toEpochMilli();
  static final long MINUTE = 60_000L;

  final Deduplicator dedup = new Deduplicator(new Deduplicator.Settings(Duration.ofDays(7), 3, 0.7,
      new StoryMatcher.Settings(Duration.ofDays(3), 2.0, 2)));

  /** One article as the dedup step receives it. */
  record Input(String id, long time, String contentHash, List<String> specific, List<String> topics,
      List<String> event, Fingerprint fp) {}

  /**
   * Synthetic articles: texts drawn from a pool of sentences, one in four an exact, extended or
   * truncated copy of an earlier one; a few people and places from a small pool (so story buckets
   * overflow their {@value Deduplicator#MAX_BUCKET} ids), names, amounts, a kind of action and a day.
   * Times advance by {@code step} with a jitter of up to {@code jitter} either way.
   */
  static List<Input> inputs(long seed, int n, long start, long step, long jitter) {
    Random r = new Random(seed);
    String[] words = new String[300];
    for (int i = 0; i < words.length; i++) {
      StringBuilder w = new StringBuilder();
      for (int k = 0; k < 3 + r.nextInt(6); k++) {
        w.append((char) ('a' + r.nextInt(26)));
      }
      words[i] = w.toString();
    }
    List<String> sentences = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      StringBuilder s = new StringBuilder("The");
      for (int k = 0; k < 10 + r.nextInt(10); k++) {
        s.append(' ').append(words[r.nextInt(words.length)]);
      }
      sentences.add(s.append('.').toString());
    }
    List<String> texts = new ArrayList<>();
    List<Input> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String text;
      if (!texts.isEmpty() && r.nextInt(4) == 0) {
        String earlier = texts.get(r.nextInt(texts.size()));
        text = switch (r.nextInt(3)) {
          case 0 -> earlier;
          case 1 -> earlier + "\n" + sentences.get(r.nextInt(sentences.size()));
          default -> earlier.substring(0, Math.max(1, earlier.length() * 2 / 3));
        };
      } else {
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < 3 + r.nextInt(6); k++) {
          parts.add(sentences.get(r.nextInt(sentences.size())));
        }
        text = String.join("\n", parts);
      }
      texts.add(text);
      long time = start + i * step + (jitter == 0 ? 0 : (long) ((r.nextDouble() * 2 - 1) * jitter));
      List<String> specific = new ArrayList<>();
      for (int k = 0; k < 1 + r.nextInt(3); k++) {
        String e = "person:p" + r.nextInt(8);
        if (!specific.contains(e)) {
          specific.add(e);
        }
      }
      LocalDate day = Instant.ofEpochMilli(time).atZone(ZoneOffset.UTC).toLocalDate();
      List<String> event = List.of("a:" + List.of("visit", "sign", "meet").get(r.nextInt(3)), "d:" + day,
          "n:name" + r.nextInt(40), "q:" + (1000 * (1 + r.nextInt(20))));
      List<String> topics = List.of(List.of("trade", "energy", "security").get(r.nextInt(3)));
      out.add(new Input("a-" + i, time, Fingerprinter.contentHash(text), specific, topics, event,
          Fingerprinter.fingerprint(text)));
    }
    return out;
  }

  List<Deduplicator.Decision> judge(DedupState state, List<Input> inputs) {
    List<Deduplicator.Decision> out = new ArrayList<>();
    for (Input in : inputs) {
      out.add(dedup.decide(state, in.id(), in.time(), in.contentHash(), in.specific(), in.topics(), in.event(),
          in.fp(), in.time()));
    }
    return out;
  }

  /** The lookup buckets of a state: key to ids (oldest first) and the time the bucket was written. */
  static Map<String, String> buckets(DedupState state) {
    Map<String, String> out = new TreeMap<>();
    state.forEach((k, v) -> {
      if (!DedupState.isArticleKey(k)) {
        out.put(k, v.ids() + " @" + v.seenAt());
      }
    });
    return out;
  }

  @Test
  void bucketsRebuiltFromTheArticlesAreTheBucketsJudgingWrote() {
    InMemoryDedupState state = new InMemoryDedupState();
    // times out of order by up to two hours, all within the window: nothing expires
    List<Deduplicator.Decision> decisions = judge(state, inputs(7, 600, T0, 5 * MINUTE, 120 * MINUTE));
    Map<String, String> written = buckets(state);
    // the input exercises what the index holds: copies, shared stories, full buckets, every kind of key
    assertThat(decisions.stream().filter(d -> d.duplicateOf() != null).count()).isGreaterThan(50);
    assertThat(decisions.stream().map(Deduplicator.Decision::storyId).distinct().count()).isLessThan(500);
    assertThat(written.values()).anyMatch(v -> v.split(",").length == Deduplicator.MAX_BUCKET);
    for (String prefix : List.of("h:", "b0:", "b3:", "m:", "e:", "sn:", "sq:", "sa:")) {
      assertThat(written.keySet()).as(prefix).anyMatch(k -> k.startsWith(prefix));
    }

    int filed = dedup.rebuildIndex(state);

    assertThat(filed).isEqualTo(600);
    assertThat(buckets(state)).isEqualTo(written);
  }

  @Test
  void aRebuiltIndexAfterAPurgeHoldsTheSameRememberedArticlesAndJudgesLikeTheOneThatWasKept() {
    // 14 days of articles in order of time, a 7-day window: the first week is purged
    List<Input> inputs = inputs(11, 1400, T0, 14 * MINUTE, 0);
    List<Input> first = inputs.subList(0, 1000);
    List<Input> later = inputs.subList(1000, inputs.size());
    InMemoryDedupState kept = new InMemoryDedupState();
    InMemoryDedupState rebuilt = new InMemoryDedupState();
    assertThat(judge(kept, first)).isEqualTo(judge(rebuilt, first));
    long latest = first.get(first.size() - 1).time();
    int purgedKept = dedup.purge(kept, latest);
    int purgedRebuilt = dedup.purge(rebuilt, latest);
    assertThat(purgedKept).isEqualTo(purgedRebuilt).isGreaterThan(100);
    // the kept index still lists purged articles in buckets written since
    Map<String, String> keptBuckets = buckets(kept);
    List<String> purgedIds = first.stream().map(Input::id)
        .filter(id -> kept.get(Deduplicator.articleKey(id)) == null).toList();
    assertThat(purgedIds).isNotEmpty();
    assertThat(keptBuckets.values()).anyMatch(v -> purgedIds.stream().anyMatch(v::contains));

    dedup.rebuildIndex(rebuilt);

    // bucket by bucket, the same remembered articles in the same order
    Map<String, String> rebuiltBuckets = buckets(rebuilt);
    assertThat(rebuiltBuckets).isNotEmpty();
    assertThat(keptBuckets.keySet()).containsAll(rebuiltBuckets.keySet());
    kept.forEach((k, v) -> {
      if (!DedupState.isArticleKey(k)) {
        List<String> remembered = v.ids().stream().filter(id -> kept.get(Deduplicator.articleKey(id)) != null).toList();
        DedupEntry r = rebuilt.get(k);
        assertThat(r == null ? List.of() : r.ids()).as(k).isEqualTo(remembered);
      }
    });
    // and the same decisions for the articles that follow
    List<Deduplicator.Decision> afterKept = judge(kept, later);
    List<Deduplicator.Decision> afterRebuilt = judge(rebuilt, later);
    assertThat(afterRebuilt).isEqualTo(afterKept);
    assertThat(afterKept.stream().filter(d -> d.duplicateOf() != null).count()).isGreaterThan(20);
  }
}
