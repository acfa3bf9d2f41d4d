package io.newsmon.processor.lang;

import java.lang.Character.UnicodeScript;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The writing systems the identifier knows, each with the languages written in it (ISO 639-1). A
 * sample's dominant script group is found first ({@link ScriptProfile}); only the languages of that
 * group are then considered, so a script used by one known language decides it without any model, and
 * the Lingua models are needed (and loaded) only for the groups that hold several languages.
 *
 * <p>The groups cover the 75 languages of Lingua 1.2.2 and Uzbek, which Lingua has no model for and
 * which is identified by its letters in both its Latin and its Cyrillic spelling.
 */
public enum ScriptGroup {

  LATIN(Decision.MODEL, "af", "az", "bs", "ca", "cs", "cy", "da", "de", "en", "eo", "es", "et", "eu",
      "fi", "fr", "ga", "hr", "hu", "id", "is", "it", "la", "lg", "lt", "lv", "mi", "ms", "nb", "nl", "nn",
      "pl", "pt", "ro", "sk", "sl", "sn", "so", "sq", "st", "sv", "sw", "tl", "tn", "tr", "ts", "vi", "xh",
      "yo", "zu", "uz"),
  CYRILLIC(Decision.MODEL, "be", "bg", "kk", "mk", "mn", "ru", "sr", "uk", "uz"),
  ARABIC(Decision.MODEL, "ar", "fa", "ur"),
  DEVANAGARI(Decision.MODEL, "hi", "mr"),
  /** Han, Hiragana, Katakana, Hangul and Bopomofo: Kana means Japanese, Hangul Korean, Han alone Chinese. */
  CJK(Decision.SCRIPT, "zh", "ja", "ko"),
  GREEK(Decision.SCRIPT, "el"),
  HEBREW(Decision.SCRIPT, "he"),
  GEORGIAN(Decision.SCRIPT, "ka"),
  ARMENIAN(Decision.SCRIPT, "hy"),
  THAI(Decision.SCRIPT, "th"),
  BENGALI(Decision.SCRIPT, "bn"),
  GUJARATI(Decision.SCRIPT, "gu"),
  GURMUKHI(Decision.SCRIPT, "pa"),
  TAMIL(Decision.SCRIPT, "ta"),
  TELUGU(Decision.SCRIPT, "te"),
  /** Any other script (Tifinagh, Cherokee, Ethiopic, Khmer…): no known language, {@code und}. */
  OTHER(Decision.NONE);

  /** How a group's languages are told apart. */
  public enum Decision {
    /** The script alone names the language. */
    SCRIPT,
    /** Letters where they are decisive, otherwise a Lingua model restricted to the group. */
    MODEL,
    /** No language is known in this script. */
    NONE
  }

  private static final Map<UnicodeScript, ScriptGroup> BY_SCRIPT = new EnumMap<>(UnicodeScript.class);

  static {
    BY_SCRIPT.put(UnicodeScript.LATIN, LATIN);
    BY_SCRIPT.put(UnicodeScript.CYRILLIC, CYRILLIC);
    BY_SCRIPT.put(UnicodeScript.ARABIC, ARABIC);
    BY_SCRIPT.put(UnicodeScript.DEVANAGARI, DEVANAGARI);
    for (UnicodeScript s : List.of(UnicodeScript.HAN, UnicodeScript.HIRAGANA, UnicodeScript.KATAKANA,
        UnicodeScript.HANGUL, UnicodeScript.BOPOMOFO)) {
      BY_SCRIPT.put(s, CJK);
    }
    BY_SCRIPT.put(UnicodeScript.GREEK, GREEK);
    BY_SCRIPT.put(UnicodeScript.HEBREW, HEBREW);
    BY_SCRIPT.put(UnicodeScript.GEORGIAN, GEORGIAN);
    BY_SCRIPT.put(UnicodeScript.ARMENIAN, ARMENIAN);
    BY_SCRIPT.put(UnicodeScript.THAI, THAI);
    BY_SCRIPT.put(UnicodeScript.BENGALI, BENGALI);
    BY_SCRIPT.put(UnicodeScript.GUJARATI, GUJARATI);
    BY_SCRIPT.put(UnicodeScript.GURMUKHI, GURMUKHI);
    BY_SCRIPT.put(UnicodeScript.TAMIL, TAMIL);
    BY_SCRIPT.put(UnicodeScript.TELUGU, TELUGU);
  }

  private final Decision decision;
  private final Set<String> languages;

  ScriptGroup(Decision decision, String... languages) {
    this.decision = decision;
    this.languages = Set.copyOf(new LinkedHashSet<>(List.of(languages)));
  }

  public Decision decision() {
    return decision;
  }

  /** The languages written in this script that the identifier can report. */
  public Set<String> languages() {
    return languages;
  }

  /**
   * The group of a letter's script; {@link #OTHER} for scripts no known language is written in; null
   * for letters shared by all scripts (script Common or Inherited, such as the modifier letter ʻ).
   */
  static ScriptGroup of(int codePoint) {
    if (codePoint < 0x0250) {
      return LATIN;
    }
    if (codePoint >= 0x0400 && codePoint <= 0x052F) {
      return CYRILLIC;
    }
    if (codePoint >= 0x0600 && codePoint <= 0x06FF) {
      return ARABIC;
    }
    UnicodeScript script;
    try {
      script = UnicodeScript.of(codePoint);
    } catch (IllegalArgumentException e) {
      return OTHER;
    }
    if (script == UnicodeScript.COMMON || script == UnicodeScript.INHERITED) {
      return null;
    }
    return BY_SCRIPT.getOrDefault(script, OTHER);
  }

  /**
   * How many letters one character of this script counts for: Han, Kana and Hangul characters each
   * write a syllable or a word, about what two or three alphabetic letters carry, so they count twice
   * when scripts are compared and when the sample is measured against the minimum length.
   */
  int weight() {
    return this == CJK ? 2 : 1;
  }

  /** Every language the identifier can report, over all groups (76: Lingua's 75 and Uzbek). */
  public static Set<String> allLanguages() {
    Set<String> all = new java.util.TreeSet<>();
    for (ScriptGroup g : values()) {
      all.addAll(g.languages);
    }
    return all;
  }
}
