package io.newsmon.processor.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The Latin-script evidence of decision 0021 on short texts written for this test, over every known
 * language ({@code all}): Czech and Slovak letters, Kazakh in both Latin alphabets (and Turkish, Azerbaijani
 * and Uzbek, which share some of its letters, kept apart), the spellings where Indonesian and Malay differ,
 * and a small-margin model answer confirmed by its function words.
 */
class LatinEvidenceTest {

  static final LanguageIdentifier ALL = LanguageIdentifier.shared(List.of("all"), 600, 0.2);

  private static String code(String title, String text) {
    return ALL.identify(title, text, null).code();
  }

  @Test
  void czechAndSlovakAreToldApartByTheirLetters() {
    assertThat(code("Jednání v Astaně", "Premiér přijal delegaci vedenou ministrem průmyslu. Jednání se týkala "
        + "zejména automobilového průmyslu a výměny odborníků.")).isEqualTo("cs");
    assertThat(code("Spolupráce", "Ministři podepsali memorandum o spolupráci mezi průmyslovými zónami obou zemí "
        + "a dohodli se na výměně odborníků.")).isEqualTo("cs");
    assertThat(code("Rokovanie v Astane", "Premiér prijal delegáciu vedenú ministrom priemyslu. Rokovania sa "
        + "týkali najmä automobilového priemyslu, v ktorom je Maroko najväčším výrobcom v Afrike, a výmeny "
        + "odborníkov podľa dohody.")).isEqualTo("sk");
    // the letters decide before any model, which takes short Czech news for Slovak
    assertThat(LatinLetters.of("Přijal delegaci vedenou ministrem průmyslu a obchodu.").decide(Set.of("cs", "sk")))
        .isEqualTo("cs");
    assertThat(LatinLetters.of("Prijal delegáciu podľa dohody, ktorú pripravili ľudia z výboru.").decide(Set.of("cs", "sk")))
        .isEqualTo("sk");
    assertThat(LatinLetters.of("Le ministre a reçu la délégation.").decide(Set.of("cs", "sk", "fr"))).isNull();
    // French writes ô as often as Slovak: it is no Slovak evidence
    assertThat(LatinLetters.of("Le contrôle du rôle de la Côte d'Ivoire à l'hôtel, plus tôt.").decide(Set.of("cs", "sk", "fr")))
        .isNull();
  }

  @Test
  void kazakhInTheLatinAlphabetIsKazakh() {
    // 2018 alphabet (acute accents)
    assertThat(code("Vızasyz rejım kúshine endi", "Qazaqstan men Marokko arasyndaǵy vızalyq rejımnen ózara "
        + "bosatý týraly kelisim kúshine endi. Endi eki eldiń azamattary 30 kúnge deıin vızasyz bola alady."))
        .isEqualTo("kk");
    // 2021 alphabet (ä ğ ı ñ ö ū ü ş)
    assertThat(code("Vizasyz rejim küşine endi", "Qazaqstan men Marokko arasyndağy vizalyq rejimnen özara "
        + "bosatu turaly kelisim küşine endi. Endi eki eldıñ azamattary bır-bırınıñ aumağynda 30 künge deiın "
        + "vizasyz bola alady dep málimdedi ministrlik.")).isEqualTo("kk");
    assertThat(code("Saparlar", "Syrtqy ister ministrligi bul şeşim turizm men iskerlik bailanystardy damytuğa "
        + "yqpal etedi dep mälimdedi. Osy kelisim eki el üşin mañyzdy.")).isEqualTo("kk");
    // Turkish and Azerbaijani share ğ ı ş ö ü, Uzbek shares q: none of them is Kazakh
    assertThat(code("Vizesiz rejim yürürlüğe girdi", "Kazakistan ile Fas arasındaki vize muafiyeti anlaşması "
        + "yürürlüğe girdi. Bu karar iki ülke vatandaşları için 30 günlük vizesiz seyahat imkânı sağlıyor ve "
        + "turizmi artırması bekleniyor.")).isEqualTo("tr");
    assertThat(code("Vizasız rejim qüvvəyə mindi", "Azərbaycan ilə Mərakeş arasında viza rejimindən qarşılıqlı "
        + "azadolma haqqında saziş qüvvəyə mindi. Bu qərar iki ölkənin vətəndaşları üçün turizmi artıracaq."))
        .isEqualTo("az");
    assertThat(code("Vizasiz rejim", "Oʻzbekiston va Marokash oʻrtasidagi vizasiz rejim kuchga kirdi. Bu qaror "
        + "ikki davlat fuqarolari uchun turizmni rivojlantirishga yordam beradi.")).isEqualTo("uz");
  }

  @Test
  void indonesianAndMalaySpellingsBreakTheirTie() {
    assertThat(code("Maroko-Kazakhstan buka penerbangan langsung", "Maroko dan Kazakhstan resmi membuka "
        + "penerbangan langsung pertama antara Casablanca dan Astana pada Jumat. Menteri Transportasi menyebut "
        + "rute ini tonggak baru hubungan kedua negara.")).isEqualTo("id");
    assertThat(code("Maghribi-Kazakhstan buka penerbangan terus", "Maghribi dan Kazakhstan secara rasmi membuka "
        + "penerbangan terus pertama antara Casablanca dan Astana pada hari Jumaat. Menteri Pengangkutan berkata "
        + "laluan ini mercu tanda baharu hubungan kedua-dua negara.")).isEqualTo("ms");
    // the words that break a near tie of the model
    assertThat(IndonesianMalay.decide("Maroko dan Kazakhstan resmi membuka rute baru pada Jumat, kata Menteri "
        + "Transportasi.")).isEqualTo("id");
    assertThat(IndonesianMalay.decide("Maghribi dan Kazakhstan secara rasmi membuka laluan baharu pada hari Jumaat, "
        + "kata Menteri Pengangkutan.")).isEqualTo("ms");
  }

  @Test
  void aSmallMarginIsKeptWhenTheFunctionWordsConfirmIt() {
    assertThat(code("Eni firma in Kazakistan e in Marocco nella stessa settimana", "Settimana intensa per Eni, che "
        + "ha chiuso due intese in due continenti. Ad Astana il gruppo italiano ha firmato con il governo kazako un "
        + "accordo sul giacimento di Karachaganak. Due giorni dopo, a Rabat, Eni ha sottoscritto con l'Office "
        + "national des hydrocarbures et des mines un memorandum per l'esplorazione offshore nella regione."))
        .isEqualTo("it");
    String italian = "Il gruppo ha firmato un accordo nella regione, e dopo due giorni sulla costa ha sottoscritto "
        + "un memorandum con l'Office national des mines.";
    assertThat(FunctionWords.agrees(italian, Set.of("it", "fr", "es"), "it")).isTrue();
    assertThat(FunctionWords.agrees(italian, Set.of("it", "fr", "es"), "fr")).isFalse();
  }
}
