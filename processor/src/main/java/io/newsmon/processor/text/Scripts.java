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

  /**
   * Thai consonants folded by sound, by code point from U+0E00 (0 for none): the letters that spell one
   * sound (ซ ศ ษ ส are all /s/; ค ฆ ข /kʰ/; ท ธ ฒ ฑ ถ ฐ /tʰ/; …) fold to one of them.
   */
  private static final char[] THAI_SOUND = new char[0x80];

  static {
    String[] classes = {"สซศษ", "คฅฆขฃ", "ทธฒฑถฐ", "พภผ", "ตฏ", "ดฎ", "นณ", "ลฬ", "ยญ", "หฮ", "ชฌฉ", "ฟฝ"};
    for (String c : classes) {
      for (int i = 0; i < c.length(); i++) {
        THAI_SOUND[c.charAt(i) - 0x0E00] = c.charAt(0);
      }
    }
  }

  /** True for a letter of the Thai block. */
  public static boolean isThai(int cp) {
    return cp >= 0x0E00 && cp < 0x0E80;
  }

  /**
   * One Thai character folded by sound, for matching foreign names, which Thai spells in several ways
   * (คาสซาบลางก้า in CLDR, คาซาบลังกา in the press): tone marks and the silencing mark dropped,
   * consonants of one sound as one ({@link #THAI_SOUND}), the same consonant twice in a row as once
   * (สซ), the short a (ั) as the long one (า) except before ว (ัว is the vowel ua). {@code cp} is a Thai code point ({@link #isThai}); {@code next} is the code point that follows, or -1. So lossy a fold
   * only serves long names: short ones would match ordinary words (ลาว "Laos" in ดังกล่าว).
   */
  public static void foldThaiSound(int cp, int next, StringBuilder out) {
    if (cp >= 0x0E48 && cp <= 0x0E4C) {
      return;
    }
    char c = cp == 0x0E31 && next != 'ว' ? 'า' : THAI_SOUND[cp - 0x0E00] != 0 ? THAI_SOUND[cp - 0x0E00] : (char) cp;
    if (c >= 0x0E01 && c <= 0x0E2E && out.length() > 0 && out.charAt(out.length() - 1) == c) {
      return;
    }
    out.append(c);
  }
}
