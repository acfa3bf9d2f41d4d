package io.newsmon.processor.watch;

import com.ibm.icu.text.LocaleDisplayNames;
import com.ibm.icu.text.TimeZoneNames;
import com.ibm.icu.util.Region;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Names of countries and their cities in every language CLDR covers, from ICU4J's data (ICU 78,
 * CLDR 48: about 250 languages and script variants, against about 210 in the JDK 17 runtime's
 * {@code jdk.localedata}): the country's display name per language, and the exemplar city names of
 * its time zones (Almaty, Aqtau, Casablanca…) per language. Loaded once per JVM.
 */
public final class CountryNames {

  /** A name in a language (ISO 639 code, with its script when CLDR has several: {@code uz-Cyrl}). */
  public record Name(String text, String lang) {}

  private static final Map<String, List<Name>> COUNTRY = new ConcurrentHashMap<>();
  private static final Map<String, Map<String, List<Name>>> CITIES = new ConcurrentHashMap<>();
  private static volatile List<ULocale> locales;
  private static volatile Map<String, List<Name>> allCountries;

  private CountryNames() {}

  /** The language locales of the ICU data: no region, with or without a script. */
  public static List<ULocale> locales() {
    List<ULocale> l = locales;
    if (l == null) {
      Set<String> seen = new TreeSet<>();
      List<ULocale> out = new ArrayList<>();
      for (ULocale u : ULocale.getAvailableLocales()) {
        if (u.getCountry().isEmpty() && u.getVariant().isEmpty() && seen.add(u.toLanguageTag())) {
          out.add(u);
        }
      }
      locales = l = List.copyOf(out);
    }
    return l;
  }

  /** The country's name in every language (ISO 3166 code, e.g. {@code MA}); duplicates removed per language. */
  public static List<Name> country(String region) {
    return COUNTRY.computeIfAbsent(region.toUpperCase(Locale.ROOT),
        r -> allCountries().getOrDefault(r, List.of()));
  }

  /**
   * The country's cities that CLDR names (its time zones' exemplar cities), by lower-case city key
   * ({@code almaty}, {@code aqtau}), each with its names in every language.
   */
  public static Map<String, List<Name>> cities(String region) {
    return CITIES.computeIfAbsent(region.toUpperCase(Locale.ROOT), r -> {
      Map<String, List<Name>> out = new LinkedHashMap<>();
      String[] zones = TimeZone.getAvailableIDs(r);
      for (String zone : zones) {
        String key = zone.substring(zone.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT).replace('_', '-');
        List<Name> names = new ArrayList<>();
        for (ULocale u : locales()) {
          String name = TimeZoneNames.getInstance(u).getExemplarLocationName(zone);
          if (properNoun(name)) {
            names.add(new Name(name, u.toLanguageTag()));
          }
        }
        out.put(key, List.copyOf(names));
      }
      return out;
    });
  }

  /**
   * True for a name that starts with a capital, or is in a script without case: a few languages
   * write some place names in lower case, and matching those would loosen the rule that a
   * capitalised name must be capitalised in the text (Oral the city, not an oral agreement).
   */
  static boolean properNoun(String name) {
    if (name == null || name.isBlank()) {
      return false;
    }
    int first = name.codePointAt(0);
    return !Character.isLowerCase(first);
  }

  /** Every territory's names in every language, by ISO 3166 code. */
  public static Map<String, List<Name>> allCountries() {
    Map<String, List<Name>> all = allCountries;
    if (all == null) {
      List<String> codes = new ArrayList<>();
      for (Region region : Region.getAvailable(Region.RegionType.TERRITORY)) {
        String code = region.toString();
        if (code.length() == 2 && Character.isLetter(code.charAt(0))) {
          codes.add(code);
        }
      }
      Map<String, List<Name>> out = new LinkedHashMap<>();
      codes.forEach(c -> out.put(c, new ArrayList<>()));
      for (ULocale u : locales()) {
        LocaleDisplayNames names = LocaleDisplayNames.getInstance(u);
        String tag = u.toLanguageTag();
        for (String code : codes) {
          String name = names.regionDisplayName(code);
          if (properNoun(name) && !name.equals(code)) {
            out.get(code).add(new Name(name, tag));
          }
        }
      }
      out.replaceAll((k, v) -> List.copyOf(v));
      allCountries = all = out;
    }
    return all;
  }
}
