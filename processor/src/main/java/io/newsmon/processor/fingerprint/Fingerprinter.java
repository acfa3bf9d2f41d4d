package io.newsmon.processor.fingerprint;

import io.newsmon.common.util.Hashing;
import io.newsmon.processor.text.Segmenter;
import io.newsmon.processor.text.TextNormalizer;
import io.newsmon.processor.text.Token;
import io.newsmon.processor.text.Tokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Computes the exact-copy hash and the near-duplicate {@link Fingerprint} of an article text.
 *
 * <p>What republishing changes is kept out of the features: lines shorter than
 * {@value #MIN_LINE_WORDS} words (menus, bylines, "read also", dates, captions) and lines with links
 * or copyright marks are dropped; a dateline or agency prefix ({@code RABAT (MAP) -},
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
  /** Lines with fewer words are treated as page furniture, not content. */
  public static final int MIN_LINE_WORDS = 6;

  private static final Pattern DATELINE = Pattern.compile(
      "^\\s*[^!?؟\\n]{2,80}?(?:\\([^()\\n]{1,30}\\))?\\s*[-–—:]\\s+");
  private static final Pattern FURNITURE = Pattern.compile(
      "(?i)https?://|www\\.|©|\\(c\\)\\s*\\d{4}|all rights reserved|tous droits réservés"
          + "|جميع الحقوق محفوظة|все права защищены|todos los derechos reservados");

  private Fingerprinter() {}

  /** Hex SHA-256 of the normalised text ({@link TextNormalizer#normalize}). */
  public static String contentHash(String text) {
    return Hashing.sha256Hex(TextNormalizer.normalize(text));
  }

  public static Fingerprint fingerprint(String text) {
    List<List<String>> sentences = contentSentences(text == null ? "" : text);
    Set<Long> features = new HashSet<>();
    for (List<String> words : sentences) {
      if (words.size() < SHINGLE) {
        features.add(hash(String.join(" ", words)));
        continue;
      }
      for (int i = 0; i + SHINGLE <= words.size(); i++) {
        features.add(hash(String.join(" ", words.subList(i, i + SHINGLE))));
      }
    }
    int[] votes = new int[64];
    List<Long> sample = new ArrayList<>();
    for (long f : features) {
      for (int b = 0; b < 64; b++) {
        votes[b] += ((f >>> b) & 1) == 1 ? 1 : -1;
      }
      if (Long.remainderUnsigned(f, SAMPLE_MODULUS) == 0) {
        sample.add(f);
      }
    }
    long simhash = 0;
    for (int b = 0; b < 64; b++) {
      if (votes[b] > 0) {
        simhash |= 1L << b;
      }
    }
    long[] all = features.stream().mapToLong(Long::longValue).sorted().toArray();
    long[] minima = Arrays.copyOf(all, Math.min(MINIMA, all.length));
    long[] s = sample.stream().mapToLong(Long::longValue).sorted().toArray();
    return new Fingerprint(simhash, s, minima, all.length);
  }

  /** The folded words of each content sentence (see the class comment). */
  static List<List<String>> contentSentences(String text) {
    List<List<String>> out = new ArrayList<>();
    boolean first = true;
    for (Segmenter.Span p : Segmenter.paragraphs(text)) {
      String line = text.substring(p.start(), p.end());
      List<Token> lineWords = Tokenizer.tokenize(line);
      if (lineWords.size() < MIN_LINE_WORDS || FURNITURE.matcher(line).find()) {
        continue;
      }
      if (first) {
        line = stripDateline(line);
        first = false;
      }
      for (Segmenter.Span s : Segmenter.sentences(line)) {
        List<String> words = new ArrayList<>();
        for (Token t : Tokenizer.tokenize(line.substring(s.start(), s.end()))) {
          words.add(t.form());
        }
        if (!words.isEmpty()) {
          out.add(words);
        }
      }
    }
    if (out.isEmpty() && text != null && !text.isBlank()) {
      // a short text: everything is content
      for (Segmenter.Span s : Segmenter.sentences(text)) {
        List<String> words = new ArrayList<>();
        for (Token t : Tokenizer.tokenize(text.substring(s.start(), s.end()))) {
          words.add(t.form());
        }
        if (!words.isEmpty()) {
          out.add(words);
        }
      }
    }
    return out;
  }

  /** Cuts a leading dateline / agency prefix of at most eight words. */
  static String stripDateline(String line) {
    Matcher m = DATELINE.matcher(line);
    if (m.find() && Tokenizer.tokenize(m.group()).size() <= 8
        && Tokenizer.tokenize(line.substring(m.end())).size() >= MIN_LINE_WORDS) {
      return line.substring(m.end());
    }
    return line;
  }

  /** 64-bit FNV-1a with a final avalanche (SplitMix64), stable across JVMs. */
  static long hash(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 30;
    h *= 0xbf58476d1ce4e5b9L;
    h ^= h >>> 27;
    h *= 0x94d049bb133111ebL;
    h ^= h >>> 31;
    return h;
  }
}
