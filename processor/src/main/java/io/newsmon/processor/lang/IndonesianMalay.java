package io.newsmon.processor.lang;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Indonesian and Malay: whether a Latin-script text is in one of the two, and which.
 *
 * <p>The two standards share their grammar and most of their words, and Lingua's trigram models rate
 * them nearly equal on news text (and on a text full of names may rank neither first: an Indonesian
 * report on two universities came out Swedish). So the family is recognised first, by frequent words
 * the two share and no other known language writes ({@link #FAMILY_WORDS}: yang, dengan, untuk…), and
 * the member is told by the words where the two standards differ, read from
 * {@code lang/indonesian-malay.tsv} (bahwa/bahawa, pemerintah/kerajaan, persen/peratus,
 * universitas/universiti, Jumat/Jumaat…): the one with strictly more of its own words. When neither
 * leads, the model decides between the two only.
 */
final class IndonesianMalay {

  static final String INDONESIAN = "id";
  static final String MALAY = "ms";

  /**
   * Frequent words Indonesian and Malay share and no other known language writes as a word of its own
   * (not "di", which Italian writes, nor "para", which Spanish and Portuguese write).
   */
  static final Set<String> FAMILY_WORDS = Set.of("yang", "dan", "dengan", "untuk", "dari", "dalam", "pada",
      "oleh", "juga", "tidak", "sebagai", "kepada", "akan", "ini", "itu", "atau", "telah", "adalah", "mereka",
      "serta", "antara", "kedua", "negara", "tahun", "menjadi", "lebih", "sudah", "masih", "bagi", "secara");

  /** Family words from which a text is Indonesian or Malay: at least this many hits… */
  static final int FAMILY_MIN_HITS = 4;
  /** …of at least this many different words… */
  static final int FAMILY_MIN_DISTINCT = 3;
  /** …making at least this share of its words (1 in 12; in Indonesian news about 1 in 5 are). */
  static final double FAMILY_MIN_SHARE = 1.0 / 12;

  private static final Map<String, String> WORDS = new HashMap<>();
  private static final Map<String, String> PHRASES = new HashMap<>();

  static {
    try (InputStream in = IndonesianMalay.class.getResourceAsStream("/lang/indonesian-malay.tsv")) {
      if (in == null) {
        throw new IllegalStateException("lang/indonesian-malay.tsv missing from the classpath");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      int lineNo = 0;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lineNo++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        if (f.length < 2) {
          throw new IllegalStateException("lang/indonesian-malay.tsv line " + lineNo + ": two forms expected");
        }
        put(f[0].trim(), INDONESIAN, lineNo);
        put(f[1].trim(), MALAY, lineNo);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private IndonesianMalay() {}

  private static void put(String form, String language, int lineNo) {
    if (form.equals("-")) {
      return;
    }
    Map<String, String> into = form.indexOf(' ') > 0 ? PHRASES : WORDS;
    String before = into.put(form, language);
    if (before != null && !before.equals(language)) {
      throw new IllegalStateException("lang/indonesian-malay.tsv line " + lineNo + ": '" + form
          + "' listed for both languages");
    }
  }

  /** Hits of each language's own words (and two-word phrases) in a text. */
  record Tally(int indonesian, int malay, int family, int familyDistinct, int words) {

    /** True when the text is written in Indonesian or Malay, by the family words. */
    boolean isFamily() {
      return family >= FAMILY_MIN_HITS && familyDistinct >= FAMILY_MIN_DISTINCT
          && family >= FAMILY_MIN_SHARE * words;
    }

    /** The language with strictly more of its own words; null on a tie. */
    String leader() {
      if (indonesian > malay) {
        return INDONESIAN;
      }
      return malay > indonesian ? MALAY : null;
    }
  }

  static Tally tally(String sample) {
    List<String> words = new ArrayList<>();
    FunctionWords.words(sample, 40, words::add);
    int id = 0;
    int ms = 0;
    int family = 0;
    Set<String> distinct = new HashSet<>();
    String previous = null;
    for (String w : words) {
      String lang = WORDS.get(w);
      if (lang == null && previous != null) {
        lang = PHRASES.get(previous + " " + w);
      }
      if (INDONESIAN.equals(lang)) {
        id++;
      } else if (MALAY.equals(lang)) {
        ms++;
      }
      if (FAMILY_WORDS.contains(w)) {
        family++;
        distinct.add(w);
      }
      previous = w;
    }
    return new Tally(id, ms, family, distinct.size(), words.size());
  }

  /** The one of Indonesian and Malay with more of its own words in {@code sample}; null on a tie. */
  static String decide(String sample) {
    return tally(sample).leader();
  }

  /** Number of listed forms per language, for tests. */
  static int listed(String language) {
    int n = 0;
    for (String l : WORDS.values()) {
      n += l.equals(language) ? 1 : 0;
    }
    for (String l : PHRASES.values()) {
      n += l.equals(language) ? 1 : 0;
    }
    return n;
  }
}
