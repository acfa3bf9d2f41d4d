package io.newsmon.processor.dedup;

import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.config.ProcessorSettings;
import io.newsmon.common.record.Analysis;
import io.newsmon.common.record.RawArticle;
import io.newsmon.common.util.Hashing;
import io.newsmon.processor.fingerprint.Fingerprint;
import io.newsmon.processor.story.EventKeys;
import io.newsmon.processor.story.StoryMatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
 *   <li>A copy takes its original's story. An original joins the story of an earlier article that
 *       {@link StoryMatcher} judges to report the same event, unless another remembered article of
 *       that story reports a different one (a hard constraint); otherwise it starts a story. This is
 *       what gives the same event in Arabic and French one story id without calling translations
 *       duplicates, and keeps a call and the message that followed it in two stories.</li>
 * </ul>
 * Everything is forgotten {@code window} after it was last written, in event time: entries whose
 * event time is older than the window before the latest event time seen are purged.
 */
public final class Deduplicator {

  /** Most ids kept per lookup bucket (the most recent ones). */
  public static final int MAX_BUCKET = 32;
  /** The smaller sample must be at least this share of the larger for a containment match. */
  public static final double MIN_SIZE_RATIO = 0.3;
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
   * @param story how articles are grouped into stories
   */
  public record Settings(Duration window, int maxHamming, double minContainment, StoryMatcher.Settings story) {

    public static Settings from(NewsmonConfig config) {
      return new Settings(config.get(ProcessorSettings.DEDUP_WINDOW),
          config.get(ProcessorSettings.DEDUP_MAX_HAMMING),
          config.get(ProcessorSettings.DEDUP_MIN_CONTAINMENT),
          StoryMatcher.Settings.from(config));
    }
  }

  private final Settings settings;
  private final StoryMatcher stories;

  public Deduplicator(Settings settings) {
    this.settings = settings;
    this.stories = new StoryMatcher(settings.story());
  }

  /**
   * Judges one article and records it in {@code state}.
   *
   * @param id the article id
   * @param article the raw article (for its event time: publication time, else fetch time, else {@code now})
   * @param analysis its analysis from {@code ArticleAnalyzer}
   * @param fp its near-duplicate fingerprint from {@code ArticleAnalyzer}
   * @param now the clock in epoch milliseconds, drives expiry: the event time in the stream and in
   *     {@code newsmon analyze}
   * @return the analysis with {@code duplicateOf} and {@code storyId} set
   */
  public Analysis decide(DedupState state, String id, RawArticle article, Analysis analysis,
      Fingerprint fp, long now) {
    long eventTime = article.eventTime() != null ? article.eventTime().toEpochMilli() : now;
    Decision d = decide(state, id, eventTime, analysis.contentHash(), specificEntities(analysis),
        analysis.topics(), EventKeys.of(analysis), fp, now);
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
   * @param event {@link EventKeys} of the analysis' event
   */
  public Decision decide(DedupState state, String id, long eventTime, String contentHash, List<String> specific,
      List<String> topics, List<String> event, Fingerprint fp, long now) {
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
      storyId = findStory(state, new StoryMatcher.Article(eventTime, specific, subjects, event), now);
      if (storyId == null) {
        storyId = Hashing.id("s", id);
      }
    }
    SeenArticle seen = new SeenArticle(id, contentHash, fp.simhash(), fp.sample(), duplicateOf, storyId, specific,
        eventTime, now, subjects, event, fp.minima(), fp.shingles(), fp.leading(), state.nextSeq());
    state.put(articleKey(id), DedupEntry.of(seen));
    index(state, seen);
    return new Decision(duplicateOf, storyId);
  }

  /**
   * Files an article in the lookup buckets it joins, as judged: an original that can be compared by
   * content under its content hash, SimHash bands and shingle minima; every original under its story
   * keys on the day of its event time. Everything it needs is in the remembered article, so the buckets
   * can be rebuilt from the articles ({@link #rebuildIndex}); the clock is the article's own
   * {@code seenAt}, the {@code now} of its judgement.
   */
  void index(DedupState state, SeenArticle a) {
    long now = a.seenAt();
    String id = a.id();
    if (a.duplicateOf() == null && a.shingles() >= MIN_SHINGLES) {
      addToBucket(state, "h:" + a.contentHash(), id, now);
      for (String band : bands(a.simhash())) {
        addToBucket(state, band, id, now);
      }
      for (long m : lookupMinima(a.minima(), a.leading())) {
        addToBucket(state, "m:" + Long.toHexString(m), id, now);
      }
    }
    if (a.duplicateOf() == null) {
      for (String key : storyKeys(a.entities(), a.event())) {
        addToBucket(state, storyKey(key, epochDay(a.eventTime())), id, now);
      }
    }
  }

  /**
   * Rebuilds every lookup bucket from the remembered articles, filing them again in the order they
   * were judged ({@link SeenArticle#seq}; entries written before it was kept, 0, by {@code seenAt} then
   * id). Gives the buckets that judging the same articles wrote, with the ids of articles already
   * purged left out. Returns how many articles were filed.
   */
  public int rebuildIndex(DedupState state) {
    state.clearIndex();
    record Order(long seq, long seenAt, String key) {}
    List<Order> order = new ArrayList<>();
    state.forEachArticle((k, e) -> {
      if (e.article() != null) {
        order.add(new Order(e.article().seq(), e.article().seenAt(), k));
      }
    });
    order.sort(java.util.Comparator.comparingLong(Order::seq).thenComparingLong(Order::seenAt)
        .thenComparing(Order::key));
    for (Order o : order) {
      DedupEntry e = state.get(o.key());
      if (e != null && e.article() != null) {
        index(state, e.article());
      }
    }
    return order.size();
  }

  private SeenArticle findOriginal(DedupState state, String contentHash, Fingerprint fp, String self, long now) {
    for (String cid : bucket(state, "h:" + contentHash, now)) {
      SeenArticle c = article(state, cid, now);
      if (c != null && !c.id().equals(self) && c.contentHash().equals(contentHash)) {
        return c;
      }
    }
    Candidates candidates = new Candidates(256);
    for (String band : bands(fp.simhash())) {
      candidates.addAll(bucket(state, band, now));
    }
    for (long m : lookupMinima(fp.minima(), fp.leading())) {
      candidates.addAll(bucket(state, "m:" + Long.toHexString(m), now));
    }
    SeenArticle best = null;
    double bestScore = -1;
    for (int k = 0; k < candidates.size(); k++) {
      SeenArticle c = article(state, candidates.get(k), now);
      if (c == null || c.id().equals(self)) {
        continue;
      }
      int distance = Fingerprint.hamming(c.simhash(), fp.simhash());
      double score = -1;
      if (distance <= settings.maxHamming()) {
        score = 2.0 - distance / 64.0;
      } else {
        double containment = containment(c, fp);
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

  /**
   * The hashes under which a text is filed and looked up as a near copy: its smallest shingle hashes
   * and the smallest of its first shingles (a truncated copy keeps those).
   */
  static long[] lookupMinima(long[] minima, long[] leading) {
    if (leading.length == 0) {
      return minima;
    }
    return java.util.stream.LongStream.concat(java.util.Arrays.stream(minima), java.util.Arrays.stream(leading))
        .distinct().toArray();
  }

  /**
   * The containment of a near copy, or -1 when the texts do not qualify: the share of the smaller
   * text's shingles found in the larger, estimated on the sampled shingles and, for short texts whose
   * sample is small (a truncated copy), also on the smallest hashes: a smallest hash of the smaller
   * text that is not above the larger's largest kept one must be among the larger's if the larger
   * contains it.
   */
  private double containment(SeenArticle c, Fingerprint fp) {
    boolean sizes = c.shingles() > 0 && fp.shingles() > 0;
    int smallSize = sizes ? Math.min(c.shingles(), fp.shingles()) : Math.min(c.sample().length, fp.sample().length);
    int largeSize = sizes ? Math.max(c.shingles(), fp.shingles()) : Math.max(c.sample().length, fp.sample().length);
    if (smallSize < MIN_SIZE_RATIO * largeSize) {
      return -1;
    }
    boolean newIsSmall = sizes ? fp.shingles() <= c.shingles() : fp.sample().length <= c.sample().length;
    long[] smallSample = newIsSmall ? fp.sample() : c.sample();
    long[] largeSample = newIsSmall ? c.sample() : fp.sample();
    if (smallSample.length >= MIN_SAMPLE) {
      return Fingerprint.containmentAtLeast(smallSample, largeSample, settings.minContainment());
    }
    if (!sizes || c.minima().length == 0) {
      return -1;
    }
    long[] smallMinima = newIsSmall ? fp.minima() : c.minima();
    long[] largeMinima = newIsSmall ? c.minima() : fp.minima();
    int largeShingles = newIsSmall ? c.shingles() : fp.shingles();
    int checks = 0;
    int found = 0;
    for (long v : smallSample) {
      checks++;
      found += java.util.Arrays.binarySearch(largeSample, v) >= 0 ? 1 : 0;
    }
    // minima are sorted; when the larger kept all its shingles as minima, every value is checkable
    long bound = largeMinima.length < largeShingles ? largeMinima[largeMinima.length - 1] : Long.MAX_VALUE;
    for (long v : smallMinima) {
      if (java.util.Arrays.binarySearch(smallSample, v) >= 0 || v > bound) {
        continue;
      }
      checks++;
      found += java.util.Arrays.binarySearch(largeMinima, v) >= 0 ? 1 : 0;
    }
    if (checks < MIN_SAMPLE) {
      return -1;
    }
    double share = (double) found / checks;
    return share >= settings.minContainment() ? share : -1;
  }

  /** Topic labels that say what an article is about: all but the near-universal diplomacy label. */
  static List<String> subjectTopics(List<String> topics) {
    return topics.stream().filter(t -> !"diplomacy".equals(t)).distinct().toList();
  }

  /**
   * The lookup keys through which an original can be found as a story candidate: its entities, its
   * names, its quantities and its kinds of action on its stated (else publication) day, each filed
   * under the day of its event time ({@link #storyKey}), so that a lookup reads only the days a story
   * can span.
   */
  static List<String> storyKeys(List<String> specific, List<String> event) {
    List<String> out = new ArrayList<>();
    for (String e : specific) {
      out.add("e:" + e);
    }
    String day = null;
    for (String k : event) {
      if (k.startsWith("d:") || k.startsWith("p:")) {
        day = k.substring(2);
      }
    }
    for (String k : event) {
      if (k.startsWith("n:") || k.startsWith("q:")) {
        out.add("s" + k);
      } else if (k.startsWith("a:") && day != null) {
        out.add("s" + k + "@" + day);
      }
    }
    return out;
  }

  /** A story lookup key filed under one day of event time (days since the epoch, UTC). */
  static String storyKey(String key, long epochDay) {
    return key + "#" + epochDay;
  }

  private static long epochDay(long epochMillis) {
    return Math.floorDiv(epochMillis, DAY_MILLIS);
  }

  private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

  /**
   * Most story candidates judged for one article: the nearest days first, the newest articles of
   * each key first. Bounds the work when many stories share their people and places (every
   * article of a country pair names the same ministers).
   */
  public static final int MAX_STORY_CANDIDATES = 160;

  /**
   * The story candidates of an article: the originals filed under one of its keys on a day its
   * story window can reach, the article's own day first, then one day before and after, and so on;
   * within a day, key by key, newest first; at most {@link #MAX_STORY_CANDIDATES}.
   */
  private Candidates storyCandidates(DedupState state, List<String> keys, long eventTime, long now) {
    Candidates out = new Candidates(MAX_STORY_CANDIDATES);
    long day = epochDay(eventTime);
    long reach = Math.floorDiv(settings.story().window().toMillis() + DAY_MILLIS - 1, DAY_MILLIS);
    for (long off = 0; off <= reach; off++) {
      for (long d : off == 0 ? new long[] {day} : new long[] {day - off, day + off}) {
        for (String key : keys) {
          List<String> ids = bucket(state, storyKey(key, d), now);
          for (int i = ids.size() - 1; i >= 0; i--) {
            out.add(ids.get(i));
            if (out.size() >= MAX_STORY_CANDIDATES) {
              return out;
            }
          }
        }
      }
    }
    return out;
  }

  /**
   * The story of the best-matching earlier article, or null. A story is out when any of its
   * remembered candidates reports a different event (hard constraint), so one matching article
   * cannot pull an article into a story about another event.
   */
  private String findStory(DedupState state, StoryMatcher.Article self, long now) {
    Candidates candidates = storyCandidates(state, storyKeys(self.entities(), self.keys()), self.eventTime(), now);
    StoryScores best = new StoryScores();
    StoryMatcher.Bound matcher = stories.bind(self);
    for (int k = 0; k < candidates.size(); k++) {
      SeenArticle c = article(state, candidates.get(k), now);
      if (c == null) {
        continue;
      }
      int slot = best.slot(c.storyId());
      if (best.vetoed(slot)) {
        continue;
      }
      double e = matcher.evidence(c.eventTime(), c.entities(), c.topics(), c.event());
      if (e < 0) {
        if (Math.abs(c.eventTime() - self.eventTime()) <= settings.story().window().toMillis()) {
          best.veto(slot);
        }
        continue;
      }
      best.max(slot, e);
    }
    String story = null;
    double top = 0;
    for (int i = 0; i < best.size(); i++) {
      if (!best.scored(i)) {
        continue;
      }
      double v = best.score(i);
      String key = best.story(i);
      if (v >= settings.story().minEvidence()
          && (story == null || v > top || (v == top && key.compareTo(story) < 0))) {
        story = key;
        top = v;
      }
    }
    return story;
  }

  /**
   * The best evidence per story among an article's candidates, and the stories a candidate vetoed: a
   * map of story ids (null included) to a double and a flag in arrays, with no boxed score or entry
   * object per candidate. The stories are kept in the order first met; which story wins does not
   * depend on that order (ties go to the smaller id).
   */
  private static final class StoryScores {
    private String[] stories;
    private double[] scores;
    /** 0: met, no score yet; 1: scored; 2: vetoed. */
    private byte[] states;
    /** Slot + 1 of each story by hash (0: empty), open addressing: at most half full. */
    private int[] table;
    private int size;

    /** Room for a few stories (most candidates share a handful); grows as needed. */
    StoryScores() {
      stories = new String[8];
      scores = new double[8];
      states = new byte[8];
      table = new int[16];
    }

    /** The slot of {@code story}, added (met, without a score) when it is new. */
    int slot(String story) {
      int mask = table.length - 1;
      for (int i = spread(story) & mask; ; i = (i + 1) & mask) {
        int t = table[i];
        if (t == 0) {
          if (size == stories.length) {
            grow();
            return slot(story);
          }
          table[i] = size + 1;
          stories[size] = story;
          return size++;
        }
        if (java.util.Objects.equals(stories[t - 1], story)) {
          return t - 1;
        }
      }
    }

    private static int spread(String story) {
      int h = java.util.Objects.hashCode(story) * 0x9E3779B9;
      return h ^ (h >>> 16);
    }

    private void grow() {
      int n = 2 * stories.length;
      stories = java.util.Arrays.copyOf(stories, n);
      scores = java.util.Arrays.copyOf(scores, n);
      states = java.util.Arrays.copyOf(states, n);
      table = new int[2 * n];
      int mask = table.length - 1;
      for (int k = 0; k < size; k++) {
        int i = spread(stories[k]) & mask;
        while (table[i] != 0) {
          i = (i + 1) & mask;
        }
        table[i] = k + 1;
      }
    }

    boolean vetoed(int slot) {
      return states[slot] == 2;
    }

    void veto(int slot) {
      states[slot] = 2;
    }

    /** Keeps the larger of the slot's score and {@code e}. */
    void max(int slot, double e) {
      scores[slot] = states[slot] == 1 ? Math.max(scores[slot], e) : e;
      states[slot] = 1;
    }

    int size() {
      return size;
    }

    boolean scored(int slot) {
      return states[slot] == 1;
    }

    double score(int slot) {
      return scores[slot];
    }

    String story(int slot) {
      return stories[slot];
    }
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
    DedupEntry e = state.article(id);
    return e == null || e.article() == null || expired(e, now) ? null : e.article();
  }

  private List<String> bucket(DedupState state, String key, long now) {
    DedupEntry e = state.get(key);
    return e == null || expired(e, now) ? List.of() : e.ids();
  }

  private void addToBucket(DedupState state, String key, String id, long now) {
    state.put(key, new DedupEntry(null, appended(bucket(state, key, now), id), now));
  }

  /**
   * {@code ids} with {@code id} moved (or added) to the end, keeping the last {@link #MAX_BUCKET}: built
   * in one array and made an unmodifiable list once (a bucket is rewritten a few dozen times per judged
   * article).
   */
  static List<String> appended(List<String> ids, String id) {
    int n = ids.size();
    int at = ids.indexOf(id);
    int kept = Math.min(MAX_BUCKET, (at >= 0 ? n - 1 : n) + 1);
    String[] out = new String[kept];
    out[kept - 1] = id;
    // fill from the newest backwards, skipping id's old place
    for (int i = n - 1, o = kept - 2; o >= 0; i--) {
      if (i != at) {
        out[o--] = ids.get(i);
      }
    }
    return List.of(out);
  }

  /** The key prefix of article entries; every other key is a lookup bucket. */
  static final String ARTICLE_PREFIX = "a:";

  static String articleKey(String id) {
    return ARTICLE_PREFIX + id;
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
