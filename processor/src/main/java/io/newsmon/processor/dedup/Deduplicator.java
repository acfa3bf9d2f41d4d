package io.newsmon.processor.dedup;

import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.record.Analysis;
import io.newsmon.common.record.RawArticle;
import io.newsmon.common.util.Hashing;
import io.newsmon.processor.fingerprint.Fingerprint;
import io.newsmon.processor.fingerprint.Fingerprinter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides, in arrival order, whether an analysed article copies an earlier one and which story it
 * belongs to. Pure logic over a {@link DedupState}: the same class runs in {@code newsmon analyze}
 * (in memory) and in the stream (state store).
 *
 * <ul>
 *   <li>An article id seen before gets its earlier decision again (re-deliveries are idempotent).</li>
 *   <li>Exact copy: an earlier original with the same content hash.</li>
 *   <li>Near copy: an earlier original whose SimHash differs in at most {@code maxHamming} bits, or
 *       whose sampled shingles contain at least {@code minContainment} of the smaller article's
 *       (the smaller having at least 30% of the larger's size: truncated copies and copies with
 *       added site text, but not a short brief inside a long digest). Candidates are found through
 *       the four 16-bit bands of the SimHash (any fingerprint within 3 bits shares one) and the
 *       smallest shingle hashes.</li>
 *   <li>A copy takes its original's story. An original joins the story of an earlier article
 *       sharing at least {@code minSharedEntities} named entities other than countries and
 *       published within {@code storyWindow}; otherwise it starts a story. This is what gives the
 *       same event in Arabic and French one story id without calling translations duplicates.</li>
 * </ul>
 * Everything is forgotten {@code window} after it was last written (record time).
 */
public final class Deduplicator {

  /** Most ids kept per lookup bucket (the most recent ones). */
  public static final int MAX_BUCKET = 32;
  /** The smaller sample must be at least this share of the larger for a containment match. */
  public static final double MIN_SIZE_RATIO = 0.3;
  /**
   * Least share of named entities (other than countries) two articles of one story have in common:
   * shared / all named by either. Keeps capitals and heads of state, named by most articles about
   * the two countries, from merging different events.
   */
  public static final double MIN_STORY_JACCARD = 0.4;
  /**
   * Texts with fewer distinct shingles (empty or a few words) are never judged copies by content:
   * two empty feed items are not the same story.
   */
  public static final int MIN_SHINGLES = 3;
  /** Fewest sampled shingles for a containment match. */
  public static final int MIN_SAMPLE = 5;

  /**
   * @param window how long articles are remembered (default 7 days)
   * @param maxHamming SimHash bits that may differ in a near copy (default 3)
   * @param minContainment sampled-shingle containment of a near copy (default 0.7)
   * @param storyWindow publication-time distance within one story (default 3 days)
   * @param minSharedEntities non-country entities two articles of one story share (default 2)
   * @param minTopicOverlap least Jaccard overlap of their subject topics (default 0.5)
   */
  public record Settings(Duration window, int maxHamming, double minContainment, Duration storyWindow,
      int minSharedEntities, double minTopicOverlap) {

    public static Settings from(NewsmonConfig config) {
      return new Settings(config.duration("processor.dedup.window"),
          config.integer("processor.dedup.max-hamming"),
          config.decimal("processor.dedup.min-containment"),
          config.duration("processor.story.window"),
          config.integer("processor.story.min-shared-entities"),
          config.decimal("processor.story.min-topic-overlap"));
    }
  }

  private final Settings settings;

  public Deduplicator(Settings settings) {
    this.settings = settings;
  }

  public Settings settings() {
    return settings;
  }

  /**
   * Judges one article and records it in {@code state}.
   *
   * @param id the article id
   * @param article the raw article (its text is fingerprinted here)
   * @param analysis its analysis from {@code ArticleAnalyzer}
   * @param now the record time in epoch milliseconds (drives expiry)
   * @return the analysis with {@code duplicateOf} and {@code storyId} set
   */
  public Analysis decide(DedupState state, String id, RawArticle article, Analysis analysis, long now) {
    return decide(state, id, article, analysis, Fingerprinter.fingerprint(textOf(article)), now);
  }

  /** As {@link #decide(DedupState, String, RawArticle, Analysis, long)} with the fingerprint already computed. */
  public Analysis decide(DedupState state, String id, RawArticle article, Analysis analysis,
      Fingerprint fp, long now) {
    long eventTime = article.eventTime() != null ? article.eventTime().toEpochMilli() : now;
    return decide(state, id, eventTime, analysis, fp, now);
  }

  /**
   * As {@link #decide(DedupState, String, RawArticle, Analysis, Fingerprint, long)} with the
   * article's event time (publication time, else fetch time, else {@code now}; epoch milliseconds)
   * instead of the article.
   */
  public Analysis decide(DedupState state, String id, long eventTime, Analysis analysis, Fingerprint fp,
      long now) {
    Decision d = decide(state, id, eventTime, analysis.contentHash(), specificEntities(analysis),
        analysis.topics(), fp, now);
    return analysis.withDedup(d.duplicateOf(), d.storyId());
  }

  /** What the dedup step decided for one article: the original it copies (or null) and its story. */
  public record Decision(String duplicateOf, String storyId) {}

  /** The distinct ids of the entities other than countries, in order of appearance (story matching). */
  public static List<String> specificEntities(Analysis analysis) {
    return analysis.entities().stream()
        .filter(e -> !"country".equals(e.type())).map(Analysis.Entity::id).distinct().toList();
  }

  /**
   * The decision from just the parts of the analysis it depends on, so the stream's dedup step need
   * not decode the whole analysis.
   *
   * @param contentHash the analysis' content hash
   * @param specific {@link #specificEntities} of the analysis
   * @param topics the analysis' topics
   */
  public Decision decide(DedupState state, String id, long eventTime, String contentHash, List<String> specific,
      List<String> topics, Fingerprint fp, long now) {
    SeenArticle prior = article(state, id, now);
    if (prior != null) {
      return new Decision(prior.duplicateOf(), prior.storyId());
    }
    List<String> subjects = subjectTopics(topics);
    boolean comparable = fp.shingles() >= MIN_SHINGLES;
    SeenArticle original = comparable ? findOriginal(state, contentHash, fp, id, now) : null;
    String duplicateOf;
    String storyId;
    if (original != null) {
      duplicateOf = original.originalId();
      storyId = original.storyId();
    } else {
      duplicateOf = null;
      storyId = findStory(state, specific, subjects, eventTime, now);
      if (storyId == null) {
        storyId = Hashing.id("s", id);
      }
    }
    SeenArticle seen = new SeenArticle(id, contentHash, fp.simhash(), fp.sample(),
        duplicateOf, storyId, specific, eventTime, now, subjects);
    state.put(articleKey(id), DedupEntry.of(seen));
    if (duplicateOf == null && comparable) {
      addToBucket(state, "h:" + contentHash, id, now);
      for (String band : bands(fp.simhash())) {
        addToBucket(state, band, id, now);
      }
      for (long m : fp.minima()) {
        addToBucket(state, "m:" + Long.toHexString(m), id, now);
      }
    }
    if (duplicateOf == null) {
      for (String e : specific) {
        addToBucket(state, "e:" + e, id, now);
      }
    }
    return new Decision(duplicateOf, storyId);
  }

  private static String textOf(RawArticle a) {
    if (a.text() != null && !a.text().isBlank()) {
      return a.text();
    }
    if (a.summary() != null && !a.summary().isBlank()) {
      return a.summary();
    }
    return a.title() == null ? "" : a.title();
  }

  private SeenArticle findOriginal(DedupState state, String contentHash, Fingerprint fp, String self, long now) {
    for (String cid : bucket(state, "h:" + contentHash, now)) {
      SeenArticle c = article(state, cid, now);
      if (c != null && !c.id().equals(self) && c.contentHash().equals(contentHash)) {
        return c;
      }
    }
    Set<String> candidates = new LinkedHashSet<>();
    for (String band : bands(fp.simhash())) {
      candidates.addAll(bucket(state, band, now));
    }
    for (long m : fp.minima()) {
      candidates.addAll(bucket(state, "m:" + Long.toHexString(m), now));
    }
    SeenArticle best = null;
    double bestScore = -1;
    for (String cid : candidates) {
      SeenArticle c = article(state, cid, now);
      if (c == null || c.id().equals(self)) {
        continue;
      }
      int distance = Fingerprint.hamming(c.simhash(), fp.simhash());
      double score = -1;
      if (distance <= settings.maxHamming()) {
        score = 2.0 - distance / 64.0;
      } else {
        double containment = containment(c.sample(), fp.sample());
        if (containment >= 0) {
          score = containment;
        }
      }
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    return best;
  }

  /** The containment of a near copy by sampled shingles, or -1 when the samples do not qualify. */
  private double containment(long[] a, long[] b) {
    int small = Math.min(a.length, b.length);
    int large = Math.max(a.length, b.length);
    if (small < MIN_SAMPLE || small < MIN_SIZE_RATIO * large) {
      return -1;
    }
    return Fingerprint.containmentAtLeast(a, b, settings.minContainment());
  }

  /** Topic labels that say what an article is about: all but the near-universal diplomacy label. */
  static List<String> subjectTopics(List<String> topics) {
    return topics.stream().filter(t -> !"diplomacy".equals(t)).distinct().toList();
  }

  /** Jaccard overlap of two topic lists; 1 when either is empty (nothing to tell them apart). */
  static double topicOverlap(List<String> a, List<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 1.0;
    }
    return jaccard(a, b, null);
  }

  /**
   * Shared / distinct values of two lists (each value counted once), without building sets; the
   * shared count is stored in {@code sharedOut[0]} when given.
   */
  private static double jaccard(List<String> a, List<String> b, int[] sharedOut) {
    int distinctA = 0;
    int shared = 0;
    for (int i = 0; i < a.size(); i++) {
      String v = a.get(i);
      if (a.indexOf(v) != i) {
        continue; // counted already
      }
      distinctA++;
      if (b.contains(v)) {
        shared++;
      }
    }
    int onlyB = 0;
    for (int i = 0; i < b.size(); i++) {
      String v = b.get(i);
      if (b.indexOf(v) == i && !a.contains(v)) {
        onlyB++;
      }
    }
    if (sharedOut != null) {
      sharedOut[0] = shared;
    }
    int union = distinctA + onlyB;
    return union == 0 ? 0 : (double) shared / union;
  }

  private String findStory(DedupState state, List<String> specific, List<String> subjects, long eventTime,
      long now) {
    if (specific.size() < settings.minSharedEntities()) {
      return null;
    }
    Set<String> candidates = new LinkedHashSet<>();
    for (String e : specific) {
      candidates.addAll(bucket(state, "e:" + e, now));
    }
    String best = null;
    double bestJaccard = 0;
    for (String cid : candidates) {
      SeenArticle c = article(state, cid, now);
      if (c == null || Math.abs(c.eventTime() - eventTime) > settings.storyWindow().toMillis()
          || topicOverlap(subjects, c.topics()) < settings.minTopicOverlap()) {
        continue;
      }
      // specific is distinct, so counting its values found in the candidate's is the shared count
      // both lists are distinct (specificEntities), so union = |a| + |b| - shared
      int shared = 0;
      for (String e : specific) {
        if (c.entities().contains(e)) {
          shared++;
        }
      }
      int union = specific.size() + c.entities().size() - shared;
      double jaccard = union == 0 ? 0 : (double) shared / union;
      if (shared >= settings.minSharedEntities() && jaccard >= MIN_STORY_JACCARD && jaccard > bestJaccard) {
        best = c.storyId();
        bestJaccard = jaccard;
      }
    }
    return best;
  }

  /** Removes entries not written within the window before {@code now}; returns how many. */
  public int purge(DedupState state, long now) {
    List<String> expired = new ArrayList<>();
    state.forEach((k, v) -> {
      if (expired(v, now)) {
        expired.add(k);
      }
    });
    expired.forEach(state::delete);
    return expired.size();
  }

  private boolean expired(DedupEntry e, long now) {
    return e.seenAt() < now - settings.window().toMillis();
  }

  private SeenArticle article(DedupState state, String id, long now) {
    DedupEntry e = state.get(articleKey(id));
    return e == null || e.article() == null || expired(e, now) ? null : e.article();
  }

  private List<String> bucket(DedupState state, String key, long now) {
    DedupEntry e = state.get(key);
    return e == null || expired(e, now) ? List.of() : e.ids();
  }

  private void addToBucket(DedupState state, String key, String id, long now) {
    List<String> ids = new ArrayList<>(bucket(state, key, now));
    ids.remove(id);
    ids.add(id);
    if (ids.size() > MAX_BUCKET) {
      ids = ids.subList(ids.size() - MAX_BUCKET, ids.size());
    }
    state.put(key, new DedupEntry(null, ids, now));
  }

  static String articleKey(String id) {
    return "a:" + id;
  }

  /** The four 16-bit bands of a SimHash as bucket keys. */
  static List<String> bands(long simhash) {
    List<String> out = new ArrayList<>(4);
    for (int i = 0; i < 4; i++) {
      out.add("b" + i + ":" + Long.toHexString((simhash >>> (16 * i)) & 0xFFFF));
    }
    return out;
  }
}
