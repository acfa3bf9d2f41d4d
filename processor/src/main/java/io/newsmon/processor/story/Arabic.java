package io.newsmon.processor.story;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Arabic words without their attached conjunction, preposition and article, and the stems of verb
 * forms (folded forms).
 */
final class Arabic {

  private Arabic() {}

  /**
   * Shorter readings of a folded Arabic word: without a leading و or ف, then without a leading
   * ب ل ك, then without the article ال (or ل of لل), keeping at least three letters.
   */
  static List<String> withoutClitics(String w) {
    if (w.length() <= 3 || !cliticStart(w.charAt(0))) {
      return List.of(); // every reading below starts with one of these letters
    }
    List<String> out = new ArrayList<>(3);
    String s = w;
    if (s.length() > 3 && (s.charAt(0) == 'و' || s.charAt(0) == 'ف')) {
      s = s.substring(1);
      out.add(s);
    }
    if (s.length() > 3 && (s.charAt(0) == 'ب' || s.charAt(0) == 'ل' || s.charAt(0) == 'ك')) {
      if (s.startsWith("لل") && s.length() > 4) {
        s = s.substring(2);
        out.add(s);
        return out;
      }
      s = s.substring(1);
      out.add(s);
    }
    if (s.startsWith("ال") && s.length() > 4) {
      s = s.substring(2);
      out.add(s);
    }
    return out;
  }

  private static boolean cliticStart(char c) {
    return c == 'و' || c == 'ف' || c == 'ب' || c == 'ل' || c == 'ك' || c == 'ا';
  }

  /** True when the folded word starts with the article (after a conjunction or preposition). */
  static boolean hasArticle(String w) {
    if (w.startsWith("ال") || w.startsWith("لل")) {
      return true;
    }
    for (String s : withoutClitics(w)) {
      if (s.length() < w.length() && w.endsWith(s) && w.substring(0, w.length() - s.length()).endsWith("ال")) {
        return true;
      }
    }
    return false;
  }

  /** Endings of the perfect: they (two f.), you (pl.), they (pl.), we, she / you, they (two). */
  private static final String[] PERFECT_SUFFIXES = {"تما", "تا", "تم", "وا", "نا", "ت", "ا"};
  /** Endings of the imperfect: two, they (pl.), you (f.), they (f. pl.). */
  private static final String[] IMPERFECT_SUFFIXES = {"ان", "ون", "ين", "ن"};
  /** Prefixes of the imperfect: he/they, she/you/they two (f.), we, I (folded: أ is ا). */
  private static final String IMPERFECT_PREFIXES = "يتنا";

  /**
   * The verb stems (third person masculine singular of the perfect) a folded Arabic word can be a
   * form of: without a leading conjunction (و ف) and the future prefix (س), then either a perfect
   * ending (وقعت, وقعتا, وقعوا → وقع) or an imperfect prefix with its ending (يوقع, توقعان, يوقعون,
   * سيوقع → وقع; يطلق, يفتتح → اطلق, افتتح: the imperfect of verbs whose perfect starts with ا drops
   * it). Stems keep at least three letters. A form of another verb with an extra letter (يتوقع, to
   * expect, whose stem is توقع) does not give وقع.
   */
  static Set<String> verbStems(String w) {
    Set<String> out = new LinkedHashSet<>();
    List<String> bases = new ArrayList<>(2);
    bases.add(w);
    if (w.length() > 4 && (w.charAt(0) == 'و' || w.charAt(0) == 'ف')) {
      bases.add(w.substring(1));
    }
    for (String b : List.copyOf(bases)) {
      if (b.length() > 4 && b.charAt(0) == 'س' && IMPERFECT_PREFIXES.indexOf(b.charAt(1)) >= 0) {
        bases.add(b.substring(1));
      }
    }
    for (String b : bases) {
      out.add(b);
      for (String suf : PERFECT_SUFFIXES) {
        if (b.endsWith(suf) && b.length() - suf.length() >= 3) {
          out.add(b.substring(0, b.length() - suf.length()));
        }
      }
      if (b.length() >= 4 && IMPERFECT_PREFIXES.indexOf(b.charAt(0)) >= 0) {
        String rest = b.substring(1);
        List<String> stems = new ArrayList<>(List.of(rest));
        for (String suf : IMPERFECT_SUFFIXES) {
          if (rest.endsWith(suf) && rest.length() - suf.length() >= 3) {
            stems.add(rest.substring(0, rest.length() - suf.length()));
          }
        }
        for (String stem : stems) {
          out.add(stem);
          out.add("ا" + stem);
        }
      }
    }
    return out;
  }
}
