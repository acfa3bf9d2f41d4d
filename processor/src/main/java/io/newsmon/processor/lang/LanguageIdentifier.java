package io.newsmon.processor.lang;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import io.newsmon.common.record.Analysis;
import java.util.ArrayList;
import java.util.EnumSet;
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
 * Identifies an article's language among a configured set (ISO 639-1 codes).
 *
 * <p>Only the title and the first {@code sampleChars} characters of the text are looked at (default
 * 600). Script rules decide first where the letters alone are decisive: Kazakh-specific Cyrillic
 * letters (Ә Ғ Қ Ң Ө Ұ Ү Һ, and І without Ukrainian letters) mean Kazakh; Ukrainian letters
 * (Ї Є Ґ) Ukrainian; Urdu-specific letters (ٹ ڈ ڑ ں ے ھ) Urdu; Persian letters (پ چ ژ گ ی ک) without
 * Arabic-only ones Persian; ة ى and Arabic ي ك without Persian letters Arabic. Latin-script text is
 * decided by {@link FunctionWords} when one language's function words clearly dominate (the fast
 * path, on by default: {@code processor.language.fast-path}). Otherwise Lingua
 * (low-accuracy mode, restricted to the configured languages) decides, and its answer is corrected
 * for the known confusions (Kazakh without any Kazakh letter → Russian; Urdu without Urdu letters
 * → Persian or Arabic). A source hint (feed language, {@code <html lang>}) is evidence: it wins when
 * Lingua rates it nearly as high as its best guess (within {@value #HINT_MARGIN} of the relative
 * value 1.0), and the confidence is then at most {@value #HINTED_CONFIDENCE}. Lingua's confidence is
 * turned into the best language's margin over the runner-up ({@link #margin}); when that is below
 * {@code minConfidence} or there are too few letters, the answer is {@code und}.
 *
 * <p>Lingua's models are loaded once per JVM and language set ({@link #shared}); the detector is
 * thread-safe and shared without locking.
 */
public final class LanguageIdentifier {

  private static final Logger LOG = LoggerFactory.getLogger(LanguageIdentifier.class);
  private static final Map<Set<Language>, LanguageDetector> DETECTORS = new ConcurrentHashMap<>();

  /** Fewer letters than this in the sample: {@code und}. */
  public static final int MIN_LETTERS = 12;
  /** How far below the best relative value (1.0) a hinted language may be and still be chosen. */
  public static final double HINT_MARGIN = 0.1;
  /** Margin over the runner-up (in Lingua's relative values) that counts as full confidence. */
  public static final double FULL_MARGIN = 0.25;
  /** Confidence reported when the source hint decided: at most this. */
  public static final double HINTED_CONFIDENCE = 0.5;
  /** Confidence reported when the letters corrected Lingua (Kazakh/Russian, Urdu/Persian). */
  public static final double CORRECTED_CONFIDENCE = 0.6;

  private final Set<String> codes;
  private final LanguageDetector detector;
  private final int sampleChars;
  private final double minConfidence;
  private final boolean fastPath;
  /** Uzbek is configured: Lingua has no model for it, so the letters alone decide it. */
  private final boolean uzbek;

  private LanguageIdentifier(Set<String> codes, LanguageDetector detector, int sampleChars,
      double minConfidence, boolean fastPath, boolean uzbek) {
    this.uzbek = uzbek;
    this.codes = codes;
    this.detector = detector;
    this.sampleChars = sampleChars;
    this.minConfidence = minConfidence;
    this.fastPath = fastPath;
  }

  /**
   * An identifier over {@code codes}; codes Lingua does not know (such as {@code uz}) are logged and
   * left out. The Lingua detector is built once per JVM for a given language set.
   *
   * @param sampleChars characters of text looked at after the title (default 600)
   * @param minConfidence below this confidence (margin over the runner-up) the answer is {@code und}
   *     (default 0.2)
   */
  public static LanguageIdentifier shared(List<String> codes, int sampleChars, double minConfidence) {
    return shared(codes, sampleChars, minConfidence, true);
  }

  /**
   * As {@link #shared(List, int, double)}; with {@code fastPath} false every sample goes to Lingua
   * except where the script rules decide.
   *
   * @param fastPath decide Latin-script text by function words when they are decisive (default true)
   */
  public static LanguageIdentifier shared(List<String> codes, int sampleChars, double minConfidence,
      boolean fastPath) {
    Set<Language> languages = EnumSet.noneOf(Language.class);
    Set<String> known = new TreeSet<>();
    List<String> unknown = new ArrayList<>();
    for (String c : codes) {
      Language l = byCode(c);
      if (l == null) {
        unknown.add(c);
      } else {
        languages.add(l);
        known.add(c.toLowerCase(Locale.ROOT));
      }
    }
    if (languages.size() < 2) {
      throw new IllegalArgumentException("processor.languages must name at least two languages "
          + "the detector knows (ISO 639-1 codes such as ar,fr,en,ru,kk,es), got " + codes);
    }
    LanguageDetector detector = DETECTORS.computeIfAbsent(Set.copyOf(languages), set -> {
      long t0 = System.nanoTime();
      LanguageDetector d = LanguageDetectorBuilder.fromLanguages(set.toArray(new Language[0]))
          .withLowAccuracyMode().build();
      LOG.info("language detector built for {} in {} ms", known, (System.nanoTime() - t0) / 1_000_000);
      if (!unknown.isEmpty()) {
        // Lingua has no Uzbek: its letters decide it instead (see byScript and uzbekLatin)
        boolean knownGap = unknown.stream().allMatch(c -> c.equals("uz"));
        String message = knownGap
            ? "language detector has no model for {}: identified by its letters only"
            : "language detector has no model for {}: those languages are never reported "
                + "(remove them from processor.languages to silence this)";
        if (knownGap) {
          LOG.debug(message, unknown);
        } else {
          LOG.warn(message, unknown);
        }
      }
      return d;
    });
    return new LanguageIdentifier(Set.copyOf(known), detector, sampleChars, minConfidence, fastPath,
        unknown.contains("uz"));
  }

  private static Language byCode(String code) {
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
   * The language of an article.
   *
   * @param title the title, may be null
   * @param text the text, may be null; only its first {@code sampleChars} characters are used
   * @param hint the source's language hint ({@code fr}, {@code fr-FR}, ...), may be null
   */
  public Analysis.Language identify(String title, String text, String hint) {
    String sample = sample(title, text);
    ScriptCounts counts = ScriptCounts.of(sample);
    if (counts.letters < MIN_LETTERS) {
      return Analysis.Language.UNDETERMINED;
    }
    String byScript = byScript(counts);
    if (byScript == null && uzbek && uzbekLatin(sample) >= 2 && counts.latin >= counts.letters / 2) {
      byScript = "uz";
    }
    if (byScript != null) {
      return new Analysis.Language(byScript, 0.95);
    }
    if (fastPath && counts.latin >= 0.9 * counts.letters) {
      String byWords = FunctionWords.decide(sample, codes);
      if (byWords != null) {
        return new Analysis.Language(byWords, 0.9);
      }
    }
    SortedMap<Language, Double> values = detector.computeLanguageConfidenceValues(sample);
    String best = null;
    double bestValue = 0;
    for (Map.Entry<Language, Double> e : values.entrySet()) {
      if (e.getValue() > bestValue) {
        best = code(e.getKey());
        bestValue = e.getValue();
      }
    }
    if (best == null) {
      return Analysis.Language.UNDETERMINED;
    }
    String corrected = correct(best, counts);
    if (!corrected.equals(best)) {
      return codes.contains(corrected)
          ? new Analysis.Language(corrected, CORRECTED_CONFIDENCE)
          : Analysis.Language.UNDETERMINED;
    }
    double confidence = margin(values, best);
    String hinted = hintCode(hint);
    if (hinted != null && !hinted.equals(best) && codes.contains(hinted)) {
      double hv = valueOf(values, hinted);
      if (hv >= bestValue - HINT_MARGIN && correct(hinted, counts).equals(hinted)) {
        return new Analysis.Language(hinted, round(Math.min(HINTED_CONFIDENCE, Math.max(confidence, minConfidence))));
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
    double mine = 0;
    double other = 0;
    for (Map.Entry<Language, Double> e : values.entrySet()) {
      if (code(e.getKey()).equals(code)) {
        mine = e.getValue();
      } else {
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
      // do not cut a word in two
      while (end < text.length() && end < sampleChars + 40 && Character.isLetter(text.charAt(end))) {
        end++;
      }
      sb.append(text, 0, end);
    }
    return sb.toString();
  }

  /** The answer the letters alone give, or null when they are not decisive. */
  String byScript(ScriptCounts c) {
    if (c.cyrillic >= c.letters / 2) {
      if (uzbek && c.uzbek >= 2 && c.kazakhOnly == 0) {
        return "uz";
      }
      if (c.kazakh >= 2 && codes.contains("kk")) {
        return "kk";
      }
      if (c.ukrainian >= 2 && codes.contains("uk")) {
        return "uk";
      }
      if (c.kazakh == 0 && c.ukrainian == 0 && c.belarusianOrUkrainianI == 0 && c.russian >= 3
          && codes.contains("ru") && onlyAmong(Set.of("ru", "uk", "kk"), "cyrillic")) {
        return "ru";
      }
      return null;
    }
    if (c.arabic >= c.letters / 2) {
      if (c.urdu >= 2 && codes.contains("ur")) {
        return "ur";
      }
      if (c.urdu == 0 && c.persian >= 3 && c.arabicOnly == 0 && codes.contains("fa")) {
        return "fa";
      }
      if (c.urdu == 0 && c.persian == 0 && c.arabicOnly >= 3 && codes.contains("ar")
          && onlyAmong(Set.of("ar", "fa", "ur"), "arabic")) {
        return "ar";
      }
      return null;
    }
    return null;
  }

  /**
   * Uzbek Latin marks o and g with a turned comma (oʻ, gʻ; often typed as ‘ ’ or '): counts those
   * pairs followed by two letters, as in oʻzbek, boʻlib, gʻalla.
   */
  static int uzbekLatin(String s) {
    int n = 0;
    for (int i = 1; i + 2 < s.length(); i++) {
      char m = s.charAt(i);
      if (m == '\u02BB' || m == '\u2018' || m == '\u2019' || m == '\'') {
        char before = Character.toLowerCase(s.charAt(i - 1));
        // two letters after it: "oʻzbek", "boʻlib", but not an English possessive ("Morocco's")
        if ((before == 'o' || before == 'g') && Character.isLetter(s.charAt(i + 1))
            && Character.isLetter(s.charAt(i + 2))) {
          n++;
        }
      }
    }
    return n;
  }

  /** True when the configured languages written in this script are all within {@code known}. */
  private boolean onlyAmong(Set<String> known, String script) {
    Set<String> cyrillic = Set.of("ru", "uk", "kk", "be", "bg", "mk", "sr", "mn");
    Set<String> arabic = Set.of("ar", "fa", "ur");
    for (String c : codes) {
      boolean inScript = script.equals("cyrillic") ? cyrillic.contains(c) : arabic.contains(c);
      if (inScript && !known.contains(c)) {
        return false;
      }
    }
    return true;
  }

  /** Corrects Lingua's known confusions using the letters. */
  String correct(String best, ScriptCounts c) {
    if (best.equals("kk") && c.kazakh == 0) {
      return c.ukrainian > 0 ? "uk" : "ru";
    }
    if ((best.equals("ru") || best.equals("uk") || best.equals("mn")) && c.kazakh >= 2) {
      return "kk";
    }
    if (best.equals("ur") && c.urdu == 0) {
      return c.persian > 0 ? "fa" : "ar";
    }
    if (best.equals("fa") && c.urdu >= 2) {
      return "ur";
    }
    return best;
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

  private static String code(Language l) {
    return l.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  /** Letter counts by script and by language-specific letter. */
  static final class ScriptCounts {
    int letters;
    int latin;
    int cyrillic;
    int arabic;
    int kazakh;
    /** Letters Kazakh has and Uzbek lacks: ә ң ө ұ ү һ і. */
    int kazakhOnly;
    /** Letters Uzbek Cyrillic has and Kazakh lacks: ў ҳ. */
    int uzbek;
    int ukrainian;
    int belarusianOrUkrainianI;
    int russian;
    int urdu;
    int persian;
    int arabicOnly;

    static ScriptCounts of(String s) {
      ScriptCounts c = new ScriptCounts();
      for (int i = 0; i < s.length(); ) {
        int cp = s.codePointAt(i);
        i += Character.charCount(cp);
        if (!Character.isLetter(cp)) {
          continue;
        }
        c.letters++;
        int lower = Character.toLowerCase(cp);
        if (lower < 0x0250) {
          c.latin++;
        } else if (lower >= 0x0400 && lower <= 0x052F) {
          c.cyrillic++;
          switch (lower) {
            case 'ә', 'ң', 'ө', 'ұ', 'ү', 'һ', 'і' -> c.kazakhOnly++;
            case 'ў', 'ҳ' -> c.uzbek++;
            default -> { }
          }
          switch (lower) {
            case 'ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'һ' -> c.kazakh++;
            case 'ї', 'є', 'ґ' -> c.ukrainian++;
            case 'і' -> c.belarusianOrUkrainianI++;
            case 'ы', 'э', 'ъ', 'ё' -> c.russian++;
            default -> { }
          }
        } else if (lower >= 0x0600 && lower <= 0x06FF) {
          c.arabic++;
          switch (lower) {
            case 0x0679, 0x0688, 0x0691, 0x06BA, 0x06D2, 0x06BE, 0x06C1 -> c.urdu++;
            case 0x067E, 0x0686, 0x0698, 0x06AF, 0x06CC, 0x06A9 -> c.persian++;
            case 0x0629, 0x0649, 0x064A, 0x0643 -> c.arabicOnly++;
            default -> { }
          }
        }
      }
      // Kazakh also writes і; with Kazakh letters it is Kazakh evidence, not Ukrainian
      if (c.kazakh > 0) {
        c.kazakh += c.belarusianOrUkrainianI;
      }
      return c;
    }
  }
}
