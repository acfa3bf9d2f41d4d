package io.newsmon.processor.watch;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.newsmon.common.record.Analysis;
import io.newsmon.processor.text.Inflections;
import io.newsmon.processor.text.Scripts;
import io.newsmon.processor.text.TextNormalizer;
import io.newsmon.processor.text.Token;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A compiled {@link WatchDefinition}: one {@link NameMatcher} for the names (the sides' curated
 * entities; unless switched off, each side's country name and CLDR cities in every language CLDR
 * has; and every other country's name, to see a third country), one for the cue words (bilateral
 * cues, topics, the lexicon of {@code watches/lexicon.yaml}), and the relation judgement
 * ({@link RelationTagger}). Immutable and thread-safe.
 */
public final class Watch {

  /** An entity: gazetteer id, type, country, and side index (0 or 1; {@value #THIRD} for a third country). */
  public record EntityRef(String id, String type, String country, int side) {}

  /** Side index of a third country's name. */
  public static final int THIRD = -2;
  static final EntityRef EXCLUDED = new EntityRef("!excluded", "", "", -1);
  /** Territories never taken as a third country (disputed with a side, named alongside it). */
  static final Set<String> NEVER_THIRD = Set.of("EH");

  /** A cue word: its kind (bilateral, topic, work, treaty, club, link, compareBefore, compareAfter, both). */
  record Cue(String kind, String topic) {}

  /** The bundled lexicon resource. */
  public static final String LEXICON = "/watches/lexicon.yaml";

  @JsonIgnoreProperties(ignoreUnknown = true)
  record LexiconFile(Map<String, Map<String, List<String>>> lexicon) {}

  private static volatile Map<String, Map<String, List<String>>> bundledLexicon;

  /** Gives the verdict where the rules found evidence; null: the rules decide. */
  private final RelevanceModel model;
  /** Whether the features of an article the model may judge include its words ({@link TextGrams}). */
  private final boolean readsWords;
  private final WatchDefinition definition;
  private final NameMatcher<EntityRef> names = new NameMatcher<>();
  private final NameMatcher<Cue> cues = new NameMatcher<>();
  private final Endings endings;
  /** The sides' places by consonant key, for names written in another script (see {@link PlaceKeys}). */
  private final PlaceKeys placeKeys;

  /**
   * Word endings of the lexicon (kinds ending in {@code Ending}), not matched as words but read off the
   * last word of a name: a comparison particle written onto the name (Korean 모로코처럼) and locative
   * case endings (Hungarian Marokkóban, Turkish Fas'ta). Only the words of mentions are tested, against
   * hash sets, so the cost does not grow with the text.
   */
  record Endings(Set<String> compare, Set<String> locative, Set<String> cases, int longest, Set<String> thirdStems) {
    static final Endings NONE = new Endings(Set.of(), Set.of(), Set.of(), 0, Set.of());
    /** The shortest stem of a third country's name taken as the start of an adjective. */
    static final int MIN_STEM = 4;
    static final int MAX_STEM = 12;

    /**
     * True when {@code form} is an adjective made from a third country's name: it starts with the
     * name's stem (the folded name without its final vowels, at least {@value #MIN_STEM} letters) and
     * goes on for at least two more letters (мальтійському from Мальта, maltesischen from Malta).
     */
    boolean thirdAdjective(String form) {
      for (int k = Math.min(MAX_STEM, form.length() - 2); k >= MIN_STEM; k--) {
        if (thirdStems.contains(form.substring(0, k))) {
          return true;
        }
      }
      return false;
    }

    /** The ending of {@code kind} that {@code form} ends with, leaving at least two letters before it; else null. */
    String of(Set<String> kind, String form) {
      for (int k = Math.min(longest, form.length() - 2); k >= 1; k--) {
        String end = form.substring(form.length() - k);
        if (kind.contains(end)) {
          return end;
        }
      }
      return null;
    }
  }

  public Watch(WatchDefinition d) {
    this(d, null);
  }

  /**
   * A watch whose verdict, where the rules found evidence, is given by {@code model} (decision 0026);
   * {@code model} null keeps the rules' verdict.
   */
  public Watch(WatchDefinition d, RelevanceModel model) {
    this(d, model, weighsWords(model));
  }

  /** Whether {@code model} (null: none) weighs an article's words, so that a watch must read them. */
  public static boolean weighsWords(RelevanceModel model) {
    return model != null && model.text() != null;
  }

  /**
   * A watch as {@link #Watch(WatchDefinition, RelevanceModel)}, reading the words of an article the
   * model may judge ({@link TextGrams}, decision 0042) when {@code readsWords}: needed by a model with
   * text weights and by whoever trains one; a watch that reads none spares their cost.
   */
  public Watch(WatchDefinition d, RelevanceModel model, boolean readsWords) {
    this.model = model;
    this.readsWords = readsWords;
    if (d.id() == null || !d.id().matches("[a-z0-9][a-z0-9._-]{0,100}")) {
      throw new IllegalArgumentException("watch id '" + d.id()
          + "' must be lower-case letters, digits, '.', '_' or '-'");
    }
    if (d.sides().size() != 2) {
      throw new IllegalArgumentException("watch '" + d.id() + "' must have exactly two sides, has "
          + d.sides().size());
    }
    this.definition = d;
    Map<String, EntityRef> byId = new HashMap<>();
    // exclusions first: where an excluded phrase and a name cover the same words, the phrase hides them
    // (Persian تازه "fresh" and Taza's تازة read alike once folded)
    for (WatchDefinition.Side side : d.sides()) {
      side.exclude().forEach((lang, list) -> list.forEach(a -> addName(a, lang, EXCLUDED)));
    }
    if (d.cldrNamesOrDefault()) {
      // the country names first: where a name is also a curated city (Persian مراکش is Morocco,
      // Arabic مراكش Marrakesh) the country wins
      for (int s = 0; s < 2; s++) {
        WatchDefinition.Side side = d.sides().get(s);
        String cc = side.country() == null ? "" : side.country().toUpperCase(Locale.ROOT);
        String id = cc.toLowerCase(Locale.ROOT) + ":country";
        String type = "country";
        for (WatchDefinition.EntityDefinition e : side.entities()) {
          if (e.id().equals(id) && e.type() != null) {
            type = e.type();
          }
        }
        EntityRef country = new EntityRef(id, type, cc, s);
        byId.put(id, country);
        for (CountryNames.Name n : CountryNames.country(cc)) {
          addName(n.text(), n.lang(), country);
        }
      }
    }
    for (int s = 0; s < 2; s++) {
      WatchDefinition.Side side = d.sides().get(s);
      if (side.entities().isEmpty() && !d.cldrNamesOrDefault()) {
        throw new IllegalArgumentException("watch '" + d.id() + "': side " + side.country()
            + " has no entities");
      }
      if (side.country() == null || !side.country().matches("[A-Za-z]{2}")) {
        throw new IllegalArgumentException("watch '" + d.id() + "': side country '" + side.country()
            + "' must be an ISO 3166 two-letter code");
      }
      for (WatchDefinition.EntityDefinition e : side.entities()) {
        EntityRef ref = new EntityRef(e.id(), e.type() == null ? "other" : e.type(), side.country(), s);
        byId.put(e.id(), ref);
        e.aliases().forEach((lang, list) -> list.forEach(a -> addName(a, lang, ref)));
        if (ref.type().equals("place") || ref.type().equals("city")) {
          addInEveryLanguageOfItsScript(e, ref);
        }
      }
    }
    if (d.cldrNamesOrDefault()) {
      for (int s = 0; s < 2; s++) {
        String cc = d.sides().get(s).country().toUpperCase(Locale.ROOT);
        String prefix = cc.toLowerCase(Locale.ROOT) + ":";
        final int side = s;
        CountryNames.cities(cc).forEach((key, list) -> {
          EntityRef city = byId.computeIfAbsent(prefix + key, id -> new EntityRef(id, "place", cc, side));
          list.forEach(n -> addName(n.text(), n.lang(), city));
        });
      }
    }
    placeKeys = d.cldrNamesOrDefault() ? addGazetteer(d, byId) : PlaceKeys.NONE;
    Set<String> sideCodes = Set.of(d.sides().get(0).country().toUpperCase(Locale.ROOT),
        d.sides().get(1).country().toUpperCase(Locale.ROOT));
    // third countries in the languages that have cue words or inflection data (the traps are
    // recognised in those), each distinct name once per language: a name written alike in several
    // languages (Сенегал in Azerbaijani Cyrillic, Kazakh, Russian) takes the endings of each
    // (Сенегала), not only of the first language listed
    Set<String> thirdLanguages = new HashSet<>(Inflections.bundled().languages());
    thirdLanguages.addAll(bundledLexicon().keySet());
    thirdLanguages.addAll(d.lexicon().keySet());
    Set<String> seen = new HashSet<>();
    Set<String> stems = new HashSet<>();
    CountryNames.allCountries().forEach((code, list) -> {
      if (!sideCodes.contains(code) && !NEVER_THIRD.contains(code)) {
        EntityRef third = new EntityRef("third:" + code, "country", code, THIRD);
        for (CountryNames.Name n : list) {
          String base = Inflections.baseLanguage(n.lang());
          if (thirdLanguages.contains(base) && seen.add(n.text() + '\u0000' + base)) {
            // Kazakh text in the Latin alphabets names third countries too (Qytaı)
            addInKazakhLatinToo(n.text(), n.lang(), third);
            String stem = stem(n.text());
            if (stem != null) {
              stems.add(stem);
            }
          }
        }
      }
    });
    names.build();

    Cue bilateral = new Cue("bilateral", null);
    d.bilateralCues().forEach((lang, list) -> list.forEach(c -> cues.add(c, lang, bilateral)));
    d.topics().forEach((topic, byLang) -> {
      Cue t = new Cue("topic", topic);
      byLang.forEach((lang, list) -> list.forEach(w -> cues.add(w, lang, t)));
    });
    List<Map<String, Map<String, List<String>>>> lexicons = List.of(d.lexicon(), bundledLexicon());
    Set<String> compareEndings = new HashSet<>();
    Set<String> locativeEndings = new HashSet<>();
    Set<String> caseEndings = new HashSet<>();
    for (Map<String, Map<String, List<String>>> lexicon : lexicons) {
      lexicon.forEach((lang, kinds) -> kinds.forEach((kind, list) -> {
        Cue c = new Cue(kind, null);
        if (list == null) {
          return;
        }
        if (kind.endsWith("Ending")) {
          Set<String> into = kind.equals("compareEnding") ? compareEndings : kind.equals("locativeEnding")
              ? locativeEndings : kind.equals("caseEnding") ? caseEndings : null;
          if (into == null) {
            throw new IllegalArgumentException("unknown lexicon kind '" + kind + "' (" + lang + ")");
          }
          list.forEach(w -> into.add(TextNormalizer.fold(w))); // as the words of the text are folded
        } else {
          // prepositions are not inflected: Polish "w" with an ending would match "wie"
          String inflected = kind.equals("pairIn") ? null : lang;
          list.forEach(w -> cues.add(w, inflected, c));
        }
      }));
    }
    cues.build();
    int longest = 0;
    for (Set<String> kind : List.of(compareEndings, caseEndings, locativeEndings)) {
      for (String e : kind) {
        longest = Math.max(longest, e.length());
      }
    }
    endings = new Endings(Set.copyOf(compareEndings), Set.copyOf(locativeEndings), Set.copyOf(caseEndings), longest,
        Set.copyOf(stems));
  }

  /**
   * Adds each side's cities from GeoNames ({@link Gazetteer}) that the watch does not name yet: the name
   * in every language with inflection data that writes Latin letters (Kenitra, Polish "w Kenitrze" by
   * its endings), and, with the Latin names of the side's curated places, the consonant keys that find
   * them written in other scripts (Κενίτρα, قنیطرہ, Караганде).
   */
  private PlaceKeys addGazetteer(WatchDefinition d, Map<String, EntityRef> byId) {
    PlaceKeys.Builder keys = new PlaceKeys.Builder();
    for (int s = 0; s < 2; s++) {
      WatchDefinition.Side side = d.sides().get(s);
      String cc = side.country().toUpperCase(Locale.ROOT);
      String prefix = cc.toLowerCase(Locale.ROOT) + ":";
      final int sideIndex = s;
      for (WatchDefinition.EntityDefinition e : side.entities()) {
        if ("place".equals(e.type()) || "city".equals(e.type())) {
          EntityRef ref = byId.get(e.id());
          e.aliases().values().forEach(list -> list.forEach(a -> keys.add(a, PlaceKeys.CURATED, ref)));
        }
      }
      for (Gazetteer.City c : Gazetteer.cities(cc)) {
        String id = prefix + TextNormalizer.fold(c.name()).replaceAll("[^\\p{L}]+", "-");
        EntityRef ref = byId.computeIfAbsent(id, k -> new EntityRef(k, "place", cc, sideIndex));
        // GeoNames writes the name in Latin letters: English stands for it, the others of its script follow
        addName(c.name(), "en", ref);
        addInEveryLanguageOfItsScript(c.name(), "en", ref);
        keys.add(c.name(), c.population(), ref);
      }
    }
    return keys.build(Set.of(d.sides().get(0).country().toUpperCase(Locale.ROOT),
        d.sides().get(1).country().toUpperCase(Locale.ROOT)));
  }

  /**
   * Registers each curated alias of a place of at least {@value #MIN_SHARED_PLACE} characters also
   * under every language with inflection data that writes the alias's script: a city's name is spelt
   * alike across the languages of one script (Astana in German, Polish and Czech), and each takes it
   * with its own case endings (Polish "z Astany", Czech "v Astaně").
   */
  private void addInEveryLanguageOfItsScript(WatchDefinition.EntityDefinition e, EntityRef ref) {
    e.aliases().forEach((lang, list) -> list.forEach(a -> addInEveryLanguageOfItsScript(a, lang, ref)));
  }

  /** {@link #addInEveryLanguageOfItsScript(WatchDefinition.EntityDefinition, EntityRef)} for one name of {@code lang}. */
  private void addInEveryLanguageOfItsScript(String a, String lang, EntityRef ref) {
    if (a.length() < MIN_SHARED_PLACE || a.indexOf(' ') >= 0 || Scripts.hasNoSpace(a)) {
      return;
    }
    for (String other : Inflections.bundled().languagesWriting(Character.UnicodeScript.of(a.codePointAt(0)))) {
      if (!other.equals(Inflections.baseLanguage(lang))) {
        addName(a, other, ref);
      }
    }
  }

  /** The shortest curated place name registered under the other languages of its script. */
  static final int MIN_SHARED_PLACE = 5;

  /**
   * Adds a name, and where it contains an apostrophe between letters (Uzbek Qozogʻiston, Oʻzbekiston)
   * also its other spelling, so that text written with either apostrophe matches; a Kazakh name in
   * Cyrillic also in the Latin alphabets of Kazakh ({@link io.newsmon.processor.text.KazakhLatin}).
   */
  private void addName(String name, String lang, EntityRef ref) {
    addInKazakhLatinToo(name, lang, ref);
    if (name.indexOf('\u02BB') >= 0 || name.indexOf('\u02BC') >= 0) {
      names.add(name.replace('\u02BB', '\'').replace('\u02BC', '\''), lang, ref);
    } else if (name.indexOf('\'') > 0 || name.indexOf('\u2018') > 0 || name.indexOf('\u2019') > 0) {
      names.add(name.replace('\'', '\u02BB').replace('\u2018', '\u02BB').replace('\u2019', '\u02BB'), lang, ref);
    }
  }

  /**
   * Adds a name, and where it is Kazakh also its spellings in the Latin alphabets Kazakh is written in
   * (2018 and 2021): Түркия as Túrkııa, Қытай as Qytaı.
   */
  private void addInKazakhLatinToo(String name, String lang, EntityRef ref) {
    names.add(name, lang, ref);
    if (Inflections.baseLanguage(lang).equals("kk")) {
      for (String latin : io.newsmon.processor.text.KazakhLatin.spellings(name)) {
        names.add(latin, lang, ref);
      }
    }
  }

  /**
   * The stem from which adjectives of a one-word country name are made: the folded name without its
   * final vowels, when it is written in letters and keeps {@value Endings#MIN_STEM} to
   * {@value Endings#MAX_STEM} of them; else null.
   */
  static String stem(String name) {
    if (name.indexOf(' ') >= 0 || name.indexOf('-') >= 0) {
      return null;
    }
    String f = TextNormalizer.fold(name);
    int end = f.length();
    while (end > 0 && "aeiouyаеиоуыэюяіїєөұүәαεηιοωυ".indexOf(f.charAt(end - 1)) >= 0) {
      end--;
    }
    for (int i = 0; i < end; i++) {
      if (!Character.isLetter(f.charAt(i)) || Character.isIdeographic(f.charAt(i))) {
        return null;
      }
    }
    return end >= Endings.MIN_STEM && end <= Endings.MAX_STEM ? f.substring(0, end) : null;
  }

  static Map<String, Map<String, List<String>>> bundledLexicon() {
    Map<String, Map<String, List<String>>> l = bundledLexicon;
    if (l == null) {
      try (InputStream in = Watch.class.getResourceAsStream(LEXICON)) {
        if (in == null) {
          throw new IllegalStateException("missing " + LEXICON + " on the class path");
        }
        LexiconFile f = new ObjectMapper(new YAMLFactory()).readValue(in, LexiconFile.class);
        bundledLexicon = l = f.lexicon() == null ? Map.of() : f.lexicon();
      } catch (IOException e) {
        throw new IllegalStateException("cannot read " + LEXICON + ": " + e.getMessage(), e);
      }
    }
    return l;
  }

  public String id() {
    return definition.id();
  }

  public String ruleVersion() {
    return definition.ruleVersion();
  }

  public WatchDefinition definition() {
    return definition;
  }

  /**
   * What one watch found in one article; {@code naming}: where the rules found no evidence but the body
   * names both sides, the sentences naming them (shown by a model that judges such articles).
   */
  public record Result(List<Analysis.Entity> entities, List<String> topics, Analysis.WatchMatch match,
      RelationFeatures features, List<Analysis.Evidence> naming) {}

  /**
   * Tags one article.
   *
   * @param text the article text (offsets refer to it), {@code tokens} its tokens
   * @param title the title (may be empty), {@code titleTokens} its tokens
   */
  public Result tag(String text, List<Token> tokens, String title, List<Token> titleTokens) {
    RelationTagger.Doc body = doc(text, tokens);
    RelationTagger.Doc head = doc(title, titleTokens);
    List<Analysis.Entity> found = new ArrayList<>();
    for (Mention m : body.mentions()) {
      found.add(new Analysis.Entity(m.ref().id(), m.ref().type(), m.ref().country(),
          text.substring(m.start(), m.end()), m.start(), m.end()));
    }
    Set<String> topicSet = new TreeSet<>();
    for (RelationTagger.Doc doc : List.of(body, head)) {
      for (NameMatcher.Match<Cue> c : doc.cues()) {
        if (c.payload().topic() != null) {
          topicSet.add(c.payload().topic());
        }
      }
    }
    RelationTagger.Judgement j = RelationTagger.judgeWithFeatures(definition.id(), definition.minScoreOrDefault(),
        body, head, topicSet.size());
    RelationFeatures features = j.features();
    if (readsWords && (!j.match().evidence().isEmpty() || !j.naming().isEmpty())) {
      // an article the model may judge: its words too (decision 0042)
      features = features.withText(TextGrams.of(title, titleTokens, head.mentions(), text, tokens, body.mentions()));
    }
    Analysis.WatchMatch match = model == null ? j.match() : model.apply(j.match(), features, j.naming());
    return new Result(found, List.copyOf(topicSet), match, features, j.naming());
  }

  private RelationTagger.Doc doc(String text, List<Token> tokens) {
    List<Mention> mentions = new ArrayList<>();
    List<Mention> thirds = new ArrayList<>();
    List<NameMatcher.Match<EntityRef>> names = this.names.find(text, tokens);
    for (NameMatcher.Match<EntityRef> m : names) {
      EntityRef r = m.payload();
      if (r == EXCLUDED) {
        continue;
      }
      Mention mention = new Mention(r, m.start(), m.end(), m.fromToken(), m.toToken());
      (r.side() == THIRD ? thirds : mentions).add(mention);
    }
    placeKeys.find(tokens, names, mentions);
    return new RelationTagger.Doc(text, tokens, mentions, thirds, outside(cues.find(text, tokens), names), endings);
  }

  /**
   * The cue words that overlap no name other than an excluded phrase (in scripts without spaces a cue such as 本 "book" can sit
   * inside a name such as 日本).
   */
  private static List<NameMatcher.Match<Cue>> outside(List<NameMatcher.Match<Cue>> cueMatches,
      List<NameMatcher.Match<EntityRef>> nameMatches) {
    if (nameMatches.isEmpty() || cueMatches.isEmpty()) {
      return cueMatches;
    }
    List<NameMatcher.Match<Cue>> out = new ArrayList<>(cueMatches.size());
    int j = 0;
    for (NameMatcher.Match<Cue> c : cueMatches) {
      while (j < nameMatches.size() && nameMatches.get(j).end() <= c.start()) {
        j++;
      }
      // an excluded phrase hides names, not cues: "Wydad" in "Wydad Casablanca" still names a club
      if (j < nameMatches.size() && nameMatches.get(j).start() < c.end() && nameMatches.get(j).payload() != EXCLUDED) {
        continue;
      }
      out.add(c);
    }
    return out;
  }

  /** One name found: what it names, its character span and token span. */
  record Mention(EntityRef ref, int start, int end, int fromToken, int toToken) {
    int side() {
      return ref.side();
    }
  }

  /** For diagnostics: the number of names and cue words compiled. */
  public Map<String, Integer> sizes() {
    Map<String, Integer> out = new LinkedHashMap<>();
    out.put("names", names.size());
    out.put("cues", cues.size());
    return out;
  }
}
