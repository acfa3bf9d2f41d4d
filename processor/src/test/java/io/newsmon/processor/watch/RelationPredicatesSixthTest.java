package io.newsmon.processor.watch;

import static io.newsmon.processor.watch.RelationPredicatesSecondTest.assertRefused;
import static io.newsmon.processor.watch.RelationPredicatesSecondTest.assertRelevant;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.common.record.Analysis;

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

  @Test
  void mainCitiesOfBothSidesAreKnownInTheScriptsOfTheirReaders() {
    String[][] texts = {
        {"Adóhatóságok", "Az adóhatóságok vezetői Asztanában írták alá a megállapodást.", "kz:astana"},
        {"वित्तीय केंद्र", "अस्ताना और कासाब्लांका के वित्तीय केंद्रों ने समझौता किया।", "ma:casablanca"},
        {"Ticaret", "Karaganda'dan Nador limanına ilk kömür yükü yola çıktı.", "kz:karaganda"},
        {"Port", "The port of Nador and the port of Aktau signed a memorandum.", "ma:nador"},
        {"港口", "阿加迪尔港与巴甫洛达尔的物流公司签署协议。", "kz:pavlodar"},
    };
    for (String[] t : texts) {
      Analysis a = WatchTest.analyze(t[0], t[1]);
      assertThat(a.entities()).as(t[1]).extracting(Analysis.Entity::id).contains(t[2]);
    }
  }
}
