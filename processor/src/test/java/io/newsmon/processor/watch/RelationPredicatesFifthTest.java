package io.newsmon.processor.watch;

import static io.newsmon.processor.watch.RelationPredicatesSecondTest.assertRefused;
import static io.newsmon.processor.watch.RelationPredicatesSecondTest.assertRelevant;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.common.record.Analysis;
import org.junit.jupiter.api.Test;

/**
 * The fifth round (decision 0028), on short texts written for this test, each paired with a text that
 * differs only in what the mechanism looks at.
 */
class RelationPredicatesFifthTest {

  @Test
  void aCityNameTakesTheCaseEndingsOfEveryLanguageWritingItsScript() {
    // "Astana" is curated for German, Turkish, English…; Polish and Czech write it alike and decline it
    String pl = "Delegacja z Astany przyjechała do Rabatu, gdzie podpisano umowę o współpracy portów.";
    Analysis a = WatchTest.analyze("Umowa portowa", pl);
    assertThat(a.watches().get(0).relevant()).as(a.watches().get(0).notes().toString()).isTrue();
    assertThat(a.entities()).extracting(Analysis.Entity::id).contains("kz:astana");
    String cs = "Delegace z Astany přijela do Rabatu, kde byla podepsána dohoda o spolupráci přístavů.";
    assertThat(WatchTest.analyze("Přístavní dohoda", cs).entities()).extracting(Analysis.Entity::id)
        .contains("kz:astana");
    // a word that merely starts like the name is not the name
    assertThat(WatchTest.analyze("Umowa", "Astanowiono, że umowa wejdzie w życie w Rabacie.").entities())
        .extracting(Analysis.Entity::id).doesNotContain("kz:astana");
  }

  @Test
  void aQuotedComparisonDoesNotHideWhatTheSentenceSaysOutsideTheQuotation() {
    // both sides named again outside the quotation: the sentence is judged by what it reports there
    assertRelevant(new String[][] {{"Felt exhibition opens",
        "\u201cLike Morocco, Kazakhstan is a land of nomads,\u201d the Moroccan culture minister said, opening an "
            + "exhibition organised with the Kazakh ministry of culture."}});
    // the sides named only inside the quotation: somebody's comparison, neither evidence nor a trap
    assertRefused(new String[][] {{"Felt exhibition opens",
        "\u201cLike Morocco, Kazakhstan is a land of nomads,\u201d the curator said, opening an exhibition of felt "
            + "carpets."}}, "quoted making");
  }

  @Test
  void eachSidesOwnFigureSetBesideTheOthersIsAComparison() {
    assertRefused(new String[][] {
        {"Electric cars are still rare", "In Morocco about 2% of new cars are electric, in Kazakhstan about 1%."},
        {"電気自動車の普及", "新車販売に占める電気自動車の割合は、モロッコで約2％、カザフスタンで約1％にとどまる。"},
        {"Narty poza Europą", "Karnet dzienny kosztuje w Kazachstanie około 120 zł, w Maroku niecałe 60 zł."},
    }, "figure set beside");
    // figures that belong to one dealing, or a clause boundary inside a number: no comparison
    assertRelevant(new String[][] {
        {"Wheat deal", "Morocco will buy 20,000 tonnes of wheat from Kazakhstan under the new agreement."},
        {"Wheat deal", "Morocco, whose mills need more grain, will buy 20,000 tonnes of wheat from Kazakhstan."},
    });
  }

  @Test
  void figuresBesideEachSideCompareOnlyWhenTheyMeasureTheSameThing() {
    // the same unit on both sides, a year on one, or a bare number: a comparison, as before
    assertRefused(new String[][] {
        {"Ranking", "In the new index Kazakhstan ranks 76th, while Morocco ranks 137th."},
        {"男女格差指数", "今年の指数で、カザフスタンは76位、モロッコは137位だった。"},
        {"Exchange rates", "The tenge of Kazakhstan floated in 2015, the dirham of Morocco only in 2018."},
        {"Ösztöndíj", "A keretből Marokkó 150, Kazahsztán 130 helyet tölthet be."},
    }, "figure set beside");
    // figures of different things are the details of one report: 15 engineers, a course of 3 months
    assertRelevant(new String[][] {
        {"漁業研修", "カザフスタンの漁業技術者15人が、モロッコ南部の漁業学校で3か月間の研修を始めた。"},
        {"Fisheries course", "Fifteen Kazakh engineers, 15 in all, began a course in Morocco of 3 months paid by the Moroccan ministry."},
    });
  }
}
