package io.newsmon.processor.text;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A Kazakh name written in Cyrillic, as the Latin alphabets of Kazakh write it: the alphabet of 2021
 * (ä ğ ı ñ ö ş ū ü) and that of 2018 (acute accents, sh and ch), as text is matched, that is with the
 * accents folded away (Қазақстан → Qazaqstan, Шымкент → Symkent and Shymkent, Ақтау → Aqtau and Aqtay).
 * Watches curate Kazakh names in Cyrillic; the same names are then found in Kazakh text in the Latin
 * alphabet, with the endings of {@code text/inflections.yaml} (which lists them in both alphabets).
 */
public final class KazakhLatin {

  private KazakhLatin() {}

  private static final String CYRILLIC = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя";
  /** Per letter of {@link #CYRILLIC}: the 2021 alphabet, folded. */
  private static final String[] Y2021 = {"a", "a", "b", "v", "g", "g", "d", "e", "io", "j", "z", "i", "i", "k",
      "q", "l", "m", "n", "n", "o", "o", "p", "r", "s", "t", "u", "u", "u", "f", "h", "h", "s", "ch", "s", "ss",
      "", "y", "i", "", "e", "iu", "ia"};
  /** Per letter of {@link #CYRILLIC}: the 2018 alphabet, folded. */
  private static final String[] Y2018 = {"a", "a", "b", "v", "g", "g", "d", "e", "io", "j", "z", "i", "i", "k",
      "q", "l", "m", "n", "n", "o", "o", "p", "r", "s", "t", "y", "u", "u", "f", "h", "h", "ts", "ch", "sh",
      "shch", "", "y", "i", "", "e", "iy", "ia"};

  /**
   * The Latin spellings of {@code name} (one or two), or an empty set when it has no Cyrillic letter.
   * Letters other than Kazakh Cyrillic are kept; capitals stay capitals (the first letter of a
   * two-letter spelling only).
   */
  public static Set<String> spellings(String name) {
    Set<String> out = new LinkedHashSet<>();
    if (name.chars().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC)) {
      return out;
    }
    out.add(spell(name, Y2021));
    out.add(spell(name, Y2018));
    return out;
  }

  private static String spell(String name, String[] alphabet) {
    StringBuilder sb = new StringBuilder(name.length() + 4);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      char lower = Character.toLowerCase(c);
      int at = CYRILLIC.indexOf(lower);
      if (at < 0) {
        sb.append(c);
        continue;
      }
      String latin = alphabet[at];
      if (c != lower && !latin.isEmpty()) {
        sb.append(Character.toUpperCase(latin.charAt(0))).append(latin, 1, latin.length());
      } else {
        sb.append(latin);
      }
    }
    return sb.toString();
  }
}
