package io.newsmon.processor.lang;

/**
 * How many letters of a sample belong to each {@link ScriptGroup} (weighted by
 * {@link ScriptGroup#weight()}), and inside the CJK group how many are Kana, Hangul and Han. Letters
 * of the Common and Inherited scripts count for no group.
 */
final class ScriptProfile {

  private final int[] weighted = new int[ScriptGroup.values().length];
  private int total;
  int kana;
  int hangul;
  int han;

  private ScriptProfile() {}

  static ScriptProfile of(String s) {
    ScriptProfile p = new ScriptProfile();
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (!Character.isLetter(cp)) {
        continue;
      }
      ScriptGroup g = ScriptGroup.of(cp);
      if (g == null) {
        continue;
      }
      p.weighted[g.ordinal()] += g.weight();
      p.total += g.weight();
      if (g == ScriptGroup.CJK) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        switch (script) {
          case HIRAGANA, KATAKANA -> p.kana++;
          case HANGUL -> p.hangul++;
          default -> p.han++;
        }
      }
    }
    return p;
  }

  /** Weighted letters over all groups. */
  int total() {
    return total;
  }

  int letters(ScriptGroup g) {
    return weighted[g.ordinal()];
  }

  /** The group with the most weighted letters (the earlier group on a tie); null without letters. */
  ScriptGroup dominant() {
    ScriptGroup best = null;
    for (ScriptGroup g : ScriptGroup.values()) {
      if (weighted[g.ordinal()] > 0 && (best == null || weighted[g.ordinal()] > weighted[best.ordinal()])) {
        best = g;
      }
    }
    return best;
  }

  /** Share (0..1) of the weighted letters that belong to {@code g}. */
  double share(ScriptGroup g) {
    return total == 0 ? 0 : (double) weighted[g.ordinal()] / total;
  }

  /**
   * The sample with the letters of every other group replaced by spaces, so a model trained on one
   * script is not fed another's words (an English quotation in a Russian article, a Tifinagh title).
   */
  static String only(String s, ScriptGroup keep) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetter(cp)) {
        ScriptGroup g = ScriptGroup.of(cp);
        if (g != null && g != keep) {
          sb.append(' ');
          continue;
        }
      }
      sb.appendCodePoint(cp);
    }
    return sb.toString();
  }
}
