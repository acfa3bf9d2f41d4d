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
    for (int i = 0; i < x.quantities.size() && !y.quantities.isEmpty(); i++) {
      // a number found as the same key is found as the same amount: only a share or a key that is no
      // number needs the key itself
      if (Double.isNaN(x.amounts[i]) ? y.quantitySet.contains(x.quantities.get(i), x.quantityHashes[i])
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
    if (q.endsWith("%")) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(q);
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
    if (iso.length() == 10 && iso.charAt(4) == '-' && iso.charAt(7) == '-') {
      int y = digits(iso, 0, 4);
      int m = digits(iso, 5, 7);
      int d = digits(iso, 8, 10);
      if (y >= 0 && m >= 0 && d >= 0) {
        return LocalDate.of(y, m, d).toEpochDay();
      }
    }
    return LocalDate.parse(iso).toEpochDay();
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
   * compares strings only on equal hashes. Same answers as a {@link java.util.HashSet}.
   */
  private static final class Keys {
    final int[] hashes;
    final String[] values;

    Keys(java.util.Set<String> distinct) {
      String[] v = distinct.toArray(new String[0]);
      java.util.Arrays.sort(v, java.util.Comparator.comparingInt(String::hashCode));
      int[] h = new int[v.length];
      for (int i = 0; i < v.length; i++) {
        h[i] = v[i].hashCode();
      }
      this.hashes = h;
      this.values = v;
    }

    int size() {
      return values.length;
    }

    /** Whether {@code s}, whose hash code is {@code hash}, is in the set. */
    boolean contains(String s, int hash) {
      int i = java.util.Arrays.binarySearch(hashes, hash);
      if (i < 0) {
        return false;
      }
      while (i > 0 && hashes[i - 1] == hash) {
        i--;
      }
      for (; i < hashes.length && hashes[i] == hash; i++) {
        if (values[i].equals(s)) {
          return true;
        }
      }
      return false;
    }
  }

  /** The keys of one article, sorted by kind. */
  private record Parsed(List<String> actions, List<String> names, List<String> quantities, double[] amounts,
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
        String n = capitalised.values[i];
        int h = capitalised.hashes[i];
        shared += other.capitalised.contains(n, h) || other.caseless.contains(n, h) ? 1 : 0;
      }
      for (int i = 0; i < caseless.size(); i++) {
        shared += other.capitalised.contains(caseless.values[i], caseless.hashes[i]) ? 1 : 0;
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

    static Parsed of(List<String> keys) {
      List<String> actions = new java.util.ArrayList<>(2);
      List<String> names = new java.util.ArrayList<>();
      List<String> quantities = new java.util.ArrayList<>();
      long[] dates = new long[4];
      int dateCount = 0;
      long stated = NONE;
      long published = NONE;
      // distinct and sorted: two articles' watches are the same set when the lists are equal
      java.util.Set<String> watches = new java.util.TreeSet<>();
      for (String k : keys) {
        String v = k.substring(2);
        switch (k.charAt(0)) {
          case 'a' -> actions.add(v);
          case 'n' -> names.add(v);
          case 'q' -> quantities.add(v);
          case 't', 'd' -> {
            long day = epochDay(v);
            if (k.charAt(0) == 'd') {
              stated = day;
            }
            if (dateCount == dates.length) {
              dates = java.util.Arrays.copyOf(dates, 2 * dateCount);
            }
            dates[dateCount++] = day;
          }
          case 'p' -> published = epochDay(v);
          case 'w' -> watches.add(v);
          default -> { }
        }
      }
      double[] amounts = new double[quantities.size()];
      for (int i = 0; i < amounts.length; i++) {
        amounts[i] = amount(quantities.get(i));
      }
      java.util.Set<String> capitalised = new java.util.HashSet<>();
      java.util.Set<String> caseless = new java.util.HashSet<>();
      for (String n : names) {
        if (n.startsWith(EventExtractor.CASELESS)) {
          caseless.add(n.substring(EventExtractor.CASELESS.length()));
        } else {
          capitalised.add(n);
        }
      }
      double[] sorted = new double[amounts.length];
      int numbers = 0;
      for (double v : amounts) {
        if (!Double.isNaN(v)) {
          sorted[numbers++] = v;
        }
      }
      sorted = java.util.Arrays.copyOf(sorted, numbers);
      java.util.Arrays.sort(sorted);
      int[] quantityHashes = new int[quantities.size()];
      for (int i = 0; i < quantityHashes.length; i++) {
        quantityHashes[i] = quantities.get(i).hashCode();
      }
      return new Parsed(actions, names, quantities, amounts, java.util.Arrays.copyOf(dates, dateCount),
          stated, published, List.copyOf(watches), new Keys(capitalised), new Keys(caseless),
          new Keys(new java.util.HashSet<>(quantities)), quantityHashes, sorted);
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
