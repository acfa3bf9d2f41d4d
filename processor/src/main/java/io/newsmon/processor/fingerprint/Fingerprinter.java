package io.newsmon.processor.fingerprint;

import io.newsmon.common.util.Hashing;
import io.newsmon.processor.text.Segmenter;
import io.newsmon.processor.text.TextNormalizer;
import io.newsmon.processor.text.Token;
import io.newsmon.processor.text.Tokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Computes the exact-copy hash and the near-duplicate {@link Fingerprint} of an article text.
 *
 * <p>What republishing changes is kept out of the features: lines shorter than
 * {@value #MIN_LINE_WORDS} words (menus, bylines, "read also", dates, captions) and lines of at most
 * {@value #FURNITURE_MAX_CHARS} characters with links or copyright marks are dropped; a dateline or agency prefix ({@code RABAT (MAP) -},
 * {@code ASTANA, 3 March. Kazinform –}, {@code الرباط - و م ع:}) is cut from the first line. Shingles
 * of {@value #SHINGLE} words are taken inside sentences only, so swapping paragraphs changes
 * nothing. Words are folded ({@link TextNormalizer#fold}), so Arabic letter variants, diacritics,
 * tatweel and invisible characters change nothing either.
 */
public final class Fingerprinter {

  /** Words per shingle. */
  public static final int SHINGLE = 3;
  /** A shingle hash is sampled when it is divisible by this. */
  public static final int SAMPLE_MODULUS = 8;
  /** How many smallest shingle hashes serve as lookup keys. */
  public static final int MINIMA = 8;
  /** Shingles at the start of a text whose smallest hashes are kept as {@link Fingerprint#leading}. */
  public static final int LEADING_SHINGLES = 24;
  /** Lines with fewer words are treated as page furniture, not content. */
  public static final int MIN_LINE_WORDS = 6;
  /** Only lines up to this many characters are checked for links and copyright notices. */
  public static final int FURNITURE_MAX_CHARS = 300;

  private static final Pattern DATELINE = Pattern.compile(
      "^\\s*[^!?؟\\n]{2,80}?(?:\\([^()\\n]{1,30}\\))?\\s*[-–—:]\\s+");
  /** Lower-case markers of page furniture: links and copyright notices. */
  private static final List<String> FURNITURE_MARKERS = List.of("http://", "https://", "www.", "©",
      "all rights reserved", "tous droits réservés", "جميع الحقوق محفوظة", "все права защищены",
      "todos los derechos reservados");
  static final Pattern COPYRIGHT_YEAR = Pattern.compile("\\(c\\)\\s*\\d{4}");

  private Fingerprinter() {}

  /** Hex SHA-256 of the normalised text ({@link TextNormalizer#normalize}). */
  public static String contentHash(String text) {
    return Hashing.sha256Hex(TextNormalizer.normalize(text));
  }

  /** Hex SHA-256 of the normalised text given as its tokens (saves tokenising again). */
  public static String contentHash(List<Token> tokens) {
    // the UTF-8 of the forms joined by spaces, gathered in the thread's buffer and digested at once
    Digest d = DIGEST.get();
    d.md.reset();
    byte[] buffer = d.buffer;
    int n = 0;
    for (int i = 0; i < tokens.size(); i++) {
      byte[] utf8 = tokens.get(i).word().utf8();
      if (n + utf8.length + 1 > buffer.length) {
        d.md.update(buffer, 0, n);
        n = 0;
        if (utf8.length + 1 > buffer.length) {
          if (i > 0) {
            d.md.update((byte) ' ');
          }
          d.md.update(utf8);
          continue;
        }
      }
      if (i > 0) {
        buffer[n++] = ' ';
      }
      System.arraycopy(utf8, 0, buffer, n, utf8.length);
      n += utf8.length;
    }
    d.md.update(buffer, 0, n);
    return java.util.HexFormat.of().formatHex(d.md.digest());
  }

  /** A thread's SHA-256 (reset by each digest) and buffer. */
  private static final class Digest {
    final java.security.MessageDigest md;
    final byte[] buffer = new byte[8192];

    Digest() {
      try {
        md = java.security.MessageDigest.getInstance("SHA-256");
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException("the JDK has no SHA-256", e);
      }
    }
  }

  private static final ThreadLocal<Digest> DIGEST = ThreadLocal.withInitial(Digest::new);

  public static Fingerprint fingerprint(String text) {
    String t = text == null ? "" : text;
    return fingerprint(t, Tokenizer.tokenize(t));
  }

  /** The fingerprint of {@code text}, whose tokens are {@code tokens}. */
  public static Fingerprint fingerprint(String text, List<Token> tokens) {
    return fingerprint(tokens, contentSentences(text, tokens));
  }

  /** The fingerprint of a text given as its tokens and its {@link #contentSentences}. */
  public static Fingerprint fingerprint(List<Token> tokens, List<int[]> sentences) {
    Scratch scratch = Scratch.get();
    int words = tokens.size();
    long[] wordHashes = scratch.longs(Scratch.WORD_HASHES, words);
    for (int i = 0; i < words; i++) {
      wordHashes[i] = tokens.get(i).word().hash();
    }
    long[] raw = scratch.longs(Scratch.RAW, Math.max(1, words));
    int count = 0;
    for (int[] sentence : sentences) {
      int from = sentence[0];
      int to = sentence[1];
      int last = to - from < SHINGLE ? from : to - SHINGLE;
      int width = Math.min(SHINGLE, to - from);
      for (int i = from; i <= last; i++) {
        long h = 0x9E3779B97F4A7C15L;
        for (int j = i; j < i + width; j++) {
          h = mix(h * 31 + wordHashes[j]);
        }
        if (count == raw.length) {
          raw = scratch.grownRaw(raw, count);
        }
        raw[count++] = h;
      }
    }
    long[] leading = Arrays.copyOf(raw, Math.min(LEADING_SHINGLES, count));
    Arrays.sort(leading);
    int distinctLeading = 0;
    for (int i = 0; i < leading.length && distinctLeading < MINIMA; i++) {
      if (distinctLeading == 0 || leading[i] != leading[distinctLeading - 1]) {
        leading[distinctLeading++] = leading[i];
      }
    }
    leading = Arrays.copyOf(leading, distinctLeading);
    // the distinct shingles through a hash set (no sort of them all): their number, the bit votes of
    // the simhash, the sampled ones (sorted) and the smallest ones
    int unique = 0;
    int cap = Integer.highestOneBit(Math.max(4, count) * 2) * 2;
    long[] table = scratch.longs(Scratch.TABLE, cap);
    boolean[] used = scratch.used(cap);
    long[] sampleBuffer = scratch.longs(Scratch.SAMPLES, count);
    int samples = 0;
    long[] minima = new long[MINIMA];
    int minimaCount = 0;
    BitVotes votes = new BitVotes();
    for (int i = 0; i < count; i++) {
      long f = raw[i];
      int slot = (int) mix(f) & (cap - 1);
      boolean seen = false;
      while (used[slot]) {
        if (table[slot] == f) {
          seen = true;
          break;
        }
        slot = (slot + 1) & (cap - 1);
      }
      if (seen) {
        continue;
      }
      used[slot] = true;
      table[slot] = f;
      unique++;
      votes.add(f);
      if (Long.remainderUnsigned(f, SAMPLE_MODULUS) == 0) {
        sampleBuffer[samples++] = f;
      }
      if (minimaCount < MINIMA || f < minima[MINIMA - 1]) {
        int at = Math.min(minimaCount, MINIMA - 1);
        while (at > 0 && minima[at - 1] > f) {
          minima[at] = minima[at - 1];
          at--;
        }
        minima[at] = f;
        minimaCount = Math.min(MINIMA, minimaCount + 1);
      }
    }
    int[] ones = votes.ones();
    long simhash = 0;
    for (int b = 0; b < 64; b++) {
      // each bit votes +1 when set, -1 when not: the vote is 2 * ones - n
      if (2 * ones[b] - unique > 0) {
        simhash |= 1L << b;
      }
    }
    minima = Arrays.copyOf(minima, minimaCount);
    long[] s = Arrays.copyOf(sampleBuffer, samples);
    Arrays.sort(s);
    return new Fingerprint(simhash, s, minima, unique, leading);
  }

  /**
   * The working arrays of {@link #fingerprint(List, List)}, kept by each thread from one text to the
   * next (they were a fifth of what the analysis of an article allocated outside language detection
   * and the watches): only what the fingerprint keeps is allocated per text. Arrays grown past
   * {@value #KEPT} elements for a very long text are not kept.
   */
  private static final class Scratch {
    private static final int KEPT = 1 << 16;
    private static final ThreadLocal<Scratch> PER_THREAD = ThreadLocal.withInitial(Scratch::new);
    /** Which of the long arrays. */
    static final int WORD_HASHES = 0;
    static final int RAW = 1;
    static final int TABLE = 2;
    static final int SAMPLES = 3;

    private final long[][] longs = {new long[0], new long[0], new long[0], new long[0]};
    private boolean[] used = new boolean[0];

    static Scratch get() {
      return PER_THREAD.get();
    }

    /** Long array {@code which} with at least {@code n} elements; what it held is of no use. */
    long[] longs(int which, int n) {
      long[] a = longs[which].length >= n ? longs[which] : new long[n];
      longs[which] = a.length > KEPT ? new long[0] : a;
      return a;
    }

    /** {@code current} (the raw shingles' array) with room for more, its first {@code count} kept. */
    long[] grownRaw(long[] current, int count) {
      long[] a = Arrays.copyOf(current, count * 2);
      longs[RAW] = a.length > KEPT ? new long[0] : a;
      return a;
    }

    /** {@code n} flags, all false. */
    boolean[] used(int n) {
      boolean[] a = used.length >= n ? used : new boolean[n];
      Arrays.fill(a, 0, n, false);
      used = a.length > KEPT ? new boolean[0] : a;
      return a;
    }
  }


  /**
   * The number of values with each of the 64 bits set, counted eight bits at a time: a table gives
   * the eight bits of a byte spread one per byte of a long, so one addition counts eight bits, in
   * byte-wide lanes emptied before they can overflow.
   */
  private static final class BitVotes {
    private static final long[] SPREAD = new long[256];

    static {
      for (int b = 0; b < 256; b++) {
        long v = 0;
        for (int k = 0; k < 8; k++) {
          if ((b & (1 << k)) != 0) {
            v |= 1L << (8 * k);
          }
        }
        SPREAD[b] = v;
      }
    }

    private final long[] lanes = new long[8];
    private final int[] ones = new int[64];
    private int pending;

    void add(long f) {
      for (int j = 0; j < 8; j++) {
        lanes[j] += SPREAD[(int) (f >>> (8 * j)) & 0xFF];
      }
      if (++pending == 255) {
        flush();
      }
    }

    private void flush() {
      for (int j = 0; j < 8; j++) {
        long lane = lanes[j];
        for (int k = 0; k < 8; k++) {
          ones[8 * j + k] += (int) ((lane >>> (8 * k)) & 0xFF);
        }
        lanes[j] = 0;
      }
      pending = 0;
    }

    int[] ones() {
      flush();
      return ones;
    }
  }

  /**
   * The content sentences (see the class comment) as token index ranges {@code [from, to)}.
   */
  public static List<int[]> contentSentences(String text, List<Token> tokens) {
    List<int[]> out = new ArrayList<>();
    List<Segmenter.Span> paragraphs = Segmenter.paragraphs(text);
    List<Segmenter.Span> sentences = Segmenter.sentences(text, paragraphs);
    boolean first = true;
    int ti = 0;
    int si = 0;
    for (Segmenter.Span p : paragraphs) {
      while (ti < tokens.size() && tokens.get(ti).start() < p.start()) {
        ti++;
      }
      int pFrom = ti;
      int pTo = pFrom;
      while (pTo < tokens.size() && tokens.get(pTo).end() <= p.end()) {
        pTo++;
      }
      ti = pTo;
      while (si < sentences.size() && sentences.get(si).start() < p.start()) {
        si++;
      }
      if (pTo - pFrom < MIN_LINE_WORDS || isFurniture(text, p)) {
        continue;
      }
      int contentStart = p.start();
      if (first) {
        first = false;
        String line = text.substring(p.start(), p.end());
        String stripped = stripDateline(line);
        contentStart = p.start() + (line.length() - stripped.length());
      }
      int k = pFrom;
      for (int s = si; s < sentences.size() && sentences.get(s).start() < p.end(); s++) {
        Segmenter.Span sentence = sentences.get(s);
        while (k < pTo && (tokens.get(k).start() < sentence.start() || tokens.get(k).start() < contentStart)) {
          k++;
        }
        int end = k;
        while (end < pTo && tokens.get(end).end() <= sentence.end()) {
          end++;
        }
        if (end > k) {
          out.add(new int[] {k, end});
        }
        k = end;
      }
    }
    if (out.isEmpty() && !tokens.isEmpty()) {
      // a short text: everything is content, one sentence at a time
      int k = 0;
      for (Segmenter.Span sentence : sentences) {
        int end = k;
        while (end < tokens.size() && tokens.get(end).end() <= sentence.end()) {
          end++;
        }
        if (end > k) {
          out.add(new int[] {k, end});
        }
        k = end;
      }
    }
    return out;
  }

  /** Short lines with links or copyright notices; long paragraphs are content whatever they contain. */
  private static boolean isFurniture(String text, Segmenter.Span p) {
    if (p.end() - p.start() > FURNITURE_MAX_CHARS) {
      return false;
    }
    String line = text.substring(p.start(), p.end()).toLowerCase(java.util.Locale.ROOT);
    for (String marker : FURNITURE_MARKERS) {
      if (line.contains(marker)) {
        return true;
      }
    }
    return hasCopyrightYear(line);
  }

  /** {@link #COPYRIGHT_YEAR} found in {@code line}, read by hand (the pattern is the specification). */
  static boolean hasCopyrightYear(String line) {
    for (int at = line.indexOf("(c)"); at >= 0; at = line.indexOf("(c)", at + 1)) {
      int j = at + 3;
      while (j < line.length() && isRegexSpace(line.charAt(j))) {
        j++;
      }
      int digits = 0;
      while (digits < 4 && j + digits < line.length() && line.charAt(j + digits) >= '0' && line.charAt(j + digits) <= '9') {
        digits++;
      }
      if (digits == 4) {
        return true;
      }
    }
    return false;
  }

  /** The white space of {@code \s} in a pattern without Unicode classes. */
  private static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /** Cuts a leading dateline / agency prefix of at most eight words. */
  static String stripDateline(String line) {
    Matcher m = DATELINE.matcher(line);
    if (m.lookingAt() && Tokenizer.count(line, m.start(), m.end(), 9) <= 8
        && Tokenizer.count(line, m.end(), line.length(), MIN_LINE_WORDS) >= MIN_LINE_WORDS) {
      return line.substring(m.end());
    }
    return line;
  }

  /** 64-bit FNV-1a with a final avalanche (SplitMix64), stable across JVMs. */
  static long hash(String s) {
    return io.newsmon.processor.text.Word.fnv(s);
  }

  private static long mix(long h) {
    return io.newsmon.processor.text.Word.mix(h);
  }
}
