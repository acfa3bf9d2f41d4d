package io.newsmon.processor.watch;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * A watch as declared in YAML: two sides (each a country with its entities and their aliases per
 * language), cue phrases saying the two deal with each other, and topic lexicons. See the bundled
 * {@code watches/morocco-kazakhstan.yaml} for the format.
 *
 * @param id lower-case id, also the suffix of the watch's alert topic
 * @param ruleVersion version of these rules, carried into alerts; change it when you change the file
 * @param minScore score (0..1) from which an article with relation evidence is relevant (default 0.3)
 * @param sides exactly two
 * @param bilateralCues per language, phrases signalling a relation ("the two countries", "bilateral")
 * @param topics topic id → per language, its terms
 * @param lexicon per language, cue words added to the bundled {@code watches/lexicon.yaml} (kinds:
 *     work, treaty, club, link, compareBefore, compareAfter, bilateral, both)
 * @param cldrNames whether each side's country name and cities are added in every language CLDR
 *     has, with its towns from GeoNames ({@link Gazetteer}, {@link PlaceKeys}) (default true)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WatchDefinition(
    String id,
    String ruleVersion,
    String description,
    Double minScore,
    List<Side> sides,
    Map<String, List<String>> bilateralCues,
    Map<String, Map<String, List<String>>> topics,
    Map<String, Map<String, List<String>>> lexicon,
    Boolean cldrNames) {

  public WatchDefinition {
    sides = sides == null ? List.of() : List.copyOf(sides);
    bilateralCues = bilateralCues == null ? Map.of() : Map.copyOf(bilateralCues);
    topics = topics == null ? Map.of() : topics;
    lexicon = lexicon == null ? Map.of() : lexicon;
  }

  public WatchDefinition(String id, String ruleVersion, String description, Double minScore,
      List<Side> sides, Map<String, List<String>> bilateralCues,
      Map<String, Map<String, List<String>>> topics) {
    this(id, ruleVersion, description, minScore, sides, bilateralCues, topics, null, null);
  }

  public boolean cldrNamesOrDefault() {
    return cldrNames == null || cldrNames;
  }

  public double minScoreOrDefault() {
    return minScore == null ? 0.3 : minScore;
  }

  /**
   * One side of the relation.
   *
   * @param country ISO 3166 code, used as the entities' {@code country}
   * @param exclude per language, phrases that hide the words they cover (e.g. "المغرب العربي")
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Side(String country, String name, List<EntityDefinition> entities,
      Map<String, List<String>> exclude) {
    public Side {
      entities = entities == null ? List.of() : List.copyOf(entities);
      exclude = exclude == null ? Map.of() : Map.copyOf(exclude);
    }
  }

  /**
   * An entity of a side.
   *
   * @param id gazetteer id such as {@code ma:bourita}
   * @param type country, person, place or organisation
   * @param aliases per language, the names it goes by
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record EntityDefinition(String id, String type, Map<String, List<String>> aliases) {
    public EntityDefinition {
      aliases = aliases == null ? Map.of() : Map.copyOf(aliases);
    }
  }
}
