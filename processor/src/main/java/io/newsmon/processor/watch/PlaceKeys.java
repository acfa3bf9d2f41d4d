package io.newsmon.processor.watch;

import io.newsmon.processor.story.Names;
import io.newsmon.processor.text.Inflections;
import io.newsmon.processor.text.Scripts;
import io.newsmon.processor.text.TextNormalizer;
import io.newsmon.processor.text.Token;
import io.newsmon.processor.text.Word;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sides' places found by sound where a text writes them in a script the watch has no name in
 * (decision 0039): each Latin place name (GeoNames' cities of the side, the curated places) and each
 * word of a text in another script is reduced to its consonant key ({@link Names#key(String)}: ICU
 * transliteration to Latin, vowels dropped, letters that scripts render differently merged), so that
 * Κενίτρα, قنیطرہ and Кенитра all give Kenitra's {@code kntr}. Only keys of at least {@value #MIN_KEY}
 * consonants are kept, and none that also names another country's city of at least a tenth of the
 * place's population, a third country (in a language with inflection data), or the other side. Words tried: in scripts with capitals, the
 * capitalised ones; in Arabic script, also without their clitics (بقاراغاندا); in other scripts with
 * spaces (Devanagari, Hangul, Hebrew…), every word; in scripts without spaces, katakana runs. A word
 * whose key is a place's key with one more consonant (a case ending: Павлодаром) names it when the
 * place's key has at least {@value #MIN_KEY_WITH_ENDING} consonants. Latin words are left to the
 * names (their own spellings and endings). Immutable and thread-safe.
 */
final class PlaceKeys {

  /** Shortest key matched (three consonants, in capitalised words only, gained nothing on the labelled set). */
  static final int MIN_KEY = 4;
  /** Shortest key matched in a Hangul word. */
  static final int MIN_HANGUL_KEY = 5;
  /** Shortest place key matched with one more consonant after it. */
  static final int MIN_KEY_WITH_ENDING = 5;
  /** The population taken for a curated place (a namesake elsewhere must be this large to take its key). */
  static final int CURATED = 1_000_000;

  static final PlaceKeys NONE = new PlaceKeys(Map.of());

  private final Map<String, Watch.EntityRef> byKey;

  private PlaceKeys(Map<String, Watch.EntityRef> byKey) {
    this.byKey = byKey;
  }

  /** Collects the sides' place names. */
  static final class Builder {
    private final Map<String, Watch.EntityRef> refs = new HashMap<>();
    private final Map<String, Integer> population = new HashMap<>();
    private final Set<String> clash = new HashSet<>();

    /** Adds a Latin single-word place name of a side with its population. */
    void add(String name, int people, Watch.EntityRef ref) {
      if (ref == null || name.indexOf(' ') >= 0 || name.indexOf('-') >= 0 || name.isEmpty()
          || Character.UnicodeScript.of(name.codePointAt(0)) != Character.UnicodeScript.LATIN) {
        return;
      }
      String key = Names.keyOf(TextNormalizer.fold(name));
      if (key == null || key.length() < MIN_KEY) {
        return;
      }
      Watch.EntityRef had = refs.putIfAbsent(key, ref);
      if (had != null && had.side() != ref.side()) {
        clash.add(key);
      }
      population.merge(key, people, Math::max);
    }

    /** The keys that name no other country's city of comparable size and no third country. */
    PlaceKeys build(Set<String> sideCountries) {
      Map<String, Integer> elsewhere = new HashMap<>();
      Gazetteer.all().forEach((country, cities) -> {
        if (!sideCountries.contains(country)) {
          for (Gazetteer.City c : cities) {
            if (c.name().indexOf(' ') < 0) {
              String key = Names.keyOf(TextNormalizer.fold(c.name()));
              if (key != null && refs.containsKey(key)) {
                elsewhere.merge(key, c.population(), Math::max);
              }
            }
          }
        }
      });
      Set<String> seen = new HashSet<>();
      Set<String> languages = Inflections.bundled().languages();
      CountryNames.allCountries().forEach((country, names) -> {
        if (!sideCountries.contains(country)) {
          for (CountryNames.Name n : names) {
            String t = n.text();
            if (!t.isEmpty() && Character.UnicodeScript.of(t.codePointAt(0)) == Character.UnicodeScript.LATIN
                && languages.contains(Inflections.baseLanguage(n.lang())) && seen.add(t)) {
              String key = Names.keyOf(TextNormalizer.fold(t));
              if (key != null && refs.containsKey(key)) {
                clash.add(key);
              }
            }
          }
        }
      });
      Map<String, Watch.EntityRef> out = new HashMap<>();
      refs.forEach((key, ref) -> {
        Integer other = elsewhere.get(key);
        if (!clash.contains(key) && (other == null || (long) other * Gazetteer.NAMESAKE_SHARE < population.get(key))) {
          out.put(key, ref);
        }
      });
      return new PlaceKeys(Map.copyOf(out));
    }
  }

  /** The number of keys. */
  int size() {
    return byKey.size();
  }

  private Watch.EntityRef lookUp(String key) {
    if (key == null || key.length() < MIN_KEY) {
      return null;
    }
    Watch.EntityRef r = byKey.get(key);
    if (r == null && key.length() > MIN_KEY_WITH_ENDING) {
      r = byKey.get(key.substring(0, key.length() - 1));
    }
    return r;
  }

  /**
   * Adds to {@code mentions} the places named by words of {@code tokens} that no name of {@code names}
   * covers (see the class comment), keeping the mentions in text order.
   */
  void find(List<Token> tokens, List<NameMatcher.Match<Watch.EntityRef>> names, List<Watch.Mention> mentions) {
    if (byKey.isEmpty()) {
      return;
    }
    boolean added = false;
    int j = 0;
    for (int i = 0; i < tokens.size(); i++) {
      while (j < names.size() && names.get(j).toToken() <= i) {
        j++;
      }
      if (j < names.size() && names.get(j).fromToken() <= i) {
        continue;
      }
      Token t = tokens.get(i);
      Watch.EntityRef r = candidate(t) ? place(t) : null;
      if (r != null) {
        mentions.add(new Watch.Mention(r, t.start(), t.end(), i, i + 1));
        added = true;
      }
    }
    if (added) {
      mentions.sort(Comparator.comparingInt(Watch.Mention::start));
    }
  }

  private Watch.EntityRef place(Token t) {
    // Hangul words carry their particles and read many common nouns with four consonants (발주처 "client"
    // keys like Balkhash): they need a key of five
    int min = Character.UnicodeScript.of(t.first()) == Character.UnicodeScript.HANGUL ? MIN_HANGUL_KEY : MIN_KEY;
    for (String key : t.word().get(KEYS)) {
      if (key.length() < min) {
        continue;
      }
      Watch.EntityRef r = lookUp(key);
      if (r != null) {
        return r;
      }
    }
    return null;
  }

  private static final String[] NO_KEYS = new String[0];

  /** The keys a word is looked up by, kept with the word (computed once per distinct word). */
  private static final Word.Slot<String[]> KEYS = Word.slot(PlaceKeys::keysOf);

  /**
   * The keys of a folded word: its own (Greek with its digraphs read as letters) and, in Arabic script,
   * those of its readings without clitics.
   */
  static String[] keysOf(String form) {
    if (form.isEmpty()) {
      return NO_KEYS;
    }
    char first = form.charAt(0);
    String own = Names.key(form); // the story step's key, kept with the word
    List<String> bases = first >= 0x0600 && first <= 0x06FF ? Inflections.bundled().bases(form) : List.of();
    LinkedHashSet<String> keys = new LinkedHashSet<>();
    if (own != null) {
      keys.add(own);
    }
    for (String base : bases) {
      String k = base.length() < form.length() ? Names.keyOf(base) : null;
      if (k != null) {
        keys.add(k);
      }
    }
    return keys.isEmpty() ? NO_KEYS : keys.toArray(NO_KEYS);
  }

  /** Whether the word is looked up (see the class comment). */
  private static boolean candidate(Token t) {
    int cp = t.first();
    if (t.numeric() || cp < 0x0250) {
      return false; // digits, punctuation and Latin letters (left to the names)
    }
    if (Scripts.isNoSpace(cp)) {
      return cp >= 0x30A0 && cp <= 0x30FF; // katakana
    }
    return t.is(Token.FIRST_UPPER) || t.is(Token.FIRST_TITLE)
        || Character.toUpperCase(cp) == cp && Character.toLowerCase(cp) == cp; // capitalised, or a caseless script
  }
}
