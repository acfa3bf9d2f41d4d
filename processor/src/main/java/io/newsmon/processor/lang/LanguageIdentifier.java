package io.newsmon.processor.lang;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import io.newsmon.common.record.Analysis;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Identifies an article's language among a configured set (ISO 639-1 codes, or {@code all}: the 75
 * languages of Lingua 1.2.2 and Uzbek).
 *
 * <p>Only the title and the first {@code sampleChars} characters of the text are looked at (default
 * 600). The steps, cheapest first (see docs/decisions/0005-language-identification.md):
 * <ol>
 *   <li>Fewer than {@value #MIN_LETTERS} letters (Han, Kana and Hangul count twice): {@code und}.
 *   <li>The script group with the most letters ({@link ScriptProfile}) limits the candidates to the
 *       languages written in it ({@link ScriptGroup}). A script no known language uses (Tifinagh,
 *       Cherokee…) gives {@code und}; a script used by one known language gives that language (Greek,
 *       Hebrew, Georgian, Armenian, Thai, Bengali, Gujarati, Gurmukhi, Tamil, Telugu); Han with Kana is
 *       Japanese, Hangul Korean, Han alone Chinese.
 *   <li>In Cyrillic and Arabic script, letters that only some languages use decide when they are
 *       decisive ({@link #byLetters}): Kazakh ә ң ұ һ, Ukrainian ї є ґ, Belarusian ў with і, Serbian
 *       ђ ћ, Macedonian ѓ ќ ѕ, Mongolian ө ү alone, Uzbek ў қ ғ ҳ without ы or a Kazakh-only letter
 *       ({@link #uzbekCyrillic}), Russian ы э ё (with ъ) without those or with them in a name or two,
 *       Urdu ٹ ڈ ڑ ں ے, Persian پ چ ژ گ ی ک without Arabic-only ة ى ي ك and the reverse. Uzbek, which
 *       Lingua has no model for, is identified by its letters only (Latin oʻ gʻ, Cyrillic ў қ ғ ҳ). In
 *       Latin script, Czech and Slovak letters and the Kazakh Latin alphabets decide
 *       ({@link LatinLetters}).
 *   <li>Latin-script text is decided by {@link FunctionWords} when one language's function words
 *       clearly dominate (on by default: {@code processor.language.fast-path}).
 *   <li>Latin-script text whose frequent words are those Indonesian and Malay share is one of the two
 *       ({@link IndonesianMalay}): the words where their standards differ decide, else the model
 *       between the two only (docs/decisions/0030-kazakh-uzbek-indonesian-evidence.md).
 *   <li>Otherwise Lingua in low-accuracy mode, restricted to the group's configured languages and fed
 *       only the group's letters, decides; a language whose own letters are missing where they would
 *       show (Kazakh without any Kazakh letter, Urdu without Urdu letters…) gives way to the next one.
 * </ol>
 *
 * <p>A source hint (feed language, {@code <html lang>}) is evidence: it wins when Lingua rates it
 * nearly as high as its best guess (within {@value #HINT_MARGIN} of the relative value 1.0), and the
 * confidence is then at most {@value #HINTED_CONFIDENCE}. Lingua's confidence is turned into the best
 * language's margin over the runner-up ({@link #margin}); when that is below {@code minConfidence} the
 * answer is {@code und}, unless the function words lean to a language Lingua rates nearly as high
 * ({@link FunctionWords#lean}: a roll call of country names with a few English words).
 *
 * <p>One Lingua detector is built per script group and language set, on the first sample that needs
 * it, and shared by the JVM ({@link #shared}): an English and Russian stream never loads the Persian
 * or Hindi models. The detectors are thread-safe and shared without locking.
 */
public final class LanguageIdentifier {

  private static final Logger LOG = LoggerFactory.getLogger(LanguageIdentifier.class);
  private static final Map<Set<Language>, LanguageDetector> DETECTORS = new ConcurrentHashMap<>();

  /** Fewer letters than this in the sample (Han, Kana and Hangul counting twice): {@code und}. */
  public static final int MIN_LETTERS = 12;
  /** How far below the best relative value (1.0) a hinted language may be and still be chosen. */
  public static final double HINT_MARGIN = 0.1;
  /** Margin over the runner-up (in Lingua's relative values) that counts as full confidence. */
  public static final double FULL_MARGIN = 0.25;
  /** Confidence reported when the source hint decided: at most this. */
  public static final double HINTED_CONFIDENCE = 0.5;
  /** Confidence reported when the letters overruled Lingua's first choice. */
  public static final double CORRECTED_CONFIDENCE = 0.6;
  /** Confidence reported when the words where Indonesian and Malay differ decided between the two. */
  public static final double FAMILY_CONFIDENCE = 0.8;
  /** Confidence reported when the script or the letters decided (times the script's share). */
  public static final double SCRIPT_CONFIDENCE = 0.95;
  /** Share of Kana among the CJK characters from which a text is Japanese. */
  public static final double KANA_SHARE = 0.05;
  /** Share of Hangul among the CJK characters from which a text is Korean. */
  public static final double HANGUL_SHARE = 0.2;
  /** Groups with more model languages than this first shortlist this many on the sample's start. */
  public static final int SHORTLIST = 5;
  /** Characters of the sample's start the shortlist is made on. */
  public static final int SHORTLIST_CHARS = 160;
  /** The configuration value naming every language the identifier knows. */
  public static final String ALL = "all";

  private final Set<String> codes;
  /** Per script group with a model, the configured languages Lingua has a model for. */
  private final Map<ScriptGroup, Set<Language>> modelLanguages;
  private final int sampleChars;
  private final double minConfidence;
  private final boolean fastPath;

  private LanguageIdentifier(Set<String> codes, int sampleChars, double minConfidence, boolean fastPath) {
    this.codes = codes;
    this.sampleChars = sampleChars;
    this.minConfidence = minConfidence;
    this.fastPath = fastPath;
    this.modelLanguages = new EnumMap<>(ScriptGroup.class);
    for (ScriptGroup g : ScriptGroup.values()) {
      if (g.decision() == ScriptGroup.Decision.MODEL) {
        Set<Language> set = EnumSet.noneOf(Language.class);
        for (String c : g.languages()) {
          Language l = byCode(c);
          if (l != null && codes.contains(c)) {
            set.add(l);
          }
        }
        modelLanguages.put(g, Set.copyOf(set));
      }
    }
  }

  /**
   * An identifier over {@code codes} ({@code all} for every known language); codes it does not know
   * are logged and left out. Lingua detectors are built when first needed, once per JVM, script
   * group and language set.
   *
   * @param sampleChars characters of text looked at after the title (default 600)
   * @param minConfidence below this confidence (margin over the runner-up) the answer is {@code und}
   *     (default 0.1)
   */
  public static LanguageIdentifier shared(List<String> codes, int sampleChars, double minConfidence) {
    return shared(codes, sampleChars, minConfidence, true);
  }

  /**
   * As {@link #shared(List, int, double)}; with {@code fastPath} false every Latin-script sample goes
   * to Lingua unless its letters decide.
   *
   * @param fastPath decide Latin-script text by function words when they are decisive (default true)
   */
  public static LanguageIdentifier shared(List<String> codes, int sampleChars, double minConfidence,
      boolean fastPath) {
    Set<String> supported = ScriptGroup.allLanguages();
    Set<String> known = new TreeSet<>();
    List<String> unknown = new ArrayList<>();
    for (String raw : codes) {
      String c = raw.trim().toLowerCase(Locale.ROOT);
      if (c.equals(ALL)) {
        known.addAll(supported);
      } else if (supported.contains(c)) {
        known.add(c);
      } else {
        unknown.add(raw);
      }
    }
    if (known.size() < 2) {
      throw new IllegalArgumentException("processor.languages must name at least two languages "
          + "the identifier knows (ISO 639-1 codes such as ar,fr,en,ru,kk,es, or 'all'), got " + codes);
    }
    if (!unknown.isEmpty()) {
      LOG.warn("no language identification for {}: those languages are never reported "
          + "(remove them from processor.languages to silence this)", unknown);
    }
    return new LanguageIdentifier(Set.copyOf(known), sampleChars, minConfidence, fastPath);
  }

  /**
   * Lingua's relative values for {@code sample} among {@code languages}. With more than
   * {@value #SHORTLIST} languages and a sample longer than {@value #SHORTLIST_CHARS} characters, the
   * first {@value #SHORTLIST_CHARS} characters shortlist the {@value #SHORTLIST} best languages and
   * their close relatives, and only those score the whole sample: the cost of a model grows with the
   * languages times the characters, and the right language of a news text is always among the best
   * few on its first sentence.
   */
  private SortedMap<Language, Double> confidenceValues(Set<Language> languages, String sample) {
    if (languages.size() <= SHORTLIST || sample.length() <= SHORTLIST_CHARS + SHORTLIST_CHARS / 2) {
      return detector(languages).computeLanguageConfidenceValues(sample);
    }
    int cut = SHORTLIST_CHARS;
    while (cut < sample.length() && Character.isLetter(sample.charAt(cut))) {
      cut++;
    }
    SortedMap<Language, Double> first = detector(languages).computeLanguageConfidenceValues(sample.substring(0, cut));
    List<Map.Entry<Language, Double>> ranked = new ArrayList<>(first.entrySet());
    ranked.sort(Map.Entry.<Language, Double>comparingByValue().reversed());
    Set<Language> shortlist = EnumSet.noneOf(Language.class);
    for (Map.Entry<Language, Double> e : ranked.subList(0, Math.min(SHORTLIST, ranked.size()))) {
      shortlist.add(e.getKey());
      for (String close : CloseLanguages.of(code(e.getKey()))) {
        Language l = byCode(close);
        if (l != null && languages.contains(l)) {
          shortlist.add(l);
        }
      }
    }
    if (shortlist.size() < 2) {
      return first;
    }
    return detector(shortlist).computeLanguageConfidenceValues(sample);
  }

  /** The detector for a language set, built once per JVM (the models themselves are Lingua's, shared). */
  private static LanguageDetector detector(Set<Language> set) {
    LanguageDetector known = DETECTORS.get(set);
    if (known != null) {
      return known;
    }
    return DETECTORS.computeIfAbsent(Set.copyOf(set), s -> {
      long t0 = System.nanoTime();
      LanguageDetector d = LanguageDetectorBuilder.fromLanguages(s.toArray(new Language[0]))
          .withLowAccuracyMode().build();
      LOG.debug("language detector built for {} languages in {} ms", s.size(), (System.nanoTime() - t0) / 1_000_000);
      return d;
    });
  }

  /** True once the Lingua detector for exactly these languages has been built in this JVM. */
  static boolean detectorLoaded(Set<String> languageCodes) {
    Set<Language> set = EnumSet.noneOf(Language.class);
    languageCodes.forEach(c -> set.add(byCode(c)));
    return DETECTORS.containsKey(Set.copyOf(set));
  }

  static Language byCode(String code) {
    try {
      Language l = Language.getByIsoCode639_1(IsoCode639_1.valueOf(code.trim().toUpperCase(Locale.ROOT)));
      return l == Language.UNKNOWN ? null : l;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The languages this identifier can answer. */
  public Set<String> languages() {
    return codes;
  }

  /**
   * The language of an article. Never throws on any text: what cannot be identified is {@code und}.
   *
   * @param title the title, may be null
   * @param text the text, may be null; only its first {@code sampleChars} characters are used
   * @param hint the source's language hint ({@code fr}, {@code fr-FR}, ...), may be null
   */
  public Analysis.Language identify(String title, String text, String hint) {
    String sample = sample(title, text);
    ScriptProfile profile = ScriptProfile.of(sample);
    if (profile.total() < MIN_LETTERS) {
      return Analysis.Language.UNDETERMINED;
    }
    ScriptGroup group = profile.dominant();
    double share = profile.share(group);
    return switch (group.decision()) {
      case NONE -> Analysis.Language.UNDETERMINED;
      case SCRIPT -> answer(byScript(group, profile), SCRIPT_CONFIDENCE * share);
      case MODEL -> byModel(group, share < 1 ? ScriptProfile.only(sample, group) : sample, share, hint);
    };
  }

  /** The language of a script used by one known language, or of the CJK group. */
  static String byScript(ScriptGroup group, ScriptProfile p) {
    if (group != ScriptGroup.CJK) {
      return group.languages().iterator().next();
    }
    int cjk = p.kana + p.hangul + p.han;
    if (p.hangul > 0 && p.hangul >= p.kana && p.hangul >= HANGUL_SHARE * cjk) {
      return "ko";
    }
    if (p.kana > 0 && p.kana >= KANA_SHARE * cjk) {
      return "ja";
    }
    return "zh";
  }

  private Analysis.Language answer(String code, double confidence) {
    return code != null && codes.contains(code)
        ? new Analysis.Language(code, round(confidence))
        : Analysis.Language.UNDETERMINED;
  }

  private Analysis.Language byModel(ScriptGroup group, String sample, double share, String hint) {
    LetterCounts counts = LetterCounts.of(sample);
    String byLetters = byLetters(group, counts, sample);
    if (byLetters != null) {
      return new Analysis.Language(byLetters, round(SCRIPT_CONFIDENCE * share));
    }
    Set<Language> models = modelLanguages.get(group);
    if (group == ScriptGroup.LATIN && fastPath) {
      String byWords = FunctionWords.decide(sample, codes);
      if (byWords != null) {
        return new Analysis.Language(byWords, 0.9);
      }
    }
    if (group == ScriptGroup.LATIN && (codes.contains(IndonesianMalay.INDONESIAN) || codes.contains(IndonesianMalay.MALAY))) {
      IndonesianMalay.Tally t = IndonesianMalay.tally(sample);
      if (t.isFamily()) {
        // Indonesian or Malay by the words the two share: the words where they differ decide, else
        // the model between the two only
        String leader = t.leader();
        if (leader != null && codes.contains(leader)) {
          return new Analysis.Language(leader, FAMILY_CONFIDENCE);
        }
        Set<Language> family = EnumSet.noneOf(Language.class);
        for (Language l : models) {
          if (code(l).equals(IndonesianMalay.INDONESIAN) || code(l).equals(IndonesianMalay.MALAY)) {
            family.add(l);
          }
        }
        models = family;
      }
    }
    if (models.isEmpty()) {
      return Analysis.Language.UNDETERMINED;
    }
    if (models.size() == 1) {
      return answer(code(models.iterator().next()), SCRIPT_CONFIDENCE * share);
    }
    SortedMap<Language, Double> values = confidenceValues(models, sample);
    String top = null;
    double topValue = 0;
    String best = null;
    double bestValue = 0;
    for (Map.Entry<Language, Double> e : values.entrySet()) {
      String c = code(e.getKey());
      if (e.getValue() > topValue) {
        top = c;
        topValue = e.getValue();
      }
      if (e.getValue() > bestValue && plausible(c, counts)) {
        best = c;
        bestValue = e.getValue();
      }
    }
    if (top == null) {
      return Analysis.Language.UNDETERMINED;
    }
    if (best == null) {
      best = top;
      bestValue = topValue;
    }
    if (!best.equals(top)) {
      return new Analysis.Language(best, CORRECTED_CONFIDENCE);
    }
    Set<String> close = CloseLanguages.of(best);
    if (!close.isEmpty()) {
      // a near tie with a close relative (Indonesian and Malay): the words where they differ decide
      Set<String> tied = new TreeSet<>();
      tied.add(best);
      for (String c : close) {
        if (codes.contains(c) && valueOf(values, c) >= bestValue - HINT_MARGIN) {
          tied.add(c);
        }
      }
      String byWords = tied.contains(IndonesianMalay.INDONESIAN) && tied.contains(IndonesianMalay.MALAY)
          ? IndonesianMalay.decide(sample) : null;
      if (byWords != null && !byWords.equals(best)) {
        best = byWords;
        bestValue = valueOf(values, best);
        close = CloseLanguages.of(best);
      }
    }
    double confidence = margin(values, best, close);
    String hinted = hintCode(hint);
    if (hinted != null && !hinted.equals(best) && codes.contains(hinted)) {
      double hv = valueOf(values, hinted);
      if (hv >= bestValue - HINT_MARGIN && plausible(hinted, counts)) {
        return new Analysis.Language(hinted, round(Math.min(HINTED_CONFIDENCE, Math.max(confidence, minConfidence))));
      }
    }
    if (confidence < minConfidence && group == ScriptGroup.LATIN) {
      String leaning = FunctionWords.lean(sample, codes);
      if (leaning != null && valueOf(values, leaning) >= bestValue - HINT_MARGIN) {
        return new Analysis.Language(leaning, round(minConfidence));
      }
      // the model's first choice, which its function words confirm (Italian over Latin on a text
      // quoting a French company name)
      if (FunctionWords.agrees(sample, codes, best)) {
        return new Analysis.Language(best, round(minConfidence));
      }
    }
    if (confidence < minConfidence) {
      return Analysis.Language.UNDETERMINED;
    }
    return new Analysis.Language(best, round(confidence));
  }

  /**
   * Lingua's values are relative (the best language gets 1.0); the confidence reported is the best
   * one's margin over the runner-up, scaled so that a runner-up at {@value #FULL_MARGIN} below the
   * best or further gives 1.0 and a tie gives 0.
   */
  static double margin(Map<Language, Double> values, String code) {
    return margin(values, code, Set.of());
  }

  /**
   * As {@link #margin(Map, String)}, over the best language that is not one of {@code close}: a
   * near tie between languages whose readers understand each other (Indonesian and Malay, Croatian and
   * Bosnian, Bokmål and Danish; {@link CloseLanguages}) still tells which family the text is in, so
   * the top one is answered rather than {@code und}.
   */
  static double margin(Map<Language, Double> values, String code, Set<String> close) {
    double mine = 0;
    double other = 0;
    for (Map.Entry<Language, Double> e : values.entrySet()) {
      String c = code(e.getKey());
      if (c.equals(code)) {
        mine = e.getValue();
      } else if (!close.contains(c)) {
        other = Math.max(other, e.getValue());
      }
    }
    return Math.max(0, Math.min(1, (mine - other) / FULL_MARGIN));
  }

  String sample(String title, String text) {
    StringBuilder sb = new StringBuilder();
    if (title != null) {
      sb.append(title).append(". ");
    }
    if (text != null) {
      int end = Math.min(text.length(), sampleChars);
      // do not cut a word (or a surrogate pair) in two
      while (end < text.length() && end < sampleChars + 40
          && (Character.isLetter(text.charAt(end)) || Character.isLowSurrogate(text.charAt(end)))) {
        end++;
      }
      sb.append(text, 0, end);
    }
    return sb.toString();
  }

  /** The answer the letters alone give in a script group, or null when they are not decisive. */
  String byLetters(ScriptGroup group, LetterCounts c, String sample) {
    return switch (group) {
      case CYRILLIC -> cyrillic(c);
      case ARABIC -> arabic(c);
      case LATIN -> latin(LatinLetters.of(sample), sample);
      case DEVANAGARI -> devanagari(sample);
      default -> null;
    };
  }

  /** Hindi's frequent words (postpositions, auxiliaries, "and"), which Marathi does not write. */
  static final Set<String> HINDI_WORDS = Set.of("में", "के", "की", "का", "है", "हैं", "और", "से", "को", "ने", "था",
      "थे", "थी", "हुए", "हुई", "गया", "गई", "रहे", "रही", "लिए", "भी", "यह", "कहा");
  /** Marathi's frequent words, which Hindi does not write. */
  static final Set<String> MARATHI_WORDS = Set.of("आणि", "आहे", "आहेत", "मध्ये", "होते", "होता", "केले", "नाही",
      "त्यांनी", "सांगितले", "म्हणाले", "यांनी", "या", "हे", "व");
  /** Different frequent words of one language, and times as many as of the other, that decide it. */
  static final int DEVANAGARI_MIN = 3;
  /** Spaces and punctuation, Devanagari's danda included: where its words end. */
  private static final java.util.regex.Pattern DEVANAGARI_WORD_BREAK =
      java.util.regex.Pattern.compile("[\\s\\p{Punct}।॥“”‘’«»—–]+");

  /**
   * Devanagari: Hindi and Marathi by their frequent words (Lingua's low-accuracy mode takes short Hindi
   * news for Marathi or leaves it undecided); words are cut at spaces and punctuation only, since the
   * vowel signs inside a word are not letters.
   */
  String devanagari(String sample) {
    Set<String> hindi = new HashSet<>();
    Set<String> marathi = new HashSet<>();
    for (String w : DEVANAGARI_WORD_BREAK.split(sample)) {
      if (HINDI_WORDS.contains(w)) {
        hindi.add(w);
      } else if (MARATHI_WORDS.contains(w)) {
        marathi.add(w);
      }
    }
    if (hindi.size() >= DEVANAGARI_MIN && hindi.size() >= 3 * marathi.size() && codes.contains("hi")) {
      return "hi";
    }
    if (marathi.size() >= DEVANAGARI_MIN && marathi.size() >= 3 * hindi.size() && codes.contains("mr")) {
      return "mr";
    }
    return null;
  }

  /**
   * Latin letters: the Kazakh 2017 alphabet first (its o' g' are Uzbek's oʻ gʻ, its i' y' c' u' are
   * not), then Uzbek's oʻ gʻ, then the other letter evidence.
   */
  private String latin(LatinLetters l, String sample) {
    if (l.kazakh2017() && codes.contains("kk")) {
      return "kk";
    }
    if (codes.contains("uz")) {
      int marks = uzbekLatin(sample);
      // the words are looked up only where Uzbek is likely: a turned comma, or q not before u (qildi,
      // xalqaro), which English, French or German news writes in a few names only (Iraq, Qatar)
      int words = marks >= 1 || l.qWords >= 1 ? uzbekWords(sample) : 0;
      // oʻ gʻ twice; or once, or not at all (typed as plain o, g), with Uzbek's frequent words
      if (marks >= 2 || marks >= 1 && words >= 2 || words >= UZBEK_WORDS_MIN) {
        return "uz";
      }
    }
    return l.decide(codes);
  }

  private String cyrillic(LetterCounts c) {
    if (uzbekCyrillic(c) && codes.contains("uz")) {
      return "uz";
    }
    if (c.kazakhStrong >= 1 && c.kazakh >= 2 && c.kazakhSpread() && codes.contains("kk")) {
      return "kk";
    }
    if (c.ukrainian >= 2 && codes.contains("uk")) {
      return "uk";
    }
    if (c.shortU >= 1 && c.dotlessI >= 2 && c.ukrainian == 0 && c.kazakh == 0 && codes.contains("be")) {
      return "be";
    }
    if (c.serbian >= 1 && c.macedonian == 0 && codes.contains("sr")) {
      return "sr";
    }
    if (c.macedonian >= 1 && c.serbian == 0 && codes.contains("mk")) {
      return "mk";
    }
    if (c.mongolian >= 2 && c.kazakh == c.mongolian && c.dotlessI == 0 && codes.contains("mn")) {
      return "mn";
    }
    if (c.russian >= 1 && c.russian + c.hardSign >= 3 && c.notRussianOnlyInNames() && codes.contains("ru")) {
      return "ru";
    }
    if (c.hardSign >= 2 && c.russian == 0 && c.notRussian == 0 && c.letters >= 40 && codes.contains("bg")) {
      return "bg";
    }
    return null;
  }

  /**
   * Uzbek Cyrillic writes ў қ ғ ҳ, and none of the letters only Kazakh (ә ң ө ұ ү һ і) or Tajik
   * (ҷ ӣ ӯ) write, nor ы: two of its own ў ҳ, or one with two of қ ғ, or three of қ ғ in a text
   * without ы (a Russian text naming a Kazakh place has ы; a Kazakh text has і).
   */
  static boolean uzbekCyrillic(LetterCounts c) {
    if (c.kazakhOnly > 0 || c.tajik > 0) {
      return false;
    }
    return c.uzbek >= 2 || c.yeru == 0 && (c.uzbek >= 1 && c.qg >= 2 || c.qg >= 3);
  }

  private String arabic(LetterCounts c) {
    if (c.urdu >= 2 && codes.contains("ur")) {
      return "ur";
    }
    if (c.urdu == 0 && c.persian >= 3 && c.arabicOnly == 0 && codes.contains("fa")) {
      return "fa";
    }
    if (c.urdu == 0 && c.persian == 0 && c.arabicOnly >= 3 && codes.contains("ar")) {
      return "ar";
    }
    return null;
  }

  /**
   * False when a language's own letters are missing where they would show, or letters it never uses
   * are there: Lingua's low-accuracy mode confuses Russian with Kazakh and Persian with Urdu on short
   * text, and the letters settle it.
   */
  static boolean plausible(String code, LetterCounts c) {
    return switch (code) {
      case "kk" -> c.kazakh > 0 && c.kazakhSpread();
      // Esperanto text writes its own letters; without them a Latin text is some other language
      case "eo" -> c.esperanto > 0;
      case "mn" -> c.mongolian > 0 && c.kazakhStrong == 0;
      case "uk" -> c.ukrainian + c.dotlessI > 0 && c.russian < 2;
      case "be" -> c.shortU + c.dotlessI > 0;
      case "ru", "bg" -> (c.kazakhSpread() ? c.kazakhStrong : 0) + c.ukrainian + c.shortU + c.serbian + c.macedonian < 2;
      case "ur" -> c.urdu > 0;
      case "fa" -> c.urdu < 2;
      case "ar" -> c.urdu < 2 && c.persian < 3;
      default -> true;
    };
  }

  /**
   * Uzbek Latin marks o and g with a turned comma (oʻ, gʻ; often typed as ‘ ’ or '): counts those
   * pairs followed by two letters, as in oʻzbek, boʻlib, gʻalla.
   */
  static int uzbekLatin(String s) {
    int n = 0;
    for (int i = 1; i + 2 < s.length(); i++) {
      char m = s.charAt(i);
      if (isTurnedComma(m)) {
        char before = Character.toLowerCase(s.charAt(i - 1));
        // two letters after it ("oʻzbek", "boʻlib"; not an English possessive, "Morocco's"), or a
        // letter and the next mark ("toʻgʻri")
        if ((before == 'o' || before == 'g') && Character.isLetter(s.charAt(i + 1))
            && (Character.isLetter(s.charAt(i + 2)) || isTurnedComma(s.charAt(i + 2)))) {
          n++;
        }
      }
    }
    return n;
  }

  private static boolean isTurnedComma(char m) {
    return m == '\u02BB' || m == '\u2018' || m == '\u2019' || m == '\'';
  }

  /**
   * Uzbek's frequent words in news that neither Turkish, Azerbaijani, Kazakh nor any other Latin-script
   * language writes (for, about, with, and also, international, ministry, by, signed, region…).
   */
  static final Set<String> UZBEK_WORDS = Set.of("uchun", "haqida", "bilan", "hamda", "shuningdek", "xalqaro",
      "vazirligi", "tomonidan", "qildi", "qiladi", "qilish", "imzoladi", "orqali", "davomida", "respublikasi",
      "hukumati", "viloyati", "shahrida", "hamkorlik", "hamkorligi", "kelishuv", "kelishuvi", "etildi", "qilindi");
  /** Different Uzbek words from which Latin-script text is Uzbek without its oʻ gʻ. */
  static final int UZBEK_WORDS_MIN = 3;

  /** Different words of {@link #UZBEK_WORDS} in {@code s}. */
  static int uzbekWords(String s) {
    Set<String> found = new HashSet<>();
    FunctionWords.words(s, 16, w -> {
      if (UZBEK_WORDS.contains(w)) {
        found.add(w);
      }
    });
    return found.size();
  }

  private double valueOf(SortedMap<Language, Double> values, String code) {
    Language l = byCode(code);
    Double v = l == null ? null : values.get(l);
    return v == null ? 0 : v;
  }

  private static String hintCode(String hint) {
    if (hint == null || hint.isBlank()) {
      return null;
    }
    String h = hint.trim().toLowerCase(Locale.ROOT);
    int cut = h.indexOf('-') >= 0 ? h.indexOf('-') : h.indexOf('_');
    return cut > 0 ? h.substring(0, cut) : h;
  }

  static String code(Language l) {
    return l.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
