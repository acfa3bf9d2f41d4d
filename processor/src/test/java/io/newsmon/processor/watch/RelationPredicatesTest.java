package io.newsmon.processor.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.common.record.Analysis;
import org.junit.jupiter.api.Test;

/**
 * The clause- and article-level predicates of decision 0019 on short texts written for this test, each
 * with its pair: the trap refused with its reason, the near miss kept.
 */
class RelationPredicatesTest {

  static Analysis.WatchMatch judge(String title, String text) {
    return WatchTest.analyze(title, text).watches().get(0);
  }

  @Test
  void aComparisonQuotedFromAMinisterOnABilateralVisitIsNoTrapButTheWritersIs() {
    Analysis.WatchMatch quoted = judge("Minister in Rabat",
        "Kazakhstan's agriculture minister met his Moroccan counterpart in Rabat on Monday. \"Like Morocco, "
            + "Kazakhstan farms with little water,\" he told reporters after the talks.");
    assertThat(quoted.relevant()).isTrue();
    Analysis.WatchMatch writer = judge("Two dry countries",
        "Like Morocco, Kazakhstan farms with little water. Morocco irrigates its citrus orchards drop by drop."
            + "\nKazakhstan still floods most of its wheat fields in the south.");
    assertThat(writer.relevant()).isFalse();
    assertThat(writer.notes()).anyMatch(n -> n.contains("compares"));
  }

  @Test
  void aPairGovernedByAPrepositionIsTheObjectOfAThirdPartysDealing() {
    Analysis.WatchMatch third = judge("Energy deals",
        "The European Union signed energy agreements with Morocco and with Kazakhstan this week. "
            + "Brussels will fund a power line in the south of Morocco and lithium mines in Kazakhstan.");
    assertThat(third.relevant()).isFalse();
    assertThat(third.notes()).anyMatch(n -> n.contains("objects of one preposition"));
    Analysis.WatchMatch pair = judge("Energy deal",
        "Morocco and Kazakhstan signed a cooperation agreement on green hydrogen in Astana this week.");
    assertThat(pair.relevant()).isTrue();
  }

  @Test
  void aContrastBetweenEachSidesSentencesTellsSeparateStories() {
    Analysis.WatchMatch contrast = judge("Morocco and Kazakhstan bet on wind",
        "Morocco signed contracts for three wind farms in the south this week.\n"
            + "Kazakhstan, for its part, approved an auction for five gigawatts of solar power.");
    assertThat(contrast.relevant()).isFalse();
  }

  @Test
  void aMoroccanForwardOfAKazakhClubIsAPersonsNationality() {
    Analysis.WatchMatch sports = judge("Two goals in Kostanay",
        "The Kazakh club Tobol won 2-0 at home. Both goals were scored by the Moroccan forward Amine Lahlou.");
    assertThat(sports.relevant()).isFalse();
    assertThat(sports.notes()).anyMatch(n -> n.contains("nationality of a player"));
  }

  @Test
  void aCityNextToAWordForAStreetIsThatStreet() {
    Analysis.WatchMatch street = judge("New café in Almaty",
        "A new café opened in Almaty on Rabat street this week, the Kazakh city's mayor said.");
    assertThat(street.relevant()).isFalse();
    assertThat(street.notes()).anyMatch(n -> n.contains("another place"));
  }
}
