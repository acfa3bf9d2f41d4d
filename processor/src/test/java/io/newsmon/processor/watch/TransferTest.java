package io.newsmon.processor.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.common.record.Analysis;
import org.junit.jupiter.api.Test;

/**
 * Goods passing from one side to the other (the lexicon's {@code transfer} words: exported, shipped,
 * supplied, bought) in a sentence naming the two, not coordinated and with no third country, are a
 * dealing between them even where the headline names a third party; the same words in two parallel
 * clauses, one per side, or next to a comparison or a denial, are not (decision 0041).
 */
class TransferTest {

  @Test
  void oneSidesGoodsShippedToTheOtherAreADealing() {
    Analysis.WatchMatch it = RelationPredicatesTest.judge("Dalla Turchia al Marocco: la rotta del malto kazako",
        "Il Kazakistan ha spedito in Marocco il primo carico di orzo da birra. La nave è partita da Mersin.");
    assertThat(it.relevant()).as(it.toString()).isTrue();
    Analysis.WatchMatch id = RelationPredicatesTest.judge("Gandum Kazakhstan untuk Maroko",
        "Sebuah penggilingan di Kostanay, Kazakhstan, mulai mengekspor tepung ke Maroko bulan ini.");
    assertThat(id.relevant()).as(id.toString()).isTrue();
  }

  @Test
  void parallelClausesOneForEachSideAreNoDealing() {
    Analysis.WatchMatch de = RelationPredicatesTest.judge("Maschinenbauer aus der Türkei beliefert Marokko und Kasachstan",
        "Er liefert in Casablanca zwei Bohrmaschinen für einen Kanal, in Almaty eine für die U-Bahn.");
    assertThat(de.relevant()).as(de.toString()).isFalse();
    Analysis.WatchMatch en = RelationPredicatesTest.judge("Phosphate and uranium",
        "Like Morocco with its phosphate, Kazakhstan no longer wants its uranium exported raw.");
    assertThat(en.relevant()).as(en.toString()).isFalse();
  }
}
