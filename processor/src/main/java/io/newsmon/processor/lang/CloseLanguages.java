package io.newsmon.processor.lang;

import com.ibm.icu.util.LocaleMatcher;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Languages close enough that a reader of one understands the other, by CLDR's language matching data
 * (ICU4J {@link LocaleMatcher#isMatch}): Indonesian and Malay, Croatian and Bosnian, Bokmål, Nynorsk
 * and Danish, Czech and Slovak. Lingua's low-accuracy mode often rates such a pair nearly equal on
 * short text; the identifier then answers the better one instead of {@code und}.
 */
final class CloseLanguages {

  private static final LocaleMatcher MATCHER = LocaleMatcher.builder().setSupportedLocales("en")
      .setNoDefaultLocale().build();
  private static final Map<String, Set<String>> CACHE = new ConcurrentHashMap<>();

  private CloseLanguages() {}

  /** The known languages close to {@code code} (not {@code code} itself). */
  static Set<String> of(String code) {
    return CACHE.computeIfAbsent(code, c -> {
      Set<String> close = new TreeSet<>();
      Locale mine = Locale.forLanguageTag(c);
      for (String other : ScriptGroup.allLanguages()) {
        if (!other.equals(c) && MATCHER.isMatch(mine, Locale.forLanguageTag(other))
            && MATCHER.isMatch(Locale.forLanguageTag(other), mine)) {
          close.add(other);
        }
      }
      return Set.copyOf(close);
    });
  }
}
