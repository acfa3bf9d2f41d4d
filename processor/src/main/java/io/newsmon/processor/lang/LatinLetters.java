package io.newsmon.processor.lang;

import java.util.HashSet;
import java.util.Set;

/**
 * Latin-script evidence that decides a language before any model: Czech ř ů ě against Slovak ľ ĺ ŕ ô
 * (Lingua's low-accuracy mode takes short Czech news for Slovak), and Kazakh written in the Latin
 * alphabet (2018: á ǵ ı ń ó ú ý; 2021: ä ğ ı ñ ö ū ü ş), which Lingua's Kazakh model, trained on
 * Cyrillic text, cannot score: its letters together with its own frequent words, none of which Turkish,
 * Azerbaijani or Uzbek write the same way.
 */
final class LatinLetters {

  /** Czech letters ř ů ě (no other known Latin language writes them). */
  int czech;
  /** Slovak letters ľ ĺ ŕ ô. */
  int slovak;
  /** Letters of the Kazakh Latin alphabets that English, French or Spanish news would not show together. */
  int kazakh;
  /** Different Kazakh function words ({@link #KAZAKH_WORDS}). */
  int kazakhWords;

  /** Kazakh words frequent in news, in the spellings of the 2018 and 2021 Latin alphabets. */
  static final Set<String> KAZAKH_WORDS = Set.of("men", "jáne", "jäne", "úshin", "üşin", "týraly", "turaly",
      "dep", "bul", "osy", "eki", "bolyp", "arqyly", "boıynsha", "boiynşa", "sondaı", "sondai", "ózara",
      "özara", "endi", "degen", "bolady", "alady", "etedi", "qazirgi", "búgin", "bügin", "jyly", "eldiń",
      "eldıñ", "elderdiń", "arasyndaǵy", "arasyndağy", "arasynda", "kúshine", "küşine", "qarym", "qatynas");

  /** From this many different Kazakh words and Kazakh letters on, Latin-script text is Kazakh. */
  static final int KAZAKH_MIN = 3;

  private LatinLetters() {}

  static LatinLetters of(String s) {
    LatinLetters c = new LatinLetters();
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch > 0x7F) {
        c.letter(Character.toLowerCase(ch));
      }
    }
    Set<String> words = new HashSet<>();
    FunctionWords.words(s, 12, w -> {
      if (KAZAKH_WORDS.contains(w)) {
        words.add(w);
      }
    });
    c.kazakhWords = words.size();
    return c;
  }

  private void letter(char lower) {
    switch (lower) {
      case 'ř', 'ů', 'ě' -> czech++;
      case 'ľ', 'ĺ', 'ŕ', 'ô' -> slovak++;
      case 'ǵ', 'ń', 'ú', 'ý', 'ı', 'ū', 'ñ', 'ğ', 'ä', 'ş' -> kazakh++;
      default -> { }
    }
  }

  /** The language the letters (and, for Kazakh, its words) decide among {@code codes}; null when none. */
  String decide(Set<String> codes) {
    if (czech >= 2 && slovak == 0 && codes.contains("cs")) {
      return "cs";
    }
    if (slovak >= 2 && czech == 0 && codes.contains("sk")) {
      return "sk";
    }
    if (kazakhWords >= KAZAKH_MIN && kazakh >= KAZAKH_MIN && codes.contains("kk")) {
      return "kk";
    }
    return null;
  }
}
