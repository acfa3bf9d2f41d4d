package io.newsmon.processor.story;

import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.config.ProcessorSettings;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * Whether two articles report the same event, from their {@link EventKeys}, gazetteer entities and
 * topics: weighted overlap of features under hard constraints. Pure.
 *
 * <p>Hard constraints (any one says "different events"): event times further apart than the story
 * window; not judged relevant by the same watches (an article about another country pair is another
 * event whatever it shares); both headlines and leads name kinds of action and none of one can be part of the same
 * event as one of the other (a call is not the message that followed it, a signing not its
 * ratification; a visit and the signing during it can be one event: see {@link Actions#compatible});
 * both state the event's day and the days are more than a day apart, or a day apart without kinds of
 * action named by both that can be one event (one day apart is a time-zone or date-line shift of one
 * event only when the reports agree on what happened: a signing on Monday and a call on Tuesday are
 * two events), or one
 * states a day more than {@code dayTolerance} from the other's publication day. A stated day more than {@code dayTolerance}
 * before the article's own publication day is background, not the event's day.
 *
 * <p>Two articles that share no feature of the event itself (a kind of action, the stated day, a
 * quantity, two names; other dates are too common in features and retrospectives) are one event only when their people, places and organisations
 * overlap by at least {@value #MIN_ACTOR_OVERLAP} (Jaccard): ministers who meet often appear in
 * essays and anniversaries as well as in reports of their meetings.
 *
 * <p>Evidence otherwise, summed: each shared non-country entity {@value #W_ENTITY}, each shared name
 * {@value #W_NAME}, each shared quantity {@value #W_QUANTITY}, a shared action kind
 * {@value #W_ACTION}, the same stated day {@value #W_DAY}, each other shared date {@value #W_DATE},
 * topic overlap (Jaccard) times {@value #W_TOPIC}. Quantities within {@link #QUANTITY_TOLERANCE} of
 * each other are the same (rounding). Two articles are one event when the evidence
 * reaches {@code minEvidence}; in doubt they are not.
 */
public final class StoryMatcher {

  public static final double W_ENTITY = 1.0;
  public static final double W_NAME = 0.5;
  public static final double W_QUANTITY = 1.0;
  public static final double W_ACTION = 1.0;
  public static final double W_DAY = 1.0;
  public static final double W_DATE = 0.5;
  public static final double W_TOPIC = 0.5;
  /** Most shared names counted (long texts share many incidental names). */
  public static final int MAX_NAMES = 4;

  /**
   * @param window largest event-time distance within a story
   * @param minEvidence evidence needed to join a story
   * @param dayTolerance days a stated event day may lie from the other article's publication day
   */
  public record Settings(Duration window, double minEvidence, int dayTolerance) {

    public static Settings from(NewsmonConfig config) {
      return new Settings(config.get(ProcessorSettings.STORY_WINDOW),
          config.get(ProcessorSettings.STORY_MIN_EVIDENCE),
          config.get(ProcessorSettings.STORY_DAY_TOLERANCE));
    }
  }

  /** What the matcher reads of one article. */
  public record Article(long eventTime, List<String> entities, List<String> topics, List<String> keys) {

    /** Unmodifiable lists (the same objects when they are already), so parsed keys can be kept by identity. */
    public Article {
      entities = frozen(entities);
      topics = frozen(topics);
      keys = frozen(keys);
    }
  }

  /** An unmodifiable copy, or the list itself when it is one already ({@link List#copyOf}). */
  private static List<String> frozen(List<String> list) {
    if (list == null) {
      return List.of();
    }
    try {
      return List.copyOf(list);
    } catch (NullPointerException e) { // a null element: kept as it is
      return java.util.Collections.unmodifiableList(new java.util.ArrayList<>(list));
    }
  }

  private final Settings settings;
  private final long windowMillis;

  public StoryMatcher(Settings settings) {
    this.settings = settings;
    this.windowMillis = settings.window().toMillis();
  }

  public Settings settings() {
    return settings;
  }

  /** The evidence that {@code a} and {@code b} report one event, or -1 when a hard constraint says they do not. */
  public double evidence(Article a, Article b) {
    return bind(a).evidence(b);
  }

  /**
   * {@link #evidence} of one article against many: its keys are parsed and its entities hashed once
   * (the dedup step compares the article it judges with up to {@code MAX_STORY_CANDIDATES} remembered
   * ones). For one thread.
   */
  public final class Bound {
    private final Article self;
    private final Parsed parsed;
    private final int[] entityHashes;
    private final int[] topicHashes;
    private final IdentityMemo<List<String>, Parsed> memo;

    private Bound(Article self) {
      this.self = self;
      this.memo = Parsed.MEMO.get();
      this.parsed = memo.get(self.keys());
      this.entityHashes = hashes(self.entities());
      this.topicHashes = hashes(self.topics());
    }

    /** {@code evidence(self, other)}. */
    public double evidence(Article other) {
      return evidence(other.eventTime(), other.entities(), other.topics(), other.keys());
    }

    /**
     * {@code evidence(self, new Article(eventTime, entities, topics, keys))} without building the
     * article: the lists are read as they are (unmodifiable ones, such as a remembered article's,
     * have their parsed keys memoised by identity).
     */
    public double evidence(long eventTime, List<String> entities, List<String> topics, List<String> keys) {
      return StoryMatcher.this.evidence(self, parsed, entityHashes, topicHashes, eventTime, entities, topics,
          memo.get(keys));
    }
  }

  /** A matcher of {@code a} against other articles ({@link Bound#evidence}). */
  public Bound bind(Article a) {
    return new Bound(a);
  }

  /**
   * The evidence of {@code a} (keys parsed as {@code x}, its entities' and topics' hash codes)
   * against the article of {@code bTime}, {@code bEntities}, {@code bTopics} and keys parsed as
   * {@code y}.
   */
  private double evidence(Article a, Parsed x, int[] entityHashes, int[] topicHashes, long bTime,
      List<String> bEntities, List<String> bTopics, Parsed y) {
    if (Math.abs(a.eventTime() - bTime) > windowMillis) {
      return -1;
    }
    if (!x.watches.equals(y.watches)) {
      return -1;
    }
    if (!Actions.DEFAULT.compatible(x.actions, y.actions)) {
      return -1;
    }
    long dayX = x.eventDay(settings.dayTolerance());
    long dayY = y.eventDay(settings.dayTolerance());
    boolean sameDay = false;
    if (dayX != NONE && dayY != NONE) {
      long gap = Math.abs(dayX - dayY);
      // a day apart is a time-zone or date-line shift of one event only when both name kinds of
      // action that can be one event; otherwise it is the next day's event (a signing on Monday, a
      // call on Tuesday), and a report that names no kind cannot tell
      if (gap > 1 || (gap == 1 && !agree(x.actions, y.actions))) {
        return -1;
      }
      sameDay = true;
    } else if (dayX != NONE && y.published != NONE && Math.abs(dayX - y.published) > settings.dayTolerance()) {
      return -1;
    } else if (dayY != NONE && x.published != NONE && Math.abs(dayY - x.published) > settings.dayTolerance()) {
      return -1;
    }
    int sharedActions = 0;
    for (String k : x.actions) {
      sharedActions += y.actions.contains(k) ? 1 : 0;
    }
    int sharedNames = x.sharedNames(y);
    int sharedQuantities = 0;
    for (int i = 0; i < x.quantities.length && y.quantities.length > 0; i++) {
      // a number found as the same key is found as the same amount: only a share or a key that is no
      // number needs the key itself
      if (Double.isNaN(x.amounts[i]) ? y.quantitySet.contains(x.quantities[i], 2, x.quantityHashes[i])
          : y.nearAmount(x.amounts[i])) {
        sharedQuantities++;
      }
    }
    int sharedDates = 0;
    for (long d : x.dates) {
      sharedDates += contains(y.dates, d) ? 1 : 0;
    }
    int sharedEntities = 0;
    List<String> entities = a.entities();
    for (int i = 0; i < entityHashes.length; i++) {
      sharedEntities += contains(bEntities, entities.get(i), entityHashes[i]) ? 1 : 0;
    }
    // the same actors are not the same event: without a shared feature of the event itself, only
    // a close overlap of the people, places and organisations counts
    boolean anchored = sharedActions > 0 || sameDay || sharedQuantities > 0 || sharedNames >= 2;
    int unionEntities = a.entities().size() + bEntities.size() - sharedEntities;
    double entityJaccard = unionEntities == 0 ? 0 : (double) sharedEntities / unionEntities;
    if (!anchored && entityJaccard < MIN_ACTOR_OVERLAP) {
      return 0;
    }
    return W_ENTITY * sharedEntities + W_NAME * Math.min(MAX_NAMES, sharedNames)
        + W_QUANTITY * sharedQuantities + (sharedActions > 0 ? W_ACTION : 0) + (sameDay ? W_DAY : 0)
        + W_DATE * sharedDates + W_TOPIC * topicOverlap(a.topics(), topicHashes, bTopics);
  }

  /**
   * {@code list.contains(s)} for a string {@code s} of hash code {@code hash}: compares the characters
   * only of strings with that hash code (a string keeps its hash code once computed, so most checks
   * read one field).
   */
  private static boolean contains(List<String> list, String s, int hash) {
    for (int i = 0, n = list.size(); i < n; i++) {
      String t = list.get(i);
      if (t == s || (t != null && t.hashCode() == hash && t.equals(s))) {
        return true;
      }
    }
    return false;
  }

  private static boolean contains(long[] values, long v) {
    for (long x : values) {
      if (x == v) {
        return true;
      }
    }
    return false;
  }

  /** True when both name kinds of action and they can be one event (see {@link Actions#compatible}). */
  static boolean agree(List<String> a, List<String> b) {
    return !a.isEmpty() && !b.isEmpty() && Actions.DEFAULT.compatible(a, b);
  }

  /**
   * Names two articles share: a name found by its capitals in both, or by its capitals in one and
   * among the caseless candidates (Arabic) of the other; two caseless candidates never count.
   */
  static int sharedNames(List<String> a, List<String> b) {
    int shared = 0;
    for (String n : a) {
      boolean caseless = n.startsWith(EventExtractor.CASELESS);
      String bare = caseless ? n.substring(EventExtractor.CASELESS.length()) : n;
      if (b.contains(bare) || (!caseless && b.contains(EventExtractor.CASELESS + n))) {
        shared++;
      }
    }
    return shared;
  }

  /** Least Jaccard overlap of the non-country entities of two articles that share no feature of the event. */
  public static final double MIN_ACTOR_OVERLAP = 0.4;

  /** Largest relative difference of two quantities taken as the same (rounding: 41,200 t and 41 thousand t). */
  public static final double QUANTITY_TOLERANCE = 0.03;

  /** A quantity key's amount, or NaN for a share (%) or a key that is no number. */
  static double amount(String q) {
    return amount(q, 0);
  }

  /**
   * {@link #amount} of {@code key.substring(from)}: up to 15 ASCII digits are read as they are (the
   * double {@link Double#parseDouble} gives for them, which is exact), anything else by it.
   */
  static double amount(String key, int from) {
    if (key.endsWith("%")) {
      return Double.NaN;
    }
    int n = key.length() - from;
    if (n > 0 && n <= 15) {
      long v = 0;
      int i = from;
      for (; i < key.length(); i++) {
        char c = key.charAt(i);
        if (c < '0' || c > '9') {
          break;
        }
        v = 10 * v + (c - '0');
      }
      if (i == key.length()) {
        return v;
      }
    }
    try {
      return Double.parseDouble(from == 0 ? key : key.substring(from));
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** Two amounts within {@link #QUANTITY_TOLERANCE} of each other; never for NaN. */
  static boolean sameAmount(double a, double b) {
    return !Double.isNaN(a) && !Double.isNaN(b)
        && Math.abs(a - b) <= QUANTITY_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
  }

  /**
   * Whether {@code sorted} (ascending, no NaN) holds an amount {@link #sameAmount} as {@code a}. The
   * amounts that are the same as a number form an interval around it (a positive number's lie in
   * [a(1-t), a/(1-t)], a negative's mirror that, zero's are zero), so one of the two amounts nearest
   * to {@code a} in sorted order is in it if any is.
   */
  static boolean anySameAmount(double a, double[] sorted) {
    if (Double.isNaN(a) || sorted.length == 0) {
      return false;
    }
    int i = java.util.Arrays.binarySearch(sorted, a);
    if (i >= 0) {
      return true;
    }
    int above = -i - 1;
    return (above < sorted.length && sameAmount(a, sorted[above])) || (above > 0 && sameAmount(a, sorted[above - 1]));
  }

  private static final long NONE = Long.MIN_VALUE;

  /**
   * {@code LocalDate.parse(iso).toEpochDay()}, read directly when {@code iso} is {@code yyyy-MM-dd}
   * (the form {@link EventKeys} writes; the day checked as {@link LocalDate#of} checks it) and by
   * {@link LocalDate#parse} otherwise: a remembered article's keys are parsed again whenever it falls
   * out of the memo, and the general parser costs more than the rest of the keys together.
   */
  static long epochDay(String iso) {
    return epochDay(iso, 0);
  }

  /** {@link #epochDay} of {@code key.substring(from)}, read in place when it is {@code yyyy-MM-dd}. */
  static long epochDay(String key, int from) {
    if (key.length() - from == 10 && key.charAt(from + 4) == '-' && key.charAt(from + 7) == '-') {
      int y = digits(key, from, from + 4);
      int m = digits(key, from + 5, from + 7);
      int d = digits(key, from + 8, from + 10);
      if (y >= 0 && m >= 0 && d >= 0) {
        return LocalDate.of(y, m, d).toEpochDay();
      }
    }
    return LocalDate.parse(from == 0 ? key : key.substring(from)).toEpochDay();
  }

  /** The ASCII decimal number in {@code s} from {@code from} to {@code to}, or -1 when a character is no digit. */
  private static int digits(String s, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = 10 * n + (c - '0');
    }
    return n;
  }

  /**
   * A small set of strings as their hash codes, sorted, with the strings in the same order: a
   * look-up reads one short int array (a remembered article's sets are seldom in the CPU cache) and
   * compares strings only on equal hashes. Same answers as a {@link java.util.HashSet}. Each value is
   * the part of a key from {@code from} on (the key without its tag): the keys are kept as they are,
   * so parsing an article's keys makes no substring per name or quantity.
   */
  private static final class Keys {
    static final Keys EMPTY = new Keys(new String[0], 0, 0);

    final int[] hashes;
    final String[] keys;
    final int from;

    /** The distinct values of the first {@code n} of {@code keys} (each from {@code from} on); takes the array. */
    Keys(String[] keys, int n, int from) {
      int[] h = new int[n];
      for (int i = 0; i < n; i++) {
        h[i] = hash(keys[i], from);
      }
      // insertion sort by hash code (a few dozen values at most), dropping a value already there
      int size = 0;
      for (int i = 0; i < n; i++) {
        String k = keys[i];
        int hk = h[i];
        boolean seen = false;
        for (int j = size - 1; j >= 0 && h[j] >= hk && !seen; j--) {
          seen = h[j] == hk && same(keys[j], from, k, from);
        }
        if (seen) {
          continue;
        }
        int j = size;
        while (j > 0 && h[j - 1] > hk) {
          h[j] = h[j - 1];
          keys[j] = keys[j - 1];
          j--;
        }
        h[j] = hk;
        keys[j] = k;
        size++;
      }
      this.hashes = size == n ? h : java.util.Arrays.copyOf(h, size);
      this.keys = size == keys.length ? keys : java.util.Arrays.copyOf(keys, size);
      this.from = from;
    }

    int size() {
      return keys.length;
    }

    /** Whether the part of {@code s} from {@code sFrom} on, whose hash code is {@code hash}, is in the set. */
    boolean contains(String s, int sFrom, int hash) {
      int i = java.util.Arrays.binarySearch(hashes, hash);
      if (i < 0) {
        return false;
      }
      while (i > 0 && hashes[i - 1] == hash) {
        i--;
      }
      for (; i < hashes.length && hashes[i] == hash; i++) {
        if (same(keys[i], from, s, sFrom)) {
          return true;
        }
      }
      return false;
    }
  }

  /** {@code s.substring(from).hashCode()}, without the substring. */
  static int hash(String s, int from) {
    int h = 0;
    for (int i = from, n = s.length(); i < n; i++) {
      h = 31 * h + s.charAt(i);
    }
    return h;
  }

  /** {@code a.substring(aFrom).equals(b.substring(bFrom))}, without the substrings. */
  static boolean same(String a, int aFrom, String b, int bFrom) {
    int n = a.length() - aFrom;
    return n == b.length() - bFrom && a.regionMatches(aFrom, b, bFrom, n);
  }

  /** The keys of one article, sorted by kind. */
  private record Parsed(List<String> actions, String[] quantities, double[] amounts,
      long[] dates, long stated, long published, List<String> watches,
      Keys capitalised, Keys caseless, Keys quantitySet, int[] quantityHashes, double[] sortedAmounts) {

    /** Whether one of this article's amounts is {@link #sameAmount} as {@code a}. */
    boolean nearAmount(double a) {
      return anySameAmount(a, sortedAmounts);
    }

    /** As {@link StoryMatcher#sharedNames} on the names of both, with sets. */
    int sharedNames(Parsed other) {
      int shared = 0;
      for (int i = 0; i < capitalised.size(); i++) {
        String n = capitalised.keys[i];
        int h = capitalised.hashes[i];
        shared += other.capitalised.contains(n, capitalised.from, h) || other.caseless.contains(n, capitalised.from, h)
            ? 1 : 0;
      }
      for (int i = 0; i < caseless.size(); i++) {
        shared += other.capitalised.contains(caseless.keys[i], caseless.from, caseless.hashes[i]) ? 1 : 0;
      }
      return shared;
    }

    /**
     * Parsed keys of recently compared articles by the identity of their key lists: the dedup step
     * compares a new article (one list) with remembered articles whose decoded entries hold theirs, so
     * the same list objects come back again and again; hashing and comparing 40 strings per look-up
     * cost more than parsing once did. An equal list in another object is parsed again, to the same
     * result. 4,096 slots: 9.5 % of the look-ups parse over the throughput benchmark's articles (3 % with
     * 16,384, but the larger memo's heap cost the all-in-one process more collector time than it saved).
     */
    private static final int MEMO_SLOTS = 4096;
    private static final ThreadLocal<IdentityMemo<List<String>, Parsed>> MEMO =
        ThreadLocal.withInitial(() -> new IdentityMemo<>(MEMO_SLOTS, Parsed::of));

    /** A name key's caseless mark, right after its tag: {@code n:~...}. */
    private static final int CASELESS_AT = 2;

    /**
     * Parses the keys where they are: names and quantities stay whole keys read from their third
     * character on (no substring each), a day is read in place, an amount made of digits alone is read
     * without the general number parser, and no hash set is built (a remembered article's keys are
     * parsed again whenever it falls out of the memo: this was a fifth of what the processor's stream
     * threads allocated).
     */
    static Parsed of(List<String> keys) {
      int n = keys.size();
      List<String> actions = List.of();
      String[] capitalised = null;
      int capitalisedCount = 0;
      String[] caseless = null;
      int caselessCount = 0;
      String[] quantities = null;
      int quantityCount = 0;
      long[] dates = null;
      int dateCount = 0;
      long stated = NONE;
      long published = NONE;
      String watch = null;
      java.util.TreeSet<String> watches = null;
      for (int i = 0; i < n; i++) {
        String k = keys.get(i);
        if (k.length() < 2) {
          k.substring(2); // what reading the key's value did: the same exception
        }
        switch (k.charAt(0)) {
          case 'a' -> {
            if (actions.isEmpty()) {
              actions = new java.util.ArrayList<>(2);
            }
            actions.add(k.substring(2));
          }
          case 'n' -> {
            if (k.startsWith(EventExtractor.CASELESS, CASELESS_AT)) {
              caseless = grown(caseless, caselessCount, n);
              caseless[caselessCount++] = k;
            } else {
              capitalised = grown(capitalised, capitalisedCount, n);
              capitalised[capitalisedCount++] = k;
            }
          }
          case 'q' -> {
            quantities = grown(quantities, quantityCount, n);
            quantities[quantityCount++] = k;
          }
          case 't', 'd' -> {
            long day = epochDay(k, 2);
            if (k.charAt(0) == 'd') {
              stated = day;
            }
            if (dates == null) {
              dates = new long[4];
            } else if (dateCount == dates.length) {
              dates = java.util.Arrays.copyOf(dates, 2 * dateCount);
            }
            dates[dateCount++] = day;
          }
          case 'p' -> published = epochDay(k, 2);
          case 'w' -> {
            // distinct and sorted: two articles' watches are the same set when the lists are equal
            String w = k.substring(2);
            if (watches != null) {
              watches.add(w);
            } else if (watch == null || watch.equals(w)) {
              watch = w;
            } else {
              watches = new java.util.TreeSet<>();
              watches.add(watch);
              watches.add(w);
            }
          }
          default -> { }
        }
      }
      String[] q = quantityCount == 0 ? NO_KEYS : java.util.Arrays.copyOf(quantities, quantityCount);
      double[] amounts = new double[quantityCount];
      int[] quantityHashes = new int[quantityCount];
      double[] sorted = new double[quantityCount];
      int numbers = 0;
      for (int i = 0; i < quantityCount; i++) {
        amounts[i] = amount(q[i], 2);
        quantityHashes[i] = hash(q[i], 2);
        if (!Double.isNaN(amounts[i])) {
          sorted[numbers++] = amounts[i];
        }
      }
      if (numbers < sorted.length) {
        sorted = java.util.Arrays.copyOf(sorted, numbers);
      }
      java.util.Arrays.sort(sorted);
      List<String> watchList = watches != null ? List.copyOf(watches) : watch != null ? List.of(watch) : List.of();
      return new Parsed(actions, q, amounts, dateCount == 0 ? NO_DATES : java.util.Arrays.copyOf(dates, dateCount),
          stated, published, watchList,
          capitalisedCount == 0 ? Keys.EMPTY : new Keys(capitalised, capitalisedCount, 2),
          caselessCount == 0 ? Keys.EMPTY
              : new Keys(caseless, caselessCount, CASELESS_AT + EventExtractor.CASELESS.length()),
          quantityCount == 0 ? Keys.EMPTY : new Keys(q.clone(), quantityCount, 2), quantityHashes, sorted);
    }

    private static final String[] NO_KEYS = new String[0];
    private static final long[] NO_DATES = new long[0];

    /** {@code a} with room for one more after {@code count}: allocated at {@code most} on first use. */
    private static String[] grown(String[] a, int count, int most) {
      return a == null ? new String[Math.min(most, 8)] : count < a.length ? a : java.util.Arrays.copyOf(a, 2 * a.length);
    }

    /**
     * The stated day when it can be the event's: not more than {@code tolerance} days before the
     * publication day nor after the day following it (an earlier date in the lead is background:
     * "the ship that left Aktau on 14 June has arrived").
     */
    long eventDay(int tolerance) {
      if (stated == NONE || published == NONE) {
        return stated;
      }
      return stated >= published - tolerance && stated <= published + 1 ? stated : NONE;
    }
  }

  /** True when the evidence reaches the threshold. */
  public boolean sameEvent(Article a, Article b) {
    return evidence(a, b) >= settings.minEvidence();
  }

  /** The share of topics of {@code a} (hash codes {@code hashes}) found in {@code b}, over their union. */
  private static double topicOverlap(List<String> a, int[] hashes, List<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    int shared = 0;
    for (int i = 0; i < hashes.length; i++) {
      shared += contains(b, a.get(i), hashes[i]) ? 1 : 0;
    }
    return (double) shared / (a.size() + b.size() - shared);
  }

  /** The hash codes of a list's strings (0 for null), in order. */
  private static int[] hashes(List<String> list) {
    int[] out = new int[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = java.util.Objects.hashCode(list.get(i));
    }
    return out;
  }
}
