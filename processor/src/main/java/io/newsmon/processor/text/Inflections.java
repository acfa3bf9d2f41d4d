package io.newsmon.processor.text;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How words inflect, per language, from the data in {@code text/inflections.yaml}: suffixes that may
 * follow a name (Turkish Kazakistan+dan, Kazakh Қазақстан+ның, Hungarian Marokkó+ban, Polish
 * Kazachstan+ie), stem rules (a final vowel dropped before an ending, Finnish consonant gradation,
 * Hungarian consonant doubling), the suffixes that make a lower-case adjective of a name (Hungarian
 * rabati, Russian рабатский) and clitic prefixes (Arabic و ب ل ال, Hebrew ה ב ל). One general
 * stem + suffix mechanism: no word lists of inflected forms. Immutable and thread-safe.
 */
public final class Inflections {

  /** The bundled data. */
  public static final String RESOURCE = "/text/inflections.yaml";
  /** At most this many suffixes follow one stem. */
  public static final int MAX_SUFFIXES = 3;
  private static final String VOWELS = "aeiouyаеиоуыэюяіїєαεηιουωöüäąęő";

  @JsonIgnoreProperties(ignoreUnknown = true)
  record LanguageData(List<String> suffixes, List<String> prefixes, List<String> rules, List<String> doubled,
      List<String> adjectives, Map<String, String> alternations) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Data(Map<String, LanguageData> languages) {}

  /** The inflection rules of a set of languages, merged. */
  public static final class Rules {
    static final Rules NONE = new Rules(Set.of(), Set.of(), Set.of(), false, false, false, false, Map.of());
    private final Set<String> suffixes;
    private final Set<String> doubled;
    private final Set<String> adjectives;
    private final int maxSuffixLength;
    final boolean dropFinalVowel;
    final boolean degeminate;
    final boolean doubleConsonant;
    /** The shortest name taken as its own adjective. */
    static final int MIN_OWN_ADJECTIVE = 6;
    /** A name that already ends in an adjective suffix is its own adjective (Hungarian Almati → almati). */
    final boolean adjectiveMerges;
    /** Folded stem endings → what they become before some endings, longest first (Polish t → ci: Rabacie). */
    final Map<String, String> alternations;

    Rules(Set<String> suffixes, Set<String> doubled, Set<String> adjectives, boolean dropFinalVowel,
        boolean degeminate, boolean doubleConsonant, boolean adjectiveMerges, Map<String, String> alternations) {
      this.suffixes = Set.copyOf(suffixes);
      this.doubled = Set.copyOf(doubled);
      this.adjectives = Set.copyOf(adjectives);
      this.maxSuffixLength = suffixes.stream().mapToInt(String::length).max().orElse(0);
      this.dropFinalVowel = dropFinalVowel;
      this.degeminate = degeminate;
      this.doubleConsonant = doubleConsonant;
      this.adjectiveMerges = adjectiveMerges;
      Map<String, String> longestFirst = new TreeMap<>(Comparator.comparingInt(String::length).reversed()
          .thenComparing(x -> x));
      longestFirst.putAll(alternations);
      this.alternations = java.util.Collections.unmodifiableMap(longestFirst);
    }

    public boolean inflects() {
      return !suffixes.isEmpty();
    }

    /**
     * True when {@code word}, from {@code stemEnd} on, is a valid ending after a stem of that
     * length: one to {@value #MAX_SUFFIXES} suffixes (a stem under four letters takes endings of
     * two letters or more only, a stem of one or two letters none).
     */
    public boolean validEnding(String word, int stemEnd) {
      int rest = word.length() - stemEnd;
      if (rest <= 0 || suffixes.isEmpty() || rest > maxSuffixLength * MAX_SUFFIXES) {
        return false;
      }
      if (stemEnd <= 2 || (stemEnd < 4 && rest < 2)) {
        return false; // a word of one or two letters (w, z, в) is a word of its own: "w" + "ie" is "wie"
      }
      if (segments(word, stemEnd, MAX_SUFFIXES)) {
        return true;
      }
      if (doubleConsonant && stemEnd > 0 && rest >= 2 && word.charAt(stemEnd) == word.charAt(stemEnd - 1)
          && VOWELS.indexOf(word.charAt(stemEnd - 1)) < 0) {
        for (String d : doubled) {
          if (word.startsWith(d, stemEnd + 1)
              && (stemEnd + 1 + d.length() == word.length() || segments(word, stemEnd + 1 + d.length(), MAX_SUFFIXES - 1))) {
            return true;
          }
        }
      }
      return false;
    }

    /**
     * True when the ending of {@code word} from {@code stemEnd} on, already found valid
     * ({@link #validEnding}), starts with a suffix making an adjective of a name, which these languages
     * write in lower case (Hungarian rabat+i, Russian рабат+ск+ий, Finnish astana+laiset, Kazakh
     * алматы+лық): such a word may match a name written with a capital.
     */
    public boolean adjectiveEnding(String word, int stemEnd) {
      if (adjectives.isEmpty()) {
        return false;
      }
      for (String a : adjectives) {
        if (word.startsWith(a, stemEnd)) {
          return true;
        }
      }
      return false;
    }

    /**
     * True when {@code name}, matched with no ending, is written in lower case as its own adjective: in a
     * language whose adjective suffix merges with a name that already ends in it (Hungarian Almati +
     * i → almati, Helsinki → helsinki).
     */
    public boolean ownAdjective(String name) {
      // short names are left out: their lower-case form is too often a word of another language
      // (Hungarian Mali, Turkish mali "financial")
      if (!adjectiveMerges || name.length() < MIN_OWN_ADJECTIVE) {
        return false;
      }
      for (String a : adjectives) {
        if (name.endsWith(a)) {
          return true;
        }
      }
      return false;
    }

    private boolean segments(String word, int from, int left) {
      if (from == word.length()) {
        return true;
      }
      if (left == 0) {
        return false;
      }
      int max = Math.min(maxSuffixLength, word.length() - from);
      for (int len = max; len >= 1; len--) {
        if (suffixes.contains(word.substring(from, from + len)) && segments(word, from + len, left - 1)) {
          return true;
        }
      }
      return false;
    }
  }

  private final Map<String, LanguageData> languages;
  private final List<String> prefixes;
  private final Map<Set<String>, Rules> merged = new ConcurrentHashMap<>();
  private final Map<Character.UnicodeScript, List<String>> writing = new ConcurrentHashMap<>();

  private Inflections(Map<String, LanguageData> languages) {
    this.languages = languages;
    Set<String> p = new TreeSet<>(Comparator.comparingInt(String::length).reversed().thenComparing(s -> s));
    for (LanguageData d : languages.values()) {
      if (d.prefixes() != null) {
        d.prefixes().forEach(x -> p.add(TextNormalizer.fold(x)));
      }
    }
    this.prefixes = List.copyOf(p);
  }

  private static volatile Inflections bundled;

  /** The bundled rules, loaded once. */
  public static Inflections bundled() {
    Inflections b = bundled;
    if (b == null) {
      try (InputStream in = Inflections.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("missing " + RESOURCE + " on the class path");
        }
        Data d = new ObjectMapper(new YAMLFactory()).readValue(in, Data.class);
        b = new Inflections(d.languages() == null ? Map.of() : d.languages());
        bundled = b;
      } catch (IOException e) {
        throw new IllegalStateException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
      }
    }
    return b;
  }

  /** The languages with inflection data. */
  public Set<String> languages() {
    return languages.keySet();
  }

  /**
   * The languages whose suffixes are written in {@code script} (Uzbek in both Latin and Cyrillic), in
   * code order.
   */
  public List<String> languagesWriting(Character.UnicodeScript script) {
    return writing.computeIfAbsent(script, this::findLanguagesWriting);
  }

  private List<String> findLanguagesWriting(Character.UnicodeScript script) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, LanguageData> e : new TreeMap<>(languages).entrySet()) {
      List<String> suffixes = e.getValue().suffixes() == null ? List.of() : e.getValue().suffixes();
      for (String s : suffixes) {
        if (!s.isEmpty() && Character.UnicodeScript.of(s.codePointAt(0)) == script) {
          out.add(e.getKey());
          break;
        }
      }
    }
    return List.copyOf(out);
  }

  /** The merged rules of these languages (codes without data add nothing). */
  public Rules rules(Collection<String> langs) {
    Set<String> key = Set.copyOf(langs);
    return merged.computeIfAbsent(key, k -> {
      Set<String> suffixes = new HashSet<>();
      Set<String> doubled = new HashSet<>();
      Set<String> adjectives = new HashSet<>();
      boolean drop = false;
      boolean degeminate = false;
      boolean dbl = false;
      boolean merges = false;
      Map<String, String> alternations = new HashMap<>();
      for (String lang : k) {
        LanguageData d = languages.get(baseLanguage(lang));
        if (d == null) {
          continue;
        }
        if (d.suffixes() != null) {
          d.suffixes().forEach(s -> suffixes.add(TextNormalizer.fold(s)));
        }
        if (d.doubled() != null) {
          d.doubled().forEach(s -> doubled.add(TextNormalizer.fold(s)));
        }
        if (d.adjectives() != null) {
          // an adjective suffix is a suffix too: it may be followed by the case endings
          d.adjectives().forEach(s -> {
            adjectives.add(TextNormalizer.fold(s));
            suffixes.add(TextNormalizer.fold(s));
          });
        }
        if (d.alternations() != null) {
          d.alternations().forEach((from, to) -> alternations.put(TextNormalizer.fold(from), TextNormalizer.fold(to)));
        }
        List<String> r = d.rules() == null ? List.of() : d.rules();
        drop |= r.contains("dropFinalVowel");
        degeminate |= r.contains("degeminate");
        dbl |= r.contains("doubleConsonant");
        merges |= r.contains("adjectiveMerges");
      }
      suffixes.remove("");
      adjectives.remove("");
      return suffixes.isEmpty() && doubled.isEmpty() ? Rules.NONE
          : new Rules(suffixes, doubled, adjectives, drop, degeminate, dbl, merges, alternations);
    });
  }

  /** {@code uz-Cyrl} → {@code uz}. */
  public static String baseLanguage(String lang) {
    int dash = lang.indexOf('-');
    int us = lang.indexOf('_');
    int cut = dash < 0 ? us : us < 0 ? dash : Math.min(dash, us);
    return cut < 0 ? lang : lang.substring(0, cut);
  }

  /**
   * The stems an alias word (folded) is matched by, besides itself: without its final vowel when the
   * rules drop it, with a single consonant when they degeminate, and with its last consonants
   * alternated where the language softens them before an ending (Polish Rabat → Rabaci+e, Kenitra →
   * Kenitrz+e, Ukrainian Касабланка → Касабланц+і). These stems need an ending.
   */
  public static List<String> reducedStems(String word, Rules rules) {
    List<String> out = new ArrayList<>(2);
    int n = word.length();
    if (n >= 5 && VOWELS.indexOf(word.charAt(n - 1)) >= 0) {
      if (rules.dropFinalVowel) {
        out.add(word.substring(0, n - 1));
      }
      if (rules.degeminate && n >= 6 && word.charAt(n - 2) == word.charAt(n - 3)
          && VOWELS.indexOf(word.charAt(n - 2)) < 0) {
        out.add(word.substring(0, n - 2) + word.charAt(n - 1));
      }
    }
    if (!rules.alternations.isEmpty() && n >= 4) {
      String stem = out.isEmpty() || !rules.dropFinalVowel ? word : out.get(0);
      for (Map.Entry<String, String> a : rules.alternations.entrySet()) {
        if (stem.endsWith(a.getKey()) && stem.length() - a.getKey().length() >= 3) {
          out.add(stem.substring(0, stem.length() - a.getKey().length()) + a.getValue());
          break;
        }
      }
    }
    return out;
  }

  /**
   * The forms of a folded text word to look up: the word, then the word without each clitic prefix
   * it starts with (longest first), keeping at least two letters.
   */
  public List<String> bases(String folded) {
    if (folded.isEmpty() || prefixes.isEmpty()) {
      return List.of(folded);
    }
    char first = folded.charAt(0);
    if (first < 0x0590 || first > 0x06FF) {
      return List.of(folded); // prefixes are Hebrew and Arabic-script clitics
    }
    Set<String> out = new LinkedHashSet<>(4);
    out.add(folded);
    for (String p : prefixes) {
      if (folded.length() - p.length() >= 2 && folded.startsWith(p)) {
        out.add(folded.substring(p.length()));
      }
    }
    return List.copyOf(out);
  }
}
