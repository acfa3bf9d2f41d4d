package io.newsmon.processor.lang;

import java.util.HashSet;
import java.util.Set;

/**
 * Latin-script evidence that decides a language before any model: Czech ř ů ě against Slovak ľ ĺ ŕ
 * (Lingua's low-accuracy mode takes short Czech news for Slovak), and Kazakh written in the Latin
 * alphabet, which Lingua's Kazakh model, trained on Cyrillic text, cannot score.
 *
 * <p>Kazakh Latin is told by its letters, as the official alphabets write them:
 * <ul>
 *   <li>2018 (acute accents): á ǵ ń ó ú ý for ә ғ ң ө ү у, and dotless ı for і and и/й. ǵ is written
 *       by no other known language; the acute letters together with ı by none either (Turkish and
 *       Azerbaijani write ı but no acute letter; Polish, Czech, Hungarian, Spanish write acute letters
 *       but no ı).
 *   <li>2021 (Turkic letters): ä ğ ñ ö ū ü ş ç and ı. ä ñ ū together with ı ğ ş: Turkish writes ı ğ ş
 *       but none of ä ñ ū, Azerbaijani writes ə, which Kazakh Latin does not.
 * </ul>
 * Kazakh's frequent words in both spellings ({@link #KAZAKH_WORDS}) with its letters decide too, and so
 * do the marks of the 2017 apostrophe alphabet that Uzbek does not write (i' y' c' u', with a q).
 */
final class LatinLetters {

  /** Czech letters ř ů ě (no other known Latin language writes them). */
  int czech;
  /** Slovak letters ľ ĺ ŕ (not ô, which French writes as often). */
  int slovak;
  /** Letters of the Kazakh Latin alphabets that English, French or Spanish news would not show together. */
  int kazakh;
  /** Different Kazakh function words ({@link #KAZAKH_WORDS}). */
  int kazakhWords;
  /** ǵ: the 2018 Kazakh alphabet's ғ, written by no other known language. */
  int kazakhOnly;
  /** Dotless ı (Kazakh 2018 and 2021, Turkish, Azerbaijani). */
  int dotless;
  /** ğ ş (Kazakh 2021, Turkish, Azerbaijani). */
  int turkic;
  /** ə: Azerbaijani, which no Kazakh Latin alphabet writes. */
  int schwa;
  /** Letters beyond ASCII that no Kazakh Latin alphabet writes (é í č š ł ő ã ê…). */
  int notKazakh;
  /** Words with an acute letter of the 2018 Kazakh alphabet (á ǵ ń ó ú ý). */
  int acuteWords;
  /**
   * Words with a letter of the 2021 Kazakh alphabet that Turkish lacks: ñ or ū, or ä with ı ğ ş or q in
   * the same word (äkımdıgı), or ä in a text that has ñ or ū (säikes); Finnish and German write ä too,
   * but neither ñ nor ū, nor ä in a word with those letters.
   */
  int kazakh2021Words;
  /** Whether a word has ñ or ū. */
  boolean withNu;

  /**
   * Marks of the 2017 Kazakh alphabet that Uzbek Latin never writes: i' y' c' u' after another letter
   * of the word (и/й, у, ч, ү; not French qu').
   */
  int kazakh2017;
  /** Words with q not followed by u (Kazakh and Uzbek қ; French, English, Italian write qu). */
  int qWords;

  /** Marks of the 2017 alphabet from which, with a q, the text is Kazakh. */
  static final int KAZAKH_2017_MIN = 4;

  /** Words with acute letters (and ı), or with ä ñ ū (and ı ğ ş), from which the text is Kazakh. */
  static final int KAZAKH_LETTER_WORDS = 3;
  /** ǵ from this many on (and ı), or one ǵ and one fewer acute word: Kazakh (a short title). */
  static final int KAZAKH_ONLY_MIN = 2;

  /** Kazakh words frequent in news, in the spellings of the 2018 and 2021 Latin alphabets. */
  static final Set<String> KAZAKH_WORDS = Set.of("men", "jáne", "jäne", "úshin", "üşin", "týraly", "turaly",
      "dep", "bul", "osy", "eki", "bolyp", "arqyly", "boıynsha", "boiynşa", "sondaı", "sondai", "ózara",
      "özara", "endi", "degen", "bolady", "alady", "etedi", "qazirgi", "búgin", "bügin", "jyly", "eldiń",
      "eldıñ", "elderdiń", "arasyndaǵy", "arasyndağy", "arasynda", "kúshine", "küşine", "qarym", "qatynas",
      // the 2021 alphabet writes і as ı: "ekı", "bır", "üşın"
      "ekı", "bır", "üşın", "etedı", "endı", "bügın", "pen", "keiın");

  /** From this many different Kazakh words and Kazakh letters on, Latin-script text is Kazakh. */
  static final int KAZAKH_MIN = 3;

  private LatinLetters() {}

  static LatinLetters of(String s) {
    LatinLetters c = new LatinLetters();
    boolean acute = false;
    boolean k2021 = false;
    boolean aUmlaut = false;
    boolean turkic = false;
    int umlautOnly = 0;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (!Character.isLetter(ch)) {
        c.acuteWords += acute ? 1 : 0;
        c.kazakh2021Words += k2021 || aUmlaut && turkic ? 1 : 0;
        umlautOnly += aUmlaut && !k2021 && !turkic ? 1 : 0;
        c.withNu |= k2021;
        acute = false;
        k2021 = false;
        aUmlaut = false;
        turkic = false;
      } else if (ch > 0x7F) {
        char lower = Character.toLowerCase(ch);
        c.letter(lower);
        switch (lower) {
          case 'á', 'ǵ', 'ń', 'ó', 'ú', 'ý' -> acute = true;
          case 'ñ', 'ū' -> k2021 = true;
          case 'ä' -> aUmlaut = true;
          case 'ı', 'ğ', 'ş' -> turkic = true;
          default -> { }
        }
      } else if (ch == 'q' || ch == 'Q') {
        turkic = true;
      }
    }
    c.acuteWords += acute ? 1 : 0;
    c.kazakh2021Words += k2021 || aUmlaut && turkic ? 1 : 0;
    umlautOnly += aUmlaut && !k2021 && !turkic ? 1 : 0;
    c.withNu |= k2021;
    if (c.withNu) {
      c.kazakh2021Words += umlautOnly; // with ñ or ū in the text, its ä words are Kazakh too (säikes)
    }
    c.apostropheMarks(s);
    Set<String> words = new HashSet<>();
    FunctionWords.words(s, 12, w -> {
      if (KAZAKH_WORDS.contains(w)) {
        words.add(w);
      }
    });
    c.kazakhWords = words.size();
    return c;
  }

  private void apostropheMarks(String s) {
    boolean q = false;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (!Character.isLetter(ch)) {
        qWords += q ? 1 : 0;
        q = false;
      }
      char lower = Character.toLowerCase(ch);
      if (lower == 'q' && (i + 1 >= s.length() || Character.toLowerCase(s.charAt(i + 1)) != 'u')) {
        q = true;
      }
      if ((ch == '\'' || ch == '\u2019' || ch == '\u02BC') && i >= 2 && Character.isLetter(s.charAt(i - 2))) {
        char mark = Character.toLowerCase(s.charAt(i - 1));
        boolean quote = mark == 'u' && Character.toLowerCase(s.charAt(i - 2)) == 'q';
        if ((mark == 'i' || mark == 'y' || mark == 'c' || mark == 'u') && !quote) {
          kazakh2017++;
        }
      }
    }
    qWords += q ? 1 : 0;
  }

  /** True for the 2017 (apostrophe) Kazakh alphabet: its i' y' c' u' marks, with a q. */
  boolean kazakh2017() {
    return kazakh2017 >= KAZAKH_2017_MIN && qWords >= 1;
  }

  private void letter(char lower) {
    switch (lower) {
      case 'ř', 'ů', 'ě' -> czech++;
      case 'ľ', 'ĺ', 'ŕ' -> slovak++;
      default -> { }
    }
    switch (lower) {
      case 'ǵ', 'ń', 'ú', 'ý', 'ı', 'ū', 'ñ', 'ğ', 'ä', 'ş' -> kazakh++;
      default -> { }
    }
    switch (lower) {
      case 'ǵ' -> kazakhOnly++;
      case 'ı' -> dotless++;
      case 'ğ', 'ş' -> turkic++;
      case 'ə' -> schwa++;
      default -> { }
    }
    switch (lower) {
      case 'á', 'ä', 'ç', 'ğ', 'ı', 'ǵ', 'ń', 'ñ', 'ó', 'ö', 'ş', 'ú', 'ū', 'ü', 'ý', 'i' -> { }
      default -> notKazakh++;
    }
  }

  /**
   * True when the letters are those of a Kazakh Latin alphabet: ǵ (with ı), acute letters in several
   * words with ı, or ä ñ ū in several words with ı ğ ş; never with Azerbaijani ə, nor with more than a
   * few letters Kazakh does not write (a Czech or Hungarian report naming a Turkish minister has ı and
   * acute letters, and é í č ő besides).
   */
  boolean kazakhAlphabet() {
    if (schwa > 0 || notKazakh * 4 > kazakh) {
      return false;
    }
    if (kazakh2021Words >= KAZAKH_LETTER_WORDS && turkic >= 2) {
      return true; // ä ñ ū with ğ ş, also where і is typed i rather than ı (Marokkonyñ, säikes, Şyñjañdağy)
    }
    if (dotless == 0) {
      return false;
    }
    return kazakhOnly >= KAZAKH_ONLY_MIN
        || kazakhOnly >= 1 && acuteWords >= KAZAKH_LETTER_WORDS - 1
        || acuteWords >= KAZAKH_LETTER_WORDS
        || kazakh2021Words >= KAZAKH_LETTER_WORDS && dotless + turkic >= 2;
  }

  /** The language the letters (and, for Kazakh, its words) decide among {@code codes}; null when none. */
  String decide(Set<String> codes) {
    if (czech >= 2 && slovak == 0 && codes.contains("cs")) {
      return "cs";
    }
    if (slovak >= 2 && czech == 0 && codes.contains("sk")) {
      return "sk";
    }
    if ((kazakhAlphabet() || kazakh2017() || kazakhWords >= KAZAKH_MIN && kazakh >= KAZAKH_MIN) && codes.contains("kk")) {
      return "kk";
    }
    return null;
  }
}
