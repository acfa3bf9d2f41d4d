package io.newsmon.processor.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsmon.common.record.Analysis;
import java.util.List;
import org.junit.jupiter.api.Test;

class LanguageIdentifierTest {

  static final List<String> LANGS = List.of("ar", "fr", "en", "ru", "kk", "es", "de", "it", "pt", "tr", "fa", "ur", "uk", "uz");
  static final LanguageIdentifier ID = LanguageIdentifier.shared(LANGS, 600, 0.2);

  private static String code(String title, String text) {
    return ID.identify(title, text, null).code();
  }

  @Test
  void identifiesTheSixMainLanguages() {
    assertThat(code("Visite officielle", "Le ministre des Affaires étrangères a reçu son homologue pour des entretiens sur le commerce et l'éducation.")).isEqualTo("fr");
    assertThat(code("Official visit", "The foreign minister received his counterpart for talks on trade, education and flights between the capitals.")).isEqualTo("en");
    assertThat(code("Visita oficial", "El ministro de Asuntos Exteriores recibió a su homólogo para conversar sobre comercio, educación y vuelos directos.")).isEqualTo("es");
    assertThat(code("زيارة رسمية", "استقبل وزير الشؤون الخارجية نظيره لبحث سبل تعزيز التعاون في مجالات التجارة والتعليم.")).isEqualTo("ar");
    assertThat(code("Официальный визит", "Министр иностранных дел провёл переговоры с коллегой о торговле, образовании и прямых рейсах.")).isEqualTo("ru");
    assertThat(code("Ресми сапар", "Сыртқы істер министрі әріптесімен сауда, білім және тікелей әуе рейстері туралы келіссөз жүргізді.")).isEqualTo("kk");
  }

  @Test
  void cyrillicWithoutKazakhLettersIsNotKazakh() {
    Analysis.Language l = ID.identify(null, "Алматы и Астана: министр провел встречу с делегацией и обсудил сотрудничество.", null);
    assertThat(l.code()).isEqualTo("ru");
  }

  @Test
  void uzbekIsIdentifiedByItsLettersThoughLinguaHasNoModel() {
    assertThat(code("Savdo aloqalari", "Oʻzbekiston va Marokash oʻrtasidagi savdo aloqalari kengaymoqda. Toshkentda "
        + "boʻlib oʻtgan uchrashuvda ikki davlat vakillari hamkorlikni muhokama qildi.")).isEqualTo("uz");
    assertThat(code(null, "O'zbekiston va Qozog'iston vakillari g'alla savdosi bo'yicha kelishuvga erishdi."))
        .as("apostrophe typed as ASCII").isEqualTo("uz");
    assertThat(code("Савдо алоқалари", "Ўзбекистон ва Марокаш ўртасидаги савдо алоқалари кенгаймоқда. Тошкентда "
        + "бўлиб ўтган учрашувда икки давлат вакиллари ҳамкорликни муҳокама қилди.")).isEqualTo("uz");
    // Kazakh shares қ and ғ with Uzbek but has its own letters
    assertThat(code(null, "Қазақстан мен Өзбекстан арасындағы сауда байланыстары кеңейіп келеді, деп хабарлады "
        + "министрлік.")).isEqualTo("kk");
    // English with possessives is not Uzbek
    assertThat(code(null, "Morocco's foreign minister met Tokyo's envoy; the dog's owner and Mexico's delegation "
        + "were also at the meeting in London today.")).isEqualTo("en");
  }

  @Test
  void ukrainianLettersGiveUkrainian() {
    assertThat(code(null, "Міністр закордонних справ України зустрівся з колегою і обговорив співпрацю та її перспективи.")).isEqualTo("uk");
  }

  @Test
  void urduLettersSeparateUrduFromPersian() {
    assertThat(code(null, "وزیر خارجہ نے اپنے ہم منصب سے ملاقات کی اور دونوں ممالک کے درمیان تجارت پر بات چیت کی۔")).isEqualTo("ur");
    assertThat(code(null, "وزیر امور خارجه با همتای خود دیدار کرد و درباره گسترش روابط تجاری دو کشور گفتگو کرد.")).isEqualTo("fa");
  }

  @Test
  void tooLittleTextIsUndetermined() {
    assertThat(code(null, "2025-03-01 12:00")).isEqualTo("und");
    assertThat(code("", "")).isEqualTo("und");
    assertThat(ID.identify(null, null, "fr")).isEqualTo(Analysis.Language.UNDETERMINED);
  }

  @Test
  void theHintDecidesBetweenCloseCandidatesOnly() {
    // Portuguese and Spanish are close on a short neutral phrase: the hint may tip it
    Analysis.Language hinted = ID.identify(null, "O ministro recebeu o embaixador em Lisboa para conversar.", "pt-PT");
    assertThat(hinted.code()).isEqualTo("pt");
    // a wrong hint does not overrule clear evidence
    Analysis.Language clear = ID.identify("Official visit", "The foreign minister received his counterpart for talks on trade, education and flights.", "ru");
    assertThat(clear.code()).isEqualTo("en");
  }

  @Test
  void onlyTheTitleAndLeadingTextAreRead() {
    String lead = "The foreign minister received his counterpart for talks on trade and education. ".repeat(10);
    String tail = "Le ministre a reçu son homologue pour des entretiens sur le commerce. ".repeat(200);
    assertThat(ID.sample("T", lead + tail).length()).isLessThan(700);
    assertThat(code("Official visit", lead + tail)).isEqualTo("en");
  }

  @Test
  void modelsAreLoadedPerScriptGroupWhenFirstNeeded() {
    // a language set no other test uses, so no other test has loaded its Arabic-script detector
    LanguageIdentifier id = LanguageIdentifier.shared(List.of("en", "fr", "ar", "fa"), 600, 0.2);
    assertThat(id.identify("Official visit", "The foreign minister received his counterpart for talks on "
        + "trade, education and flights between the capitals.", null).code()).isEqualTo("en");
    assertThat(LanguageIdentifier.detectorLoaded(java.util.Set.of("ar", "fa"))).isFalse();
    // no letter decides this short Arabic-script line: the Arabic-script model is needed, and built
    Analysis.Language l = id.identify(null, "وزير خارجه با وزير امور خارجه در مورد روابط دو کشور گفتگو کرد", null);
    assertThat(l.code()).isIn("fa", "ar", "und");
    assertThat(LanguageIdentifier.detectorLoaded(java.util.Set.of("ar", "fa"))).isTrue();
  }

  @Test
  void tooFewKnownLanguagesAreRefused() {
    assertThatThrownBy(() -> LanguageIdentifier.shared(List.of("uz", "xx"), 600, 0.4))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("processor.languages");
  }

  @Test
  void functionWordsDecideClearLatinTextAndLeaveTheRestToLingua() {
    String fr = "Le ministre des Affaires étrangères a reçu les ambassadeurs des pays du Golfe et a "
        + "souligné que les relations avec ces pays sont excellentes dans tous les domaines, pour le commerce "
        + "et pour la sécurité, qui ont été au cœur des entretiens.";
    assertThat(FunctionWords.decide(fr, ID.languages())).isEqualTo("fr");
    assertThat(FunctionWords.decide(fr, java.util.Set.of("en", "es"))).isNull();
    assertThat(FunctionWords.decide("Kazakhstan Morocco Rabat Astana", ID.languages())).isNull();
    // mixed evidence: no fast answer
    assertThat(FunctionWords.decide("the and of is les des du et", ID.languages())).isNull();
  }

  @Test
  void theFastPathAgreesWithLingua() {
    LanguageIdentifier slow = LanguageIdentifier.shared(LANGS, 600, 0.2, false);
    List<String> texts = List.of(
        "The foreign minister said on Monday that the talks with his counterpart were constructive and that the "
            + "two countries would sign several agreements on trade, which has grown, and on education.",
        "El ministro de Asuntos Exteriores dijo que las conversaciones con su homólogo fueron constructivas y "
            + "que los dos países firmarán varios acuerdos sobre el comercio, según fuentes del ministerio.",
        "O ministro dos Negócios Estrangeiros disse que as conversas com o seu homólogo foram construtivas e "
            + "que os dois países vão assinar acordos, mas não deu pormenores sobre as datas das visitas.",
        "Il ministro degli Esteri ha detto che i colloqui con il suo omologo sono stati costruttivi e che i "
            + "due paesi firmeranno accordi sul commercio e sulla cooperazione nel settore della sicurezza.",
        "Der Außenminister sagte, die Gespräche mit seinem Amtskollegen seien konstruktiv gewesen und die "
            + "beiden Länder würden Abkommen über den Handel und die Zusammenarbeit unterzeichnen.");
    for (String t : texts) {
      assertThat(ID.identify(null, t, null).code()).as(t).isEqualTo(slow.identify(null, t, null).code());
    }
  }

  @Test
  void namesAloneAreUndetermined() {
    assertThat(code(null, "Kazakhstan Morocco Rabat Astana Almaty")).isEqualTo("und");
  }

  @Test
  void onAShortAmbiguousSentenceTheHintWinsWithModestConfidence() {
    Analysis.Language l = ID.identify(null, "The minister received the ambassador.", "en-GB");
    assertThat(l.code()).isEqualTo("en");
    assertThat(l.confidence()).isBetween(0.0, LanguageIdentifier.HINTED_CONFIDENCE);
  }

  @Test
  void confidenceIsTheMarginOverTheRunnerUp() {
    java.util.Map<com.github.pemistahl.lingua.api.Language, Double> v = java.util.Map.of(
        com.github.pemistahl.lingua.api.Language.FRENCH, 1.0,
        com.github.pemistahl.lingua.api.Language.SPANISH, 0.9,
        com.github.pemistahl.lingua.api.Language.ENGLISH, 0.5);
    assertThat(LanguageIdentifier.margin(v, "fr")).isCloseTo(0.4, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(LanguageIdentifier.margin(v, "es")).isZero();
    Analysis.Language clear = ID.identify("Visite officielle", "Le ministre des Affaires étrangères a reçu son "
        + "homologue pour des entretiens sur le commerce, l'éducation et les vols directs entre les deux capitales.", null);
    assertThat(clear.confidence()).isBetween(0.5, 1.0);
  }
}
