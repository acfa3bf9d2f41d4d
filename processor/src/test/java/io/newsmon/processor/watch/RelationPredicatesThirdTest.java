package io.newsmon.processor.watch;

import static io.newsmon.processor.watch.RelationPredicatesSecondTest.assertRefused;
import static io.newsmon.processor.watch.RelationPredicatesSecondTest.assertRelevant;

import org.junit.jupiter.api.Test;

/**
 * The third round of relation predicates (decision 0021, third round) on short texts written for this
 * test: strong bilateral evidence in a sentence (the two named as the parties of one dealing, a word
 * for "each other") stands against the refusals that a mediator, a host country or a word for
 * "separately" would otherwise bring; each case is paired with a text that lacks only that evidence
 * and is refused, so the test fails when the predicate is off or fires too widely.
 */
class RelationPredicatesThirdTest {

  @Test
  void theTwoNamedAsThePartiesOfOneDealingAreARelationWhateverThirdCountryMediates() {
    String[][] between = {
        {"Grain dispute settled", "Egypt mediated the grain dispute between Morocco and Kazakhstan on Monday."},
        {"Tahıl krizi çözüldü", "Mısır'ın arabuluculuğuyla Fas ile Kazakistan arasındaki tahıl anlaşmazlığı çözüldü."},
        {"Rendeződött a gabonavita", "Egyiptom közvetítésével rendeződött a Marokkó és Kazahsztán közötti gabonavita."},
        {"Зерновой спор урегулирован", "При посредничестве Египта спор между Марокко и Казахстаном о зерне урегулирован."},
        {"अनाज विवाद सुलझा", "मिस्र की मध्यस्थता से मोरक्को और कज़ाख़स्तान के बीच अनाज विवाद सुलझ गया।"},
        {"Grain talks in Cairo", "Egypt hosted the Morocco–Kazakhstan grain talks on Monday."},
    };
    assertRelevant(between);
    // the same mediator with the two as mere owners of the disputes: each side with a third country
    String[][] without = {
        {"Grain disputes settled", "Egypt mediated the grain disputes of Morocco and Kazakhstan on Monday."},
        {"Зерновые споры урегулированы", "Египет урегулировал зерновые споры Марокко и Казахстана в понедельник."},
    };
    assertRefused(without, "third country");
  }

  @Test
  void aWordForEachOtherIsARelationInAnArticleOfSeparateTalks() {
    String title = "Turkey hosts Morocco and Kazakhstan in Antalya";
    String separately = "Turkey's foreign minister met the Moroccan and Kazakh ministers separately in Antalya. ";
    assertRelevant(new String[][] {
        {title, separately + "In a break, the Moroccan and Kazakh ministers also met each other and signed a consultation plan."},
        {"Ankara Rabattal és Asztanával is tárgyalt", "A török külügyminiszter külön-külön tárgyalt marokkói és kazah "
            + "kollégájával. A szünetben a marokkói és a kazah miniszter egymással is leült, és konzultációs tervet írt alá."},
    });
    assertRefused(new String[][] {
        {title, separately + "In a break, the Moroccan and Kazakh ministers also gave interviews and signed autographs."},
    }, "own dealings");
  }

  @Test
  void twoClausesSetAgainstEachOtherRefuseTheirOwnSentenceOnly() {
    assertRelevant(new String[][] {
        {"Moroccan fertiliser for Kazakh farmers", "Morocco's OCP has signed a supply deal with Kazakhstan's agriculture "
            + "ministry for 120,000 tonnes of fertiliser. Under the deal Kazakhstan's government subsidises part of the "
            + "price, whereas OCP will run soil analyses for the farmers."},
        {"Marockanskt gödsel till kazakiska odlare", "Marockanska OCP har skrivit avtal med Kazakstans "
            + "jordbruksministerium om leverans av gödselmedel. Enligt avtalet subventionerar Kazakstans regering en del "
            + "av priset, medan OCP ska stå för jordanalyser."},
        {"Fertilizantes marroquíes para Kazajistán", "La marroquí OCP firmó un contrato de suministro con el "
            + "ministerio de Agricultura de Kazajistán. Según el contrato, el Gobierno de Kazajistán subvenciona parte "
            + "del precio, mientras que OCP hará los análisis de suelos."},
    });
    // the contrast alone, with nothing else that links the two, stays refused
    assertRefused(new String[][] {
        {"Fertiliser makers expand", "Last year Morocco's fertiliser exports grew in India, whereas Kazakhstan's "
            + "fertiliser exports grew in China."},
    }, "two clauses");
  }

  @Test
  void aCityNextToAClubNameInPersianUrduOrGreekIsASportsTeam() {
    assertRefused(new String[][] {
        {"پیوستن مهاجم مراکشی به قیرات آلماتی", "باشگاه قیرات آلماتی، قهرمان فوتسال قزاقستان، با مهاجم ۲۷ ساله مراکش "
            + "قراردادی دوساله امضا کرد."},
        {"ایف اے آر رباط کی جیت", "استنبول کے دعوتی ٹورنامنٹ میں مراکش کی ایف اے آر رباط نے قازقستان کی چیمپئن ٹیم "
            + "بی آئی آئی کے شمکنت کو 3-0 سے شکست دے دی۔"},
    }, "sports team");
    // the same cities without a club name: the capital and the state
    assertRelevant(new String[][] {
        {"دیدار وزیران در آلماتی", "وزیر خارجه مراکش در آلماتی با همتای قزاق خود دیدار کرد و دو طرف تفاهم‌نامه‌ای امضا کردند."},
    });
  }

  @Test
  void inflectedFormsOfTheSidesNamesInGreekAndUkrainianCount() {
    assertRelevant(new String[][] {
        {"Κύρωση συμφωνίας αεροπορικών μεταφορών", "Το κυβερνητικό συμβούλιο του Μαρόκου ενέκρινε την Πέμπτη τη "
            + "συμφωνία αεροπορικών μεταφορών με τη Δημοκρατία του Καζακστάν."},
        {"Нові міста-побратими", "Мер Феса і аким Туркестану підписали угоду про побратимство двох міст."},
        {"Нові міста-побратими", "Туркестанські музиканти виступлять на фестивалі духовної музики у Фесі наступного літа, "
            + "за угодою між Туркестаном і Фесом."},
    });
  }

  @Test
  void aGroupFromACityIsNoWorkNamedAfterIt() {
    // "group" is a business group or a delegation as often as a band: no work noun
    assertRelevant(new String[][] {
        {"Kazakh Invest assina memorando em Casablanca", "A agência Kazakh Invest assinou esta terça-feira em Casablanca "
            + "um memorando de entendimento com a AMDIE. Segundo a agência, grupos de Casablanca mostraram interesse."},
        {"Kazakh Invest firma un memorando en Casablanca", "La agencia Kazakh Invest firmó el martes en Casablanca un "
            + "memorando de entendimiento con la AMDIE. Según la agencia, grupos de Casablanca mostraron interés."},
    });
  }
}
