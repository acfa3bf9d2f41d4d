package io.newsmon.processor.watch;

import io.newsmon.processor.text.TextNormalizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cities of every country from GeoNames ({@code places/cities.tsv}: at least 15,000 inhabitants,
 * about 24,000 cities in Latin letters), so that a watch on any pair of countries knows each side's
 * towns beyond the capitals and the cities CLDR names: Kenitra, Taraz, Pavlodar, Taounate. A city counts
 * for its country only where its name is its own: a name that a city of another country in the list also
 * bears (Aksu in China, Aral in Xinjiang, Sale in England) is left out, as is a name of fewer than
 * {@value #MIN_LETTERS} letters. Loaded once per JVM.
 */
public final class Gazetteer {

  /** A city: its name as GeoNames writes it in Latin letters, and its population. */
  public record City(String name, int population) {}

  static final String RESOURCE = "/places/cities.tsv";
  /** Shortest name kept. */
  static final int MIN_LETTERS = 4;
  /**
   * A city of another country whose name sounds alike (the same consonant key, {@link PlaceKeys}) with at
   * least this share of the city's population takes the key from it.
   */
  static final int NAMESAKE_SHARE = 10;

  private static volatile Map<String, List<City>> byCountry;

  private Gazetteer() {}

  /** The cities of a country (ISO 3166 code) whose names are their own, most populous first. */
  public static List<City> cities(String country) {
    String cc = country.toUpperCase(Locale.ROOT);
    Map<String, String> owners = owners();
    List<City> own = new ArrayList<>();
    for (City c : load().getOrDefault(cc, List.of())) {
      String folded = TextNormalizer.fold(c.name());
      if (letters(folded) >= MIN_LETTERS && cc.equals(owners.get(folded))) {
        own.add(c);
      }
    }
    return List.copyOf(own);
  }

  /** Every country's cities (ISO 3166 code → cities, most populous first). */
  public static Map<String, List<City>> all() {
    return load();
  }

  private static final String SHARED = "";
  private static volatile Map<String, String> owners;

  /** Folded city name → the one country whose cities bear it, or {@code ""} where several do. */
  private static Map<String, String> owners() {
    Map<String, String> o = owners;
    if (o == null) {
      Map<String, String> m = new HashMap<>();
      load().forEach((country, list) -> {
        for (City c : list) {
          m.merge(TextNormalizer.fold(c.name()), country, (a, b) -> a.equals(b) ? a : SHARED);
        }
      });
      owners = o = Map.copyOf(m);
    }
    return o;
  }

  private static int letters(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      n += Character.isLetter(s.charAt(i)) ? 1 : 0;
    }
    return n;
  }

  private static Map<String, List<City>> load() {
    Map<String, List<City>> m = byCountry;
    if (m == null) {
      synchronized (Gazetteer.class) {
        m = byCountry;
        if (m == null) {
          m = read();
          byCountry = m;
        }
      }
    }
    return m;
  }

  private static Map<String, List<City>> read() {
    try (InputStream in = Gazetteer.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing " + RESOURCE + " on the class path");
      }
      Map<String, List<City>> out = new HashMap<>();
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        if (f.length != 3) {
          throw new IllegalStateException(RESOURCE + " line " + n + ": expected country, name, population");
        }
        out.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new City(f[1], Integer.parseInt(f[2])));
      }
      Map<String, List<City>> frozen = new HashMap<>();
      out.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
      return Map.copyOf(frozen);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
    }
  }
}
