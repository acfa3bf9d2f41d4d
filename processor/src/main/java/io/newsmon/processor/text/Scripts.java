package io.newsmon.processor.text;

/** Script facts used in matching. */
public final class Scripts {

  private Scripts() {}

  /** Kana without their voicing marks (ガ → カ), by code point from U+3040. */
  private static final char[] KANA_BASE = new char[0x30FF - 0x3040 + 1];

  static {
    for (int cp = 0x3040; cp <= 0x30FF; cp++) {
      String d = java.text.Normalizer.normalize(String.valueOf((char) cp), java.text.Normalizer.Form.NFD);
      KANA_BASE[cp - 0x3040] = d.charAt(0);
    }
  }

  /**
   * True for letters of scripts written without spaces between words (Han, Hiragana, Katakana, Thai,
   * Lao, Khmer, Myanmar): names are found in them as substrings, not as words.
   */
  public static boolean isNoSpace(int cp) {
    if (cp < 0x0E00) {
      return false;
    }
    Character.UnicodeScript s = Character.UnicodeScript.of(cp);
    return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
        || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.THAI
        || s == Character.UnicodeScript.LAO || s == Character.UnicodeScript.KHMER
        || s == Character.UnicodeScript.MYANMAR
        || cp == 0x30FC; // prolonged sound mark (script COMMON)
  }

  /** True when {@code s} contains a letter of a script written without spaces. */
  public static boolean hasNoSpace(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x0E00 && isNoSpace(Character.codePointAt(s, i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * One character of a no-space script in the folded form used for substring matching: Japanese
   * voicing marks dropped (ガ → カ), invisible characters dropped, lower case; Thai vowel signs kept.
   */
  public static void foldNoSpaceChar(int cp, StringBuilder out) {
    if (TextNormalizer.isInvisible(cp) || cp == 0x3099 || cp == 0x309A) {
      return;
    }
    if (cp >= 0x3040 && cp <= 0x30FF) {
      out.append(KANA_BASE[cp - 0x3040]);
      return;
    }
    out.appendCodePoint(Character.toLowerCase(cp));
  }
}
