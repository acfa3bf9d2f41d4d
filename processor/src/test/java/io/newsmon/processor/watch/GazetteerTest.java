package io.newsmon.processor.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.common.record.Analysis;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each side's towns from GeoNames (decision 0039): by their Latin names with the endings of each
 * language, and by their consonant keys where a text writes them in another script; names that a city
 * of another country also bears are left out.
 */
class GazetteerTest {

  private static List<String> ids(String title, String text) {
    return WatchTest.ids(WatchTest.analyze(title, text));
  }

  @Test
  void aCityCountsOnlyWhereItsNameIsItsOwn() {
    List<String> morocco = Gazetteer.cities("MA").stream().map(Gazetteer.City::name).toList();
    List<String> kazakhstan = Gazetteer.cities("KZ").stream().map(Gazetteer.City::name).toList();
    assertThat(morocco).contains("Kenitra", "Taounate", "Bouznika").doesNotContain("Sale"); // Sale, England
    assertThat(kazakhstan).contains("Pavlodar", "Taraz", "Ekibastuz").doesNotContain("Aksu", "Aral"); // China
    assertThat(Gazetteer.cities("MA")).isSortedAccordingTo((a, b) -> Integer.compare(b.population(), a.population()));
    assertThat(Gazetteer.cities("ZZ")).isEmpty();
  }

  @Test
  void townsNamedInLatinLettersTakeTheirLanguagesEndings() {
    assertThat(ids(null, "Forskare från Taounate och kollegor i Pavlodar undertecknade ett avtal."))
        .contains("ma:taounate", "kz:pavlodar");
    assertThat(ids(null, "Delegacja z Pavlodaru przyjechała do Bouzniki."))
        .contains("kz:pavlodar", "ma:bouznika");
  }

  @Test
  void townsWrittenInAnotherScriptAreFoundByTheirConsonants() {
    assertThat(ids(null, "Μηχανικοί της Κενίτρα θα επισκεφθούν τον ποταμό.")).contains("ma:kenitra");
    assertThat(ids(null, "قنیطرہ میں قائم انسٹی ٹیوٹ نے معاہدے پر دستخط کیے۔")).contains("ma:kenitra");
    assertThat(ids(null, "وقّعت جامعة في مراكش وجامعة بقاراغاندا اتفاقية.")).contains("kz:karaganda");
    assertThat(ids(null, "मेकनेस के कृषि विद्यालय ने समझौता किया।")).contains("ma:meknes");
    // Greek digraphs for foreign g and d, and Arabic b for p
    assertThat(ids(null, "Οι δήμαρχοι της Καραγκάντα υπέγραψαν σύμφωνο.")).contains("kz:karaganda");
    assertThat(ids(null, "وصل وفد من بافلودار إلى الرباط.")).contains("kz:pavlodar");
    // a case ending after the name: Павлодаром
    assertThat(ids(null, "Соглашение между Павлодаром и портом подписано в понедельник.")).contains("kz:pavlodar");
  }

  @Test
  void lowerCaseWordsOfCasedScriptsAndShortKeysAreNotTried() {
    // the same letters in lower case are not a name
    assertThat(ids(null, "слово павлодаром здесь не название.")).doesNotContain("kz:pavlodar");
    // Taraz has three consonants: too few to tell a name in another script from other words
    assertThat(ids(null, "شرکت قند از تاراز بازدید کرد.")).doesNotContain("kz:taraz");
  }

  @Test
  void aRelationOfTwoTownsInAnotherScriptIsCaught() {
    Analysis.WatchMatch m = WatchTest.analyze("मेकनेस और पावलोदार के बीच सहयोग समझौता",
        "मेकनेस और पावलोदार के कृषि विश्वविद्यालयों ने सूखा-रोधी गेहूँ पर संयुक्त शोध के समझौते पर हस्ताक्षर किए।")
        .watches().get(0);
    assertThat(m.evidence()).isNotEmpty();
    assertThat(m.relevant()).isTrue();
  }
}
