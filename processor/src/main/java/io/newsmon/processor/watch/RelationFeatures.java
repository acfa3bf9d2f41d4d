package io.newsmon.processor.watch;

import java.util.List;

/**
 * Language-independent facts about one article that the relation rules already computed, as numbers
 * in [0, 1] for the relevance model (decision 0026): how much evidence of each strength was found,
 * whether the two sides share a sentence and how close they stand there, relation cues in the pair
 * sentence or only elsewhere, third countries in the pair sentence and the title, numbers next to the
 * names (rankings), names standing for institutions rather than the countries, and the kinds of
 * refusal the rules noted, comparative words ("than", 比, niż; decision 0034) in the sentences naming
 * a side, and words saying that things are separate or unrelated anywhere in the article (decision
 * 0037). Built by {@link RelationTagger} from counts it keeps anyway, so it costs a few array
 * reads per sentence.
 *
 * <p>Where the model judges an article, the article's words come with them as hashed n-grams
 * ({@link TextGrams}, decision 0042).
 *
 * @param values one value per name of {@link #NAMES}, in that order
 * @param text the article's word n-grams ({@link TextGrams#NONE} where they were not read)
 */
public record RelationFeatures(double[] values, TextGrams text) {

  /** The names of the features, in the order of {@link #values()}. */
  public static final List<String> NAMES = List.of(
      "sentence_evidence", "paragraph_evidence", "cue_evidence", "score", "title_names_both",
      "title_accepted", "relation_cue_in_evidence", "says_relation", "comparative", "separate", "sports",
      "other_pair", "separate_dealings", "notes", "pair_sentences", "pair_sentences_refused",
      "bilateral_in_pair_sentence", "relation_cue_only_elsewhere", "closest_pair", "third_in_pair_sentence",
      "third_in_title", "one_side_with_third", "actors_of_both", "indirect_share", "mentions",
      "side_balance", "numbers_near_names", "sentences_naming_a_side", "namesake_set_aside",
      "note_each_side", "note_roll_call", "note_comparison", "note_title", "coordinated_pair",
      "clause_between_pair", "parallel_figures", "third_mentions", "pair_in_lead", "pair_sentence_share",
      "than_in_pair_sentence", "than_share", "apart_words", "parallel_frames");

  private static final java.util.Map<String, Integer> INDEX = new java.util.HashMap<>();

  static {
    for (int i = 0; i < NAMES.size(); i++) {
      INDEX.put(NAMES.get(i), i);
    }
  }

  /** The features of an article in which neither side is named. */
  public static final RelationFeatures NONE = new RelationFeatures(new double[NAMES.size()]);

  /** Features without the article's words. */
  public RelationFeatures(double[] values) {
    this(values, TextGrams.NONE);
  }

  /** The same features with the article's word n-grams. */
  public RelationFeatures withText(TextGrams grams) {
    return new RelationFeatures(values, grams);
  }

  public RelationFeatures {
    if (values.length != NAMES.size()) {
      throw new IllegalArgumentException("expected " + NAMES.size() + " feature values, got " + values.length);
    }
  }

  /** The value of the feature named {@code name}. */
  public double get(String name) {
    return values[index(name)];
  }

  /** The position of the feature named {@code name} in {@link #values()}. */
  private static int index(String name) {
    Integer i = INDEX.get(name);
    if (i == null) {
      throw new IllegalArgumentException("no feature named " + name);
    }
    return i;
  }

  /** Fills the values by name while the tagger walks the article. */
  static final class Builder {
    private final double[] values = new double[NAMES.size()];

    Builder set(String name, double value) {
      values[index(name)] = Math.max(0, Math.min(1, value));
      return this;
    }

    Builder flag(String name, boolean value) {
      return set(name, value ? 1 : 0);
    }

    /** A count on a saturating scale: 0, 1/2, 2/3, 3/4… */
    Builder count(String name, int n) {
      return set(name, n <= 0 ? 0 : 1 - 1.0 / (n + 1));
    }

    RelationFeatures build() {
      return new RelationFeatures(values.clone());
    }
  }
}
