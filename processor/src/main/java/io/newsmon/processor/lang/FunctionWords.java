package io.newsmon.processor.lang;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A fast first opinion on Latin-script text: counts frequent function words that are distinctive of
 * one language (articles, conjunctions, prepositions). When one configured language has at least
 * {@value #MIN_HITS} hits and {@value #MIN_LEAD} times as many as any other, that is the answer;
 * otherwise there is none and Lingua decides. On news text this settles most samples in a few
 * microseconds instead of the detector's millisecond.
 */
final class FunctionWords {

  static final int MIN_HITS = 8;
  static final int MIN_LEAD = 4;

  private static final Map<String, String> WORD_TO_LANGUAGE = new HashMap<>();

  static {
    add("en", "the", "and", "of", "is", "was", "with", "that", "said", "from", "which", "have", "has", "were", "this");
    add("fr", "les", "des", "du", "et", "est", "dans", "une", "avec", "sur", "aux", "qui", "pour", "été", "ont", "pas");
    add("es", "los", "las", "el", "y", "según", "del", "por", "está", "fue", "sus", "como", "más", "entre", "han");
    add("pt", "os", "não", "em", "uma", "ao", "dos", "das", "com", "foi", "pelo", "pela", "são", "também", "seu");
    add("it", "il", "gli", "della", "che", "è", "nel", "alla", "sono", "degli", "dei", "delle", "anche", "stato");
    add("de", "der", "die", "und", "ist", "von", "mit", "den", "dem", "nicht", "auch", "wurde", "sich", "eine");
    add("tr", "ve", "bir", "bu", "için", "ile", "olarak", "olan", "daha", "ancak", "gibi", "kadar");
  }

  private FunctionWords() {}

  private static void add(String language, String... words) {
    for (String w : words) {
      if (WORD_TO_LANGUAGE.put(w, language) != null) {
        throw new IllegalStateException("function word '" + w + "' listed twice");
      }
    }
  }

  /** The language whose function words clearly dominate, among {@code allowed}; null when none does. */
  static String decide(String sample, Set<String> allowed) {
    Map<String, Integer> hits = new HashMap<>();
    int n = sample.length();
    int i = 0;
    while (i < n) {
      while (i < n && !Character.isLetter(sample.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && Character.isLetter(sample.charAt(i))) {
        i++;
      }
      if (i > start && i - start <= 7) {
        String lang = WORD_TO_LANGUAGE.get(sample.substring(start, i).toLowerCase(Locale.ROOT));
        if (lang != null && allowed.contains(lang)) {
          hits.merge(lang, 1, Integer::sum);
        }
      }
    }
    String best = null;
    int bestHits = 0;
    int second = 0;
    for (Map.Entry<String, Integer> e : hits.entrySet()) {
      if (e.getValue() > bestHits) {
        second = bestHits;
        best = e.getKey();
        bestHits = e.getValue();
      } else if (e.getValue() > second) {
        second = e.getValue();
      }
    }
    return best != null && bestHits >= MIN_HITS && bestHits >= MIN_LEAD * second ? best : null;
  }

  /** The languages this class knows. */
  static List<String> languages() {
    return List.of("en", "fr", "es", "pt", "it", "de", "tr");
  }
}
