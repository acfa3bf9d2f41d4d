package io.newsmon.processor.watch;

import static io.newsmon.processor.watch.RelationPredicatesSecondTest.assertRefused;
import static io.newsmon.processor.watch.RelationPredicatesSecondTest.assertRelevant;

import org.junit.jupiter.api.Test;

/**
 * The sixth round (decision 0034), on short texts written for this test, each paired with a text that
 * differs only in what the mechanism looks at.
 */
class RelationPredicatesSixthTest {

  @Test
  void bothSidesNamedOnlyThroughTheirCitiesAreNoNamesakesAbroad() {
    // a third country named, and each side only through its capital: two cities' institutions
    assertRelevant(new String[][] {
        {"Courts sign memorandum", "The Court of Cassation in Rabat and the Supreme Court in Astana signed a memorandum "
            + "on training judges at a conference held in Geneva, Switzerland."},
        {"Universitäten tauschen Dozenten", "Die Universität in Fes und die Universität in Almaty haben in Kairo, Ägypten, "
            + "einen Austausch von Dozenten vereinbart."},
    });
    // one side named as a country, the other only through a place while a third country is named:
    // still a same-named place elsewhere
    assertRefused(new String[][] {
        {"Kazakh tourists discover Malta", "Kazakhstan sent 4,000 tourists to Malta this year; most of them visited "
            + "the old capital Mdina and the town of Rabat next to it."},
    }, "same-named place");
  }
}
