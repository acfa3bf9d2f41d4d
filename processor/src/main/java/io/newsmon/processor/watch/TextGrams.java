package io.newsmon.processor.watch;

import io.newsmon.processor.text.Token;
import io.newsmon.processor.text.Word;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The words of an article as hashed character n-grams, for the relevance model's text weights
 * (decision 0042): every word of the title and the body, folded, between boundary marks
 * ({@code <word>}), gives its n-grams of {@value #MIN} to {@value #MAX} characters, each hashed into
 * one of {@value #BUCKETS} buckets. A name of either side is one placeholder word ({@code <§>}), so
 * that what is learned is how a text speaks of the two, not which of their names it uses. Words of
 * scripts written without spaces (a run of Han or Thai is one word) are read from the text as written,
 * with the characters of a name replaced by the placeholder.
 *
 * <p>The result is the set of buckets present (each counted once) in ascending order; each weighs
 * {@code 1 / sqrt(max(size, SHORT))} in the model ({@link #SHORT}). Pure and
 * deterministic: the hash is FNV-1a over the n-gram's UTF-16 chars, the same on every JVM.
 */
public record TextGrams(int[] buckets, Source source) {

  /** What the n-grams were read from, kept (not copied) to list the article's words when asked. */
  record Source(String title, List<Token> titleTokens, List<Watch.Mention> titleMentions, String text,
      List<Token> tokens, List<Watch.Mention> mentions) {}

  /**
   * A word of the article as written ({@code shown}) with its n-grams' buckets (the memo of its folded
   * form), or a run of a script without spaces as written with its names replaced ({@code grams} null):
   * what the n-grams came from, to say which words weighed most in a verdict
   * ({@link RelevanceModel#weighing}).
   */
  public record Unit(String shown, int[] grams) {}

  /** At most this many distinct words are kept to explain a verdict (the buckets count every word). */
  static final int MAX_UNITS = 4_000;
  /** A run of a script without spaces is kept to explain a verdict up to this many chars. */
  static final int MAX_RUN_SHOWN = 2_000;

  /** Hash buckets (a power of two). */
  public static final int BUCKETS = 1 << 15;
  /** Shortest n-gram, in chars (with the boundary marks). */
  public static final int MIN = 3;
  /** Longest n-gram, in chars. */
  public static final int MAX = 5;
  /** The placeholder for a name of either side. */
  static final char NAME = '§';

  /** No text read (the model judges the article by its other features alone). */
  public static final TextGrams NONE = new TextGrams(new int[0], null);

  private static final Word.Slot<int[]> GRAMS = Word.slot(TextGrams::gramsOf);
  private static final int[] NAME_GRAMS = gramsOf(String.valueOf(NAME));

  /** Per thread: which buckets the current article has (one bit each). */
  private static final ThreadLocal<long[]> SEEN = ThreadLocal.withInitial(() -> new long[BUCKETS / 64]);

  /**
   * Up to this many distinct n-grams every bucket present weighs the same, {@code 1 / sqrt(SHORT)}: the
   * articles of the labelled set have about 600 (the median) and one-sentence reports about 250, so a
   * short report is judged by its few words less strongly than a whole article by its many; only
   * pages longer than about twice the median have the weight of each bucket shrink with their length.
   * Chosen between 600 and 1,200 by cross-validation and two unseen training parts (decision 0042).
   */
  public static final int SHORT = 1200;

  /** The weight each present bucket carries: {@code 1 / sqrt(max(size, SHORT))}. */
  public double value() {
    return buckets.length == 0 ? 0 : 1 / Math.sqrt(Math.max(buckets.length, SHORT));
  }

  /**
   * The n-grams of a title and a body, each with its tokens and the mentions of the two sides found in
   * it.
   */
  static TextGrams of(String title, List<Token> titleTokens, List<Watch.Mention> titleMentions, String text,
      List<Token> tokens, List<Watch.Mention> mentions) {
    long[] seen = SEEN.get();
    Arrays.fill(seen, 0);
    List<Watch.Mention> inTitle = byStart(titleMentions);
    List<Watch.Mention> inText = byStart(mentions);
    int count = add(title, titleTokens, inTitle, seen, null, null) + add(text, tokens, inText, seen, null, null);
    int[] out = new int[count];
    int n = 0;
    for (int i = 0; i < seen.length; i++) {
      long bits = seen[i];
      while (bits != 0) {
        out[n++] = i * 64 + Long.numberOfTrailingZeros(bits);
        bits &= bits - 1;
      }
    }
    return new TextGrams(n == count ? out : Arrays.copyOf(out, n),
        new Source(title, titleTokens, inTitle, text, tokens, inText));
  }

  /**
   * The distinct words of the title and the body as written, and the runs of scripts without spaces with
   * their names replaced (at most {@value #MAX_UNITS}), read again from the source: for explaining a
   * verdict, which is rarer than judging one.
   */
  public List<Unit> units() {
    if (source == null) {
      return List.of();
    }
    List<Unit> units = new ArrayList<>();
    java.util.Set<String> forms = new java.util.HashSet<>();
    long[] scratch = new long[BUCKETS / 64];
    add(source.title(), source.titleTokens(), source.titleMentions(), scratch, units, forms);
    add(source.text(), source.tokens(), source.mentions(), scratch, units, forms);
    return units;
  }

  /** The mentions in text order (names found by sound are appended after the others). */
  private static List<Watch.Mention> byStart(List<Watch.Mention> mentions) {
    for (int i = 1; i < mentions.size(); i++) {
      if (mentions.get(i).start() < mentions.get(i - 1).start()) {
        List<Watch.Mention> sorted = new ArrayList<>(mentions);
        sorted.sort(Comparator.comparingInt(Watch.Mention::start));
        return sorted;
      }
    }
    return mentions;
  }

  /** Marks the buckets of one text; returns how many were new. */
  private static int add(String text, List<Token> tokens, List<Watch.Mention> mentions, long[] seen, List<Unit> units,
      java.util.Set<String> forms) {
    int added = 0;
    int m = 0;
    for (int t = 0; t < tokens.size(); t++) {
      Token token = tokens.get(t);
      while (m < mentions.size() && mentions.get(m).end() <= token.start()) {
        m++;
      }
      boolean inName = m < mentions.size() && mentions.get(m).start() < token.end();
      if (token.is(Token.NO_SPACE)) {
        added += addRun(text, token.start(), token.end(), mentions, m, seen, units);
      } else {
        added += mark(inName ? NAME_GRAMS : token.word().get(GRAMS), seen);
        if (units != null && !inName && units.size() < MAX_UNITS && forms.add(token.form())) {
          units.add(new Unit(text.substring(token.start(), token.end()), token.word().get(GRAMS)));
        }
      }
    }
    return added;
  }

  /**
   * A run of a script without spaces, as written, with the names in it replaced by the placeholder: its
   * n-grams are marked as they are read (a run may be as long as the text; nothing of its size is kept).
   */
  private static int addRun(String text, int start, int end, List<Watch.Mention> mentions, int m, long[] seen,
      List<Unit> units) {
    Window w = new Window(seen);
    StringBuilder shown = units == null ? null : new StringBuilder(Math.min(end - start, MAX_RUN_SHOWN));
    w.push('<');
    int i = start;
    while (i < end) {
      while (m < mentions.size() && mentions.get(m).end() <= i) {
        m++;
      }
      char c;
      if (m < mentions.size() && mentions.get(m).start() <= i) {
        c = NAME;
        i = Math.min(end, mentions.get(m).end());
      } else {
        c = Character.toLowerCase(text.charAt(i));
        i++;
      }
      w.push(c);
      if (shown != null && shown.length() < MAX_RUN_SHOWN) {
        shown.append(c);
      }
    }
    w.push('>');
    if (units != null && units.size() < MAX_UNITS) {
      units.add(new Unit(shown.toString(), null));
    }
    return w.finish();
  }

  /**
   * The last {@value #MAX} chars of a word or run: each char pushed takes the n-grams ending with it,
   * marking them in {@code seen} or, where that is null, collecting them. The one place n-grams are
   * made, for words and runs alike.
   */
  private static final class Window {
    private final char[] last = new char[MAX];
    private final long[] seen;
    private int[] collected;
    private int count;
    private int length;
    private int added;

    Window(long[] seen) {
      this.seen = seen;
      this.collected = seen == null ? new int[16] : null;
    }

    void push(char c) {
      System.arraycopy(last, 1, last, 0, MAX - 1);
      last[MAX - 1] = c;
      length++;
      for (int n = MIN; n <= Math.min(MAX, length); n++) {
        take(bucket(last, MAX - n, MAX));
      }
    }

    /** The new buckets; a word or run shorter than the shortest n-gram is one n-gram. */
    int finish() {
      if (length < MIN) {
        take(bucket(last, MAX - length, MAX));
      }
      return added;
    }

    int[] collected() {
      return Arrays.copyOf(collected, count);
    }

    private void take(int b) {
      if (seen != null) {
        added += markOne(b, seen);
        return;
      }
      if (count == collected.length) {
        collected = Arrays.copyOf(collected, count * 2);
      }
      collected[count++] = b;
    }
  }

  private static int mark(int[] buckets, long[] seen) {
    int added = 0;
    for (int b : buckets) {
      added += markOne(b, seen);
    }
    return added;
  }

  /** Sets bucket {@code b}'s bit; 1 when it was not set. */
  private static int markOne(int b, long[] seen) {
    long bit = 1L << (b & 63);
    if ((seen[b >>> 6] & bit) != 0) {
      return 0;
    }
    seen[b >>> 6] |= bit;
    return 1;
  }

  /** The buckets of one folded word's n-grams (memoised per word through {@link #GRAMS}). */
  static int[] gramsOf(String form) {
    Window w = new Window(null);
    w.push('<');
    for (int i = 0; i < form.length(); i++) {
      w.push(form.charAt(i));
    }
    w.push('>');
    w.finish();
    return w.collected();
  }

  /** The bucket of one n-gram given as a string (to name the n-grams of a verdict's note). */
  static int bucket(String gram) {
    return bucket(gram.toCharArray(), 0, gram.length());
  }

  private static int bucket(char[] w, int from, int to) {
    int h = FNV_START;
    for (int i = from; i < to; i++) {
      h = (h ^ w[i]) * FNV_PRIME;
    }
    return spread(h);
  }

  private static final int FNV_START = 0x811c9dc5;
  private static final int FNV_PRIME = 0x01000193;

  private static int spread(int h) {
    return (h ^ (h >>> 15)) & (BUCKETS - 1);
  }
}
