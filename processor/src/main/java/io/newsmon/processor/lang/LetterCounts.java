package io.newsmon.processor.lang;

/**
 * Counts of the Cyrillic and Arabic-script letters that only some languages use, for the letter
 * rules of {@link LanguageIdentifier}.
 */
final class LetterCounts {

  /** Letters of the Cyrillic or Arabic script. */
  int letters;
  /** Kazakh letters ә ғ қ ң ө ұ ү һ (plus і when any of them is present). */
  int kazakh;
  /** Kazakh letters no other known Cyrillic language has: ә ң ұ һ. */
  int kazakhStrong;
  /** Letters Kazakh has and Uzbek lacks: ә ң ө ұ ү һ і. */
  int kazakhOnly;
  /** Letters Uzbek Cyrillic has and Kazakh lacks: ў ҳ. */
  int uzbek;
  /** Letters Uzbek Cyrillic shares with Kazakh (and Tajik): қ ғ. */
  int qg;
  /** ы, which Uzbek Cyrillic never writes (Russian, Kazakh, Belarusian, Mongolian do). */
  int yeru;
  /** Tajik letters ҷ ӣ ӯ (no known language has them; they keep Tajik from passing for Uzbek). */
  int tajik;
  /** Ukrainian letters ї є ґ. */
  int ukrainian;
  /** і, written by Ukrainian, Belarusian and Kazakh. */
  int dotlessI;
  /** ў, written by Belarusian and Uzbek. */
  int shortU;
  /** Serbian ђ ћ. */
  int serbian;
  /** Macedonian ѓ ќ ѕ. */
  int macedonian;
  /** ө ү, written by Mongolian and Kazakh. */
  int mongolian;
  /** ы э ё: Russian (also Belarusian, Kazakh, Mongolian), never Bulgarian, Ukrainian, Serbian, Macedonian. */
  int russian;
  /** ъ: frequent in Bulgarian. */
  int hardSign;
  /** Cyrillic letters Russian never writes. */
  int notRussian;
  /** Cyrillic words with a letter Russian never writes. */
  int notRussianWords;
  /** Urdu letters ٹ ڈ ڑ ں ے ھ ہ. */
  int urdu;
  /** Persian letters پ چ ژ گ ی ک. */
  int persian;
  /** Arabic-only letters ة ى ي ك. */
  int arabicOnly;

  /** Esperanto letters ĉ ĝ ĥ ĵ ŝ ŭ (no other known language writes them). */
  int esperanto;
  /** Cyrillic words, and those of them with a Kazakh letter (ә ғ қ ң ө ұ ү һ). */
  int cyrillicWords;
  int kazakhWords;

  /** Of Kazakh words, at least one in this many Cyrillic words: in Kazakh text most are (one in five). */
  static final int KAZAKH_WORD_SHARE = 10;

  private LetterCounts() {}

  /**
   * True when Kazakh letters are spread over the text, not kept to a few names (a Russian report on a
   * Shymkent company «Оңтүстік Құрылыс»): at least one Cyrillic word in {@value #KAZAKH_WORD_SHARE}
   * has one.
   */
  boolean kazakhSpread() {
    return kazakhWords > 0 && kazakhWords * KAZAKH_WORD_SHARE >= cyrillicWords;
  }

  /**
   * True when the letters Russian never writes are kept to a few words (at most
   * {@value #FOREIGN_NAME_WORDS}, and at most one Cyrillic word in {@value #FOREIGN_NAME_SHARE}): names
   * written in their own language's letters inside a Russian text (Қарағанды, Ақтобе).
   */
  boolean notRussianOnlyInNames() {
    return notRussianWords <= FOREIGN_NAME_WORDS && notRussianWords * FOREIGN_NAME_SHARE <= cyrillicWords;
  }

  /** See {@link #notRussianOnlyInNames}. */
  static final int FOREIGN_NAME_WORDS = 2;
  static final int FOREIGN_NAME_SHARE = 5;

  static LetterCounts of(String s) {
    LetterCounts c = new LetterCounts();
    int lastCyrillic = -2;
    boolean wordKazakh = false;
    boolean wordNotRussian = false;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch >= 0x0108 && ch <= 0x016D) {
        switch (ch) {
          case 'ĉ', 'Ĉ', 'ĝ', 'Ĝ', 'ĥ', 'Ĥ', 'ĵ', 'Ĵ', 'ŝ', 'Ŝ', 'ŭ', 'Ŭ' -> c.esperanto++;
          default -> { }
        }
        continue;
      }
      if (ch < 0x0400 || ch > 0x06FF || !Character.isLetter(ch)) {
        continue;
      }
      c.letters++;
      char lower = Character.toLowerCase(ch);
      if (lower <= 0x052F) {
        if (lastCyrillic != i - 1) {
          c.cyrillicWords++;
          wordKazakh = false;
          wordNotRussian = false;
        }
        lastCyrillic = i;
        int before = c.kazakh;
        int beforeNotRussian = c.notRussian;
        c.cyrillic(lower);
        if (c.kazakh > before && !wordKazakh) {
          wordKazakh = true;
          c.kazakhWords++;
        }
        if (c.notRussian > beforeNotRussian && !wordNotRussian) {
          wordNotRussian = true;
          c.notRussianWords++;
        }
      } else if (lower >= 0x0600) {
        c.arabic(lower);
      }
    }
    // Kazakh also writes і; with Kazakh letters it is Kazakh evidence, not Ukrainian
    if (c.kazakh > 0) {
      c.kazakh += c.dotlessI;
    }
    return c;
  }

  private void cyrillic(char lower) {
    switch (lower) {
      case 'ә', 'ң', 'ұ', 'һ' -> {
        kazakh++;
        kazakhStrong++;
        kazakhOnly++;
      }
      case 'ғ', 'қ' -> {
        kazakh++;
        qg++;
      }
      case 'ө', 'ү' -> {
        kazakh++;
        kazakhOnly++;
        mongolian++;
      }
      case 'і' -> {
        kazakhOnly++;
        dotlessI++;
      }
      case 'ў' -> {
        uzbek++;
        shortU++;
      }
      case 'ҳ' -> uzbek++;
      case 'ҷ', 'ӣ', 'ӯ' -> tajik++;
      case 'ї', 'є', 'ґ' -> ukrainian++;
      case 'ђ', 'ћ' -> serbian++;
      case 'ѓ', 'ќ', 'ѕ' -> macedonian++;
      case 'ы' -> {
        russian++;
        yeru++;
      }
      case 'э', 'ё' -> russian++;
      case 'ъ' -> hardSign++;
      default -> { }
    }
    switch (lower) {
      case 'і', 'ї', 'є', 'ґ', 'ў', 'ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'һ', 'ҳ', 'ј', 'љ', 'њ', 'ђ', 'ћ', 'џ',
          'ѓ', 'ќ', 'ѕ', 'ҷ', 'ӣ', 'ӯ' -> notRussian++;
      default -> { }
    }
  }

  private void arabic(char lower) {
    switch (lower) {
      case 0x0679, 0x0688, 0x0691, 0x06BA, 0x06D2, 0x06BE, 0x06C1 -> urdu++;
      case 0x067E, 0x0686, 0x0698, 0x06AF, 0x06CC, 0x06A9 -> persian++;
      case 0x0629, 0x0649, 0x064A, 0x0643 -> arabicOnly++;
      default -> { }
    }
  }
}
