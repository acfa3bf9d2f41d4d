package io.newsmon.common.record;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * What the processor found in one article. Shared by the stream ({@link ProcessedArticle}) and
 * by {@code newsmon analyze}, so both say the same thing.
 *
 * @param language detected language and confidence ({@code und} when unsure)
 * @param contentHash hex SHA-256 of the normalised text: equal for exact copies
 * @param fingerprint 64-bit SimHash of the normalised text as 16 hex digits: near copies differ in few bits
 * @param duplicateOf id of the article this one copies, or null when it is an original
 * @param storyId id shared by all articles reporting the same story, across languages
 * @param entities gazetteer entities found in the text
 * @param topics topic labels found in the text (diplomacy, trade, ...)
 * @param watches one verdict per configured watch
 * @param event what the article reports, in a form that does not depend on its language (story
 *     matching); null when not computed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Analysis(
    Language language,
    String contentHash,
    String fingerprint,
    String duplicateOf,
    String storyId,
    List<Entity> entities,
    List<String> topics,
    List<WatchMatch> watches,
    Event event) {

  public Analysis {
    entities = entities == null ? List.of() : List.copyOf(entities);
    topics = topics == null ? List.of() : List.copyOf(topics);
    watches = watches == null ? List.of() : List.copyOf(watches);
  }

  /** An analysis without an event representation. */
  public Analysis(Language language, String contentHash, String fingerprint, String duplicateOf, String storyId,
      List<Entity> entities, List<String> topics, List<WatchMatch> watches) {
    this(language, contentHash, fingerprint, duplicateOf, storyId, entities, topics, watches, null);
  }

  public Analysis withDedup(String duplicateOf, String storyId) {
    return new Analysis(language, contentHash, fingerprint, duplicateOf, storyId, entities, topics, watches, event);
  }

  /** True when any watch judged the article relevant. */
  public boolean relevant() {
    return watches.stream().anyMatch(WatchMatch::relevant);
  }

  /** Detected language. {@code code} is ISO 639-1 (or {@code und}); confidence in [0, 1]. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Language(String code, double confidence) {
    public static final Language UNDETERMINED = new Language("und", 0.0);
  }

  /**
   * An entity mention: {@code id} is the gazetteer id (e.g. {@code ma:bourita}), {@code type} one of
   * country, person, place, organisation; {@code country} the ISO code of the side it belongs to;
   * {@code start}/{@code end} character offsets into the article text (title excluded).
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Entity(String id, String type, String country, String surface, int start, int end) {}

  /**
   * A verdict of one watch over the article, with the spans that justify it and {@code notes}: why
   * names or sentences were not taken as a relation (a city naming a café, a treaty or a team; a
   * same-named place in a third country; a comparison; each side's separate dealings with a third
   * country).
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record WatchMatch(String watchId, boolean relevant, double score, List<Evidence> evidence,
      List<String> notes) {
    public WatchMatch {
      evidence = evidence == null ? List.of() : List.copyOf(evidence);
      notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public WatchMatch(String watchId, boolean relevant, double score, List<Evidence> evidence) {
      this(watchId, relevant, score, evidence, List.of());
    }
  }

  /**
   * The event an article reports, independent of its language and script.
   *
   * @param day the day the event happened (ISO date): a date stated in the headline or the lead,
   *     resolved against the publication time ("on Friday", "yesterday"), else the publication day
   * @param dayStated true when {@code day} was stated in the text, false when it is the publication day
   * @param actions kinds of action the headline and lead report (visit, call, message, signing,
   *     ratification, shipment, launch, forum, consultations, ...)
   * @param names keys of the named things in the text that the watches' gazetteers do not know
   *     (people, places, companies, ships), the same in every script: a consonant skeleton of the
   *     name transliterated to Latin
   * @param quantities numbers and quantities of the text, normalised ({@code 400 000},
   *     {@code 400,000}, {@code 400 тыс.} and {@code ٤٠٠ ألف} are all {@code 400000})
   * @param leadQuantities those of the headline and lead
   * @param dates other dates the text mentions (ISO dates)
   * @param published the publication day (else the fetch day; ISO date), or null
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Event(String day, boolean dayStated, List<String> actions, List<String> names,
      List<String> quantities, List<String> leadQuantities, List<String> dates, String published) {
    public Event {
      actions = actions == null ? List.of() : List.copyOf(actions);
      names = names == null ? List.of() : List.copyOf(names);
      quantities = quantities == null ? List.of() : List.copyOf(quantities);
      leadQuantities = leadQuantities == null ? List.of() : List.copyOf(leadQuantities);
      dates = dates == null ? List.of() : List.copyOf(dates);
    }
  }

  /** A span of the article text, with character offsets. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Evidence(String text, int start, int end) {}
}
