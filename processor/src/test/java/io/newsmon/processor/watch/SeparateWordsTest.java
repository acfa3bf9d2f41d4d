package io.newsmon.processor.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.common.record.Analysis;
import org.junit.jupiter.api.Test;

/**
 * A sentence naming both sides with a word saying the things it tells are separate or unrelated (the
 * lexicon's {@code separate} kind), and no bilateral cue, is no evidence of a relation; words of
 * independence, which also name a national day, are not such words.
 */
class SeparateWordsTest {

  @Test
  void twoSeparateDealsOfAThirdPartyAreNoRelation() {
    Analysis.WatchMatch m = RelationPredicatesTest.judge("Spanish builder wins contracts",
        "A Spanish builder won two separate contracts this week, for a motorway near Berrechid in Morocco and a water plant in Shymkent in Kazakhstan.");
    assertThat(m.relevant()).as(m.toString()).isFalse();
    assertThat(m.notes()).anyMatch(n -> n.contains("separate"));
    Analysis.WatchMatch pt = RelationPredicatesTest.judge("Construtora ganha contratos",
        "A construtora portuguesa ganhou contratos separados em Marrocos e no Cazaquistão, com equipas distintas.");
    assertThat(pt.relevant()).as(pt.toString()).isFalse();
  }

  @Test
  void anIndependenceDayMessageIsStillARelation() {
    Analysis.WatchMatch m = RelationPredicatesTest.judge("Король Марокко поздравил Токаева",
        "Король Марокко Мухаммед VI направил президенту Казахстана Токаеву поздравление с Днём независимости.");
    assertThat(m.relevant()).as(m.toString()).isTrue();
  }

  @Test
  void aBilateralCueOutweighsTheWord() {
    Analysis.WatchMatch m = RelationPredicatesTest.judge("Morocco and Kazakhstan sign a separate protocol",
        "Morocco and Kazakhstan signed a separate bilateral protocol on fisheries in Rabat on Monday.");
    assertThat(m.relevant()).as(m.toString()).isTrue();
  }

  @Test
  void anElidedWhereasSetsTheTwoSidesClausesAgainstEachOther() {
    Analysis.WatchMatch m = RelationPredicatesTest.judge("Écoles : deux politiques",
        "Rabat manque de professeurs d'anglais, tandis qu'Astana a recruté des enseignants étrangers pour ses lycées.");
    assertThat(m.relevant()).as(m.toString()).isFalse();
    assertThat(m.notes()).anyMatch(n -> n.contains("two clauses set against each other"));
  }

  @Test
  void somethingGivenInReturnIsAnExchangeBetweenTheTwo() {
    Analysis.WatchMatch m = RelationPredicatesTest.judge("Wetterdienste in Rabat und Astana teilen Daten",
        "Der Wetterdienst in Rabat liefert Radardaten über die Sahara. Im Gegenzug schickt das Institut in Astana "
            + "Messreihen aus der Steppe nach Rabat.");
    assertThat(m.relevant()).as(m.toString()).isTrue();
  }
}
