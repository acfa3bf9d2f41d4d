package io.newsmon.processor.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.common.record.Analysis;
import org.junit.jupiter.api.Test;

/**
 * The relation predicates of decision 0021 on short texts written for this test, in several languages
 * each: the trap refused with its reason, and a text that differs only where the predicate looks kept
 * as a relation (so each test fails when the predicate is switched off or fires too widely).
 */
class RelationPredicatesSecondTest {

  static Analysis.WatchMatch judge(String title, String text) {
    return WatchTest.analyze(title, text).watches().get(0);
  }

  /** Each {title, text} is judged no relation, with a note containing {@code why}. */
  static void assertRefused(String[][] cases, String why) {
    for (String[] c : cases) {
      Analysis.WatchMatch m = judge(c[0], c[1]);
      assertThat(m.relevant()).as(c[1]).isFalse();
      assertThat(m.notes()).as(c[1]).anyMatch(n -> n.contains(why));
    }
  }

  static void assertRelevant(String[][] cases) {
    for (String[] c : cases) {
      Analysis.WatchMatch m = judge(c[0], c[1]);
      assertThat(m.relevant()).as(c[1] + " " + m.score() + " " + m.notes()).isTrue();
    }
  }

  @Test
  void aNameNamedToDenyALinkIsNoParty() {
    // before the name (en, de, ar, ru) and after it (tr)
    String[][] denials = {
        {"Restaurant Astana opens in Casablanca", "The restaurant Astana opened its third branch in Casablanca. "
            + "Its Moroccan owner says the menu has nothing to do with Kazakhstan: he liked the sound of the name."},
        {"Neues Lokal in Casablanca", "Der marokkanische Besitzer des Lokals in Casablanca sagt, sein Menü habe "
            + "nichts mit Kasachstan zu tun, er möge nur den Klang des Namens."},
        {"مطعم جديد في الدار البيضاء", "قال صاحب المطعم المغربي في الدار البيضاء إنه لا تربطه أي علاقة بكازاخستان وإنه اختار الاسم لسهولته."},
        {"Новое кафе в Касабланке", "Марокканский владелец кафе в Касабланке говорит, что его меню не имеет отношения к Казахстану."},
        {"Kazablanka'da yeni kafe", "Kafenin Faslı sahibi, menünün Kazakistan ile hiçbir ilgisi yok dedi."},
    };
    assertRefused(denials, "to deny a link");
    // the same sentence affirming the link is a relation
    assertThat(judge("New grill in Casablanca", "The Moroccan owner of the new grill in Casablanca "
        + "signed a supply agreement with Kazakhstan's largest meat exporter.").relevant()).isTrue();
    assertThat(judge("Neues Lokal in Casablanca", "Der marokkanische Besitzer des Lokals unterzeichnete einen "
        + "Liefervertrag mit Kasachstan.").relevant()).isTrue();
  }

  @Test
  void aDemonymGivingADishOrCarpetItsStyleIsNotTheState() {
    String[][] styles = {
        {"Café Astana in Prague", "Café Astana in Prague celebrates five years. The menu offers mint tea, Moroccan pastries "
            + "and Kazakh dumplings."},
        {"Kavárna Astana slaví pět let", "Kavárna Astana v Praze slaví pět let. V nabídce je mátový čaj, marocké pečivo "
            + "a kazašské knedlíčky."},
        {"Un café Astana à Lyon", "Le café Astana de Lyon fête ses cinq ans. On y sert des pâtisseries marocaines "
            + "et des tapis kazakhs décorent la salle."},
    };
    assertRefused(styles, "dish or craft");
    assertThat(judge("Trade", "Moroccan exporters shipped citrus to Kazakh importers in Almaty this week.").relevant())
        .isTrue();
  }

  @Test
  void aDemonymOrCountryNextToAClubNameIsTheClubsNationality() {
    String[][] matches = {
        {"Raja wint in Almaty", "Het Marokkaanse Raja heeft het zaalvoetbaltoernooi gewonnen. In de finale werd het "
            + "Kazachse Kairat met 4-2 verslagen."},
        {"Hazırlık maçı", "Kazakistan ekibi Kairat, Antalya'daki kampında Fas'ın Wydad takımıyla 1-1 berabere kaldı."},
        {"Friendly in Antalya", "The Kazakh Kairat drew 1-1 with the Moroccan Raja at a winter camp in Antalya."},
    };
    assertRefused(matches, "nationality of a player, coach or club");
    // a national team is the state's: a friendly of the two national teams is reported as a relation
    assertThat(judge("Futsal", "The Moroccan and Kazakh national futsal teams played a friendly in Casablanca.")
        .relevant()).isTrue();
  }

  @Test
  void eachOrSeparatelyCountsOnlyAtThePair() {
    String[][] each = {
        {"Deals in Beijing", "At the forum in Beijing, Morocco and Kazakhstan each signed their own package of agreements."},
        {"Соглашения в Пекине", "На форуме в Пекине Марокко и Казахстан подписали каждый свой пакет соглашений."},
        {"Accords à Pékin", "Au forum de Pékin, le Maroc et le Kazakhstan ont chacun signé leurs propres accords."},
        {"Угоди в Пекіні", "На форумі в Пекіні Марокко і Казахстан підписали кожен свій пакет угод."},
    };
    assertRefused(each, "each side on its own");
    // "each" distributing over students, "both" over institutions acting together
    String[][] kept = {
        {"Doppelabschluss", "Die Universität Mohammed V und die Al-Farabi-Universität bieten einen gemeinsamen Master an. "
            + "Studierende sollen je ein Jahr in Rabat und in Almaty verbringen."},
        {"Týden filmu", "Marocké velvyslanectví a kazašské ministerstvo kultury uspořádaly týden filmu. Obě instituce "
            + "podepsaly dohodu o natáčení v kazašských a marockých lokacích."},
        {"Joint degree", "Mohammed V University and Al-Farabi University will offer a joint master's degree. Students "
            + "will each spend a year in Rabat and in Almaty."},
    };
    assertRelevant(kept);
  }

  @Test
  void twoPlacesWhereSomebodyElseActsAreNoRelation() {
    Analysis.WatchMatch headline = judge("Eni firma in Kazakistan e in Marocco",
        "Eni ha firmato un accordo con il governo kazako. Due giorni dopo ha firmato un memorandum a Rabat.");
    assertThat(headline.relevant()).isFalse();
    assertThat(headline.notes()).anyMatch(n -> n.contains("places where somebody else acts"));
    Analysis.WatchMatch hungarian = judge("Szijjártó tárgyalt",
        "Szijjártó Péter egy hét alatt Marokkóban és Kazahsztánban is tárgyalásokat folytatott.");
    assertThat(hungarian.relevant()).isFalse();
    Analysis.WatchMatch english = judge("A minister's week",
        "The Hungarian minister held talks in Morocco and in Kazakhstan within one week.");
    assertThat(english.relevant()).isFalse();
    // one preposition over the pair in a body: the two places of one joint programme
    assertThat(judge("Exchange", "Moroccan and Kazakh universities launched an exchange: the first students will "
        + "study in Astana and Rabat from September.").relevant()).isTrue();
  }

  @Test
  void aKoreanComparisonParticleWrittenOntoTheNameIsTheWritersComparison() {
    Analysis.WatchMatch compares = judge("[분석] 녹색 수소",
        "모로코처럼 카자흐스탄도 풍부한 햇빛과 바람으로 녹색 수소 수출국을 꿈꾼다.");
    assertThat(compares.relevant()).isFalse();
    assertThat(compares.notes()).anyMatch(n -> n.contains("처럼"));
    Analysis.WatchMatch than = judge("[분석] 밀 수출", "카자흐스탄은 모로코보다 밀을 더 많이 수출한다.");
    assertThat(than.relevant()).isFalse();
    // the particle for "and" joins partners
    assertThat(judge("협력", "모로코와 카자흐스탄은 녹색 수소 협력 양해각서를 체결했다.").relevant()).isTrue();
  }

  @Test
  void aPlaceNextToAThirdCountrysAdjectiveIsThatCountrysPlace() {
    String[][] places = {
        {"Турнір у мальтійському Рабаті", "Казахстанська тенісистка виграла турнір у мальтійському Рабаті."},
        {"Turnier im maltesischen Rabat", "Eine kasachische Tennisspielerin gewann das Turnier im maltesischen Rabat."},
        {"Title in Maltese Rabat", "A Kazakh tennis player won the tournament in Maltese Rabat on Sunday."},
    };
    assertRefused(places, "third country");
    assertThat(judge("Tennis", "A Kazakh tennis player won the tournament in Rabat, the Moroccan capital, "
        + "and met Morocco's sports minister.").relevant()).isTrue();
  }

  @Test
  void actorsOfBothSidesOrTheHostsAreARelationEvenInAnArticleOfSeparateStories() {
    Analysis.WatchMatch universities = judge("Al Akhawayn och KIMEP startar studentutbyte",
        "Al Akhawayn-universitetet i Ifrane och KIMEP-universitetet i Almaty har skrivit under ett avtal om utbyte. "
            + "Rektorn vid Al Akhawayn säger att studenterna ska lära känna Centralasien, medan KIMEP vill att dess "
            + "studenter lär känna Nordafrika.");
    assertThat(universities.relevant()).isTrue();
    Analysis.WatchMatch hosts = judge("Kazachse minister na Malta door naar Rabat",
        "De Kazachse minister van Onderwijs was deze week in Rabat. Met zijn gastheren spraken zijn ambtenaren af "
            + "dat Kazachse studenten een beurs krijgen voor een Marokkaanse universiteit.");
    assertThat(hosts.relevant()).isTrue();
    // actors of both sides set against each other, or each dealing with a third country, stay refused
    assertThat(judge("Fleet orders", "Royal Air Maroc signed for ten Boeing jets, whereas Air Astana chose Airbus "
        + "for its new fleet.").relevant()).isFalse();
    assertThat(judge("Deals in Beijing", "OCP and KazMunayGas signed supply contracts with China at the forum.")
        .relevant()).isFalse();
    // without the hosts, the headline naming a third country leaves each side on its own
    assertThat(judge("Kazachse minister na Malta door naar Rabat",
        "De Kazachse minister van Onderwijs was deze week in Rabat. Zijn ambtenaren bezochten een Marokkaanse "
            + "universiteit.").relevant()).isFalse();
  }

  @Test
  void aNameBetweenSwedishQuotationMarksIsTheNameOfAWork() {
    Analysis.WatchMatch perfume = judge("Parfym från Almaty",
        "Det kazakiska parfymföretaget har sålt slut på sin nya doft ”Marrakech Nights” på två veckor.");
    assertThat(perfume.relevant()).isFalse();
    assertThat(perfume.notes()).anyMatch(n -> n.contains("quoted"));
  }
}
