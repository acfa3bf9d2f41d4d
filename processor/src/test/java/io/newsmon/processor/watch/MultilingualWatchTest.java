package io.newsmon.processor.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.record.Analysis;
import io.newsmon.common.record.RawArticle;
import io.newsmon.processor.ArticleAnalyzer;
import io.newsmon.processor.text.Token;
import io.newsmon.processor.text.Tokenizer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The default watch in languages beyond its curated six, through CLDR names, inflection data and
 * substring matching, and the relation traps, on sentences written for this test.
 */
class MultilingualWatchTest {

  static final ArticleAnalyzer ANALYZER = ArticleAnalyzer.create(NewsmonConfig.defaults()
      .with(io.newsmon.common.config.ProcessorSettings.RELEVANCE_MODEL.name(), "false"));

  static Analysis.WatchMatch judge(String title, String text) {
    return ANALYZER.analyze(RawArticle.builder().url("https://t.example/x").title(title).text(text).build())
        .watches().get(0);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      de | Der kasachische Außenminister traf in Rabat seinen marokkanischen Amtskollegen.
      de | Marokko und Kasachstan unterzeichneten am Montag ein Abkommen über Zusammenarbeit.
      tr | Kazakistan'ın Fas'taki büyükelçisi, Fas Dışişleri Bakanı ile görüştü.
      tr | Fas ile Kazakistan arasında vize muafiyeti anlaşması imzalandı.
      it | Il Marocco e il Kazakistan hanno firmato un accordo commerciale.
      pt | Marrocos e Cazaquistão assinaram um memorando de entendimento.
      nl | Marokko en Kazachstan ondertekenden een samenwerkingsovereenkomst.
      pl | Minister spraw zagranicznych Kazachstanu spotkał się w Rabacie z ministrem Maroka.
      pl | Prezydent Kazachstanu przyjął ambasadora Maroka w Astanie.
      id | Maroko dan Kazakhstan menandatangani perjanjian kerja sama.
      fa | مراکش و قزاقستان یک تفاهم‌نامه همکاری امضا کردند.
      ur | مراکش اور قازقستان نے تعاون کے معاہدے پر دستخط کیے۔
      uz | Marokash va Qozogʻiston hamkorlik toʻgʻrisida memorandum imzoladi.
      uz | Marokash va Qozog'iston tashqi ishlar vazirlari uchrashdi.
      uk | Марокко та Казахстан підписали угоду про співпрацю в Астані.
      hi | मोरक्को और कजाकिस्तान ने सहयोग समझौते पर हस्ताक्षर किए।
      zh | 摩洛哥与哈萨克斯坦签署了合作协议。
      ja | モロッコとカザフスタンは協力協定に署名した。
      ko | 모로코와 카자흐스탄은 협력 협정에 서명했다.
      cs | Maroko a Kazachstán podepsaly dohodu o spolupráci.
      fi | Kazakstanin ulkoministeri vieraili Marokossa.
      hu | Marokkó és Kazahsztán együttműködési megállapodást írt alá.
      hu | A kazah külügyminiszter Marokkóban tárgyalt.
      sv | Marocko och Kazakstan undertecknade ett samarbetsavtal.
      th | โมร็อกโกและคาซัคสถานลงนามข้อตกลงความร่วมมือ
      el | Το Μαρόκο και το Καζακστάν υπέγραψαν συμφωνία συνεργασίας.
      kk | Қазақстан мен Марокко ынтымақтастық туралы келісімге қол қойды.
      ro | Marocul și Kazahstanul au semnat un acord de cooperare.
      sw | Moroko na Kazakhstan zimetia saini mkataba wa ushirikiano.
      vi | Maroc và Kazakhstan đã ký một thỏa thuận hợp tác.
      """)
  void aRelationIsFoundInManyLanguages(String lang, String text) {
    Analysis.WatchMatch m = judge(null, text);
    assertThat(m.relevant()).as("%s: %s (notes %s)", lang, text, m.notes()).isTrue();
    assertThat(m.evidence()).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Royal Air Maroc will launch direct flights to Astana next spring.
      OCP and KazMunayGas signed a fertiliser supply deal.
      Air Astana and Royal Air Maroc agreed a codeshare on Monday.
      Kazinform reported that Bank Al-Maghrib hosted a delegation of the Mazhilis.
      """)
  void aRelationThroughInstitutionsAndCompaniesIsFound(String text) {
    Analysis.WatchMatch m = judge(null, text);
    assertThat(m.relevant()).as("%s (notes %s)", text, m.notes()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      business   | A new café called Casablanca opened in Almaty this week, serving mint tea.      | business or work
      business   | Das Restaurant Marrakesch in Astana bietet jetzt Couscous an.                   | business or work
      business   | The film «Casablanca» was shown at a cinema in Astana.                        | work
      place      | The town of Rabat, Malta, hosted a festival that Kazakhstan sent a choir to.   | third country
      place      | Kazakh tourists flock to Casablanca in Chile for its wine.                     | third country
      treaty     | Kazakhstan ratified the Marrakesh Treaty for visually impaired readers.        | treaty
      treaty     | Morocco's health ministry cited the Declaration of Astana on primary care.     | treaty
      team       | FC Astana beat a club from Casablanca in a friendly. Morocco was not involved. |
      comparison | Like Morocco, Kazakhstan has invested heavily in solar power.                  | comparison
      comparison | Comme le Maroc, le Kazakhstan mise sur l'énergie solaire.                      | comparison
      comparison | Wie Marokko setzt auch Kasachstan auf Solarenergie.                            | comparison
      comparison | Fas gibi Kazakistan da güneş enerjisine yatırım yapıyor.                       | comparison
      comparison | 像摩洛哥一样，哈萨克斯坦也在大力投资太阳能。                                          | comparison
      separate   | Morocco and Kazakhstan both signed separate agreements with China this week.   | third country
      """)
  void theTrapsAreRefusedWithTheReason(String kind, String text, String reason) {
    Analysis.WatchMatch m = judge(null, text);
    assertThat(m.relevant()).as("%s: %s (notes %s)", kind, text, m.notes()).isFalse();
    if (reason != null) {
      assertThat(m.notes()).as("%s notes", text).anySatisfy(n -> assertThat(n).contains(reason));
    }
  }

  @Test
  void eachSidesSeparateDealingsUnderACommonTitleAreRefused() {
    Analysis.WatchMatch m = judge("Morocco and Kazakhstan sign deals with China",
        "Morocco signed a phosphate deal with China on Monday.\nSeparately, Kazakhstan agreed a pipeline with China.");
    assertThat(m.relevant()).as("notes %s", m.notes()).isFalse();
    assertThat(m.notes()).anySatisfy(n -> assertThat(n).contains("third country"));
  }

  @Test
  void aNearMissIsStillARelation() {
    Analysis.WatchMatch m = judge(null, "Casablanca Finance City, a Moroccan hub, signed a partnership with "
        + "the Astana International Financial Centre in Astana on Tuesday.");
    assertThat(m.relevant()).as("notes %s", m.notes()).isTrue();
  }

  @Test
  void anyCountryPairWorksFromCldrAlone() {
    WatchDefinition def = new WatchDefinition("france-japan", "t1", null, null,
        List.of(new WatchDefinition.Side("FR", "France", List.of(), Map.of()),
            new WatchDefinition.Side("JP", "Japan", List.of(), Map.of())), Map.of(), Map.of());
    Watch w = new Watch(def);
    for (String text : List.of("Frankreich und Japan unterzeichneten ein Abkommen.",
        "Fransa ile Japonya'nın dışişleri bakanları görüştü.", "法国与日本签署了协议。",
        "Франция и Япония подписали соглашение.", "Ranska ja Japani allekirjoittivat sopimuksen.",
        "Francja i Japonia podpisały umowę.", "فرنسا واليابان توقعان اتفاقية.")) {
      List<Token> tokens = Tokenizer.tokenize(text);
      Watch.Result r = w.tag(text, tokens, "", List.of());
      assertThat(r.match().relevant()).as(text).isTrue();
    }
    String other = "Frankreich und Deutschland unterzeichneten ein Abkommen.";
    assertThat(w.tag(other, Tokenizer.tokenize(other), "", List.of()).match().relevant()).isFalse();
  }

  @Test
  void inflectedFormsMatchButOtherWordsDoNot() {
    String text = "Kazakistan'dan gelen heyet Kazakistanlılar ve Faslılar ile buluştu. Қазақстанның елшісі. "
        + "Marokkóban tárgyaltak. W Kazachstanie. Марокканские и казахстанские компании.";
    Analysis a = ANALYZER.analyze(RawArticle.builder().url("https://t.example/y").text(text).build());
    assertThat(a.entities()).extracting(Analysis.Entity::surface)
        .contains("Kazakistan", "Kazakistanlılar", "Faslılar", "Қазақстанның елшісі", "Marokkóban", "Kazachstanie",
            "Марокканские", "казахстанские");
    String unrelated = "Kazakistanizm fasulye marokkanischen";
    Analysis b = ANALYZER.analyze(RawArticle.builder().url("https://t.example/z").text(unrelated).build());
    assertThat(b.entities()).extracting(Analysis.Entity::surface).containsExactly("marokkanischen");
  }

  @Test
  void acronymsAndCapitalisedNamesNeedTheirCase() {
    Analysis a = ANALYZER.analyze(RawArticle.builder().url("https://t.example/c")
        .text("The map of the oral tradition. OCP and MAP reported.").build());
    assertThat(a.entities()).extracting(Analysis.Entity::surface).containsExactly("OCP", "MAP");
  }
}
