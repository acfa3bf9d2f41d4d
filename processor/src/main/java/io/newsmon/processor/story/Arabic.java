package io.newsmon.processor.story;

import java.util.ArrayList;
import java.util.List;

/** Arabic words without their attached conjunction, preposition and article (folded forms). */
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
}
