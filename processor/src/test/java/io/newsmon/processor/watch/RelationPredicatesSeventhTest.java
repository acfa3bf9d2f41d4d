package io.newsmon.processor.watch;

import static io.newsmon.processor.watch.RelationPredicatesSecondTest.assertRefused;
import static io.newsmon.processor.watch.RelationPredicatesSecondTest.assertRelevant;
import static io.newsmon.processor.watch.RelationPredicatesSecondTest.judge;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.common.record.Analysis;

import org.junit.jupiter.api.Test;

/**
 * The seventh round (decision 0037), on short texts written for this test, each paired with a text that
 * differs only in what the mechanism looks at.
 */
class RelationPredicatesSeventhTest {

  @Test
  void aThirdPartyActingInTheTwoIsNoRelationInMoreLanguages() {
    // a locative preposition before the pair in a headline: a third party's deals in each country
    assertRefused(new String[][] {
        {"КАМАЗ заключил контракты в Марокко и Казахстане", "КАМАЗ подписал два экспортных контракта с дистрибьюторами."},
        {"Mota-Engil zdobywa kontrakty w Maroku i Kazachstanie", "Firma podpisała dwie umowy z lokalnymi władzami."},
        {"Škoda dodá tramvaje v Maroku a Kazachstánu", "Výrobce podepsal dvě smlouvy s městskými dopravci."},
        {"Укрзалізниця відкрила представництва в Марокко і Казахстані", "Компанія підписала дві угоди про оренду."},
    }, "places where somebody else acts");
    // the same headlines with the two dealing with each other
    assertRelevant(new String[][] {
        {"Марокко и Казахстан заключили контракт", "Министры Марокко и Казахстана подписали двусторонний контракт."},
        {"Maroko i Kazachstan podpisały umowę", "Ministrowie Maroka i Kazachstanu podpisali dwustronną umowę."},
    });
  }

  @Test
  void aConjunctionOfAnotherLanguageIsNoPrepositionOfTheSecondName() {
    // Czech "a" (and) folds like French "à": it stands alone between the two adjectives
    assertRelevant(new String[][] {
        {"Týden filmu", "Obě instituce podepsaly dohodu o natáčení v kazašských a marockých lokacích."},
        {"Film", "Obě instituce podepsaly dohodu o natáčení na kazašských a marockých lokacích."},
    });
    // each of the two with its own preposition: two separate stops of a third party
    assertRefused(new String[][] {
        {"Titul", "KAMAZ podepsal smlouvy v Maroku a v Kazachstánu."},
    }, "places where somebody else acts");
  }

  @Test
  void aPlaceWrittenInACaseNamesNoTreatyNextToIt() {
    // "the agreement signed in Astana" (locative) against "the Astana agreement" (the name of one)
    Analysis.WatchMatch inAstana = judge("Marokash va Qozogʻiston",
        "Marokash va Qozogʻiston vazirlari Astanadagi shartnomani imzoladi.");
    assertThat(inAstana.notes()).noneMatch(n -> n.contains("names a treaty"));
    Analysis.WatchMatch named = judge("Astana shartnomasi",
        "Marokash delegatsiyasi Astana shartnomasi haqidagi konferensiyada qatnashdi.");
    assertThat(named.notes()).anyMatch(n -> n.contains("names a treaty"));
    Analysis.WatchMatch turkish = judge("Fas ve Kazakistan",
        "Fas ve Kazakistan bakanları Astana'daki anlaşmayı imzaladı.");
    assertThat(turkish.notes()).noneMatch(n -> n.contains("names a treaty"));
  }

  @Test
  void thirdCountriesAreKnownInKazakhWrittenInLatinLetters() {
    // China (Қытай) written Qytaı: the two are coordinated next to a third country
    assertRefused(new String[][] {
        {"Qytaı Marokko men Qazaqstanǵa ushaq satady", "Qytaı kompanııasy Marokkoǵa jáne Qazaqstanǵa ushaq satatynyn "
            + "málimdedi. Eki kelisim de Qytaımen jeke jasaldy."},
    }, "third country");
  }

  @Test
  void persianAndUrduAstanaIsNotTheWordForTheEveOfSomething() {
    // آستانه is how Persian outlets write Astana, and "در آستانه سفر" is "on the eve of the visit"
    assertRelevant(new String[][] {
        {"همکاری فرودگاه‌ها", "شرکت فرودگاه بین‌المللی آستانه و اداره ملی فرودگاه‌های مراکش تفاهم‌نامه همکاری دوجانبه امضا کردند."},
        {"ہوائی اڈوں کا معاہدہ", "آستانہ ہوائی اڈے اور مراکش کے قومی ادارے نے دو طرفہ تعاون کی یادداشت پر دستخط کیے۔"},
    });
    var analyzer = io.newsmon.processor.ArticleAnalyzer.create(io.newsmon.common.config.NewsmonConfig.defaults());
    Analysis eve = analyzer.analyze(io.newsmon.common.record.RawArticle.builder().url("https://example.org/eve")
        .title("سفر وزیر").text("سفیر مراکش در آستانه سفر به پاریس با همتای فرانسوی خود دیدار کرد.").build());
    assertThat(eve.entities()).extracting(Analysis.Entity::id).contains("ma:country").doesNotContain("kz:astana");
    Analysis city = analyzer.analyze(io.newsmon.common.record.RawArticle.builder().url("https://example.org/city")
        .title("سفر وزیر").text("سفیر مراکش در آستانه با وزیر خارجه دیدار کرد.").build());
    assertThat(city.entities()).extracting(Analysis.Entity::id).contains("kz:astana");
  }

  @Test
  void documentsNamedAfterACityAreTreatiesToo() {
    // principles, guidelines, action plans named after a city, cited by one side
    assertRefused(new String[][] {
        {"Kazakhstan cites the Marrakesh Principles", "Kazakhstan's finance minister cited the Marrakesh Principles "
            + "at the IMF meeting to argue for a reform of the quotas."},
        {"Kasachstan und die Leitlinien", "Kasachstans Minister berief sich in Genf auf die Rabat Leitlinien für "
            + "Migration und forderte mehr Mittel."},
    }, "names a treaty");
  }
}
