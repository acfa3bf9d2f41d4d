package io.newsmon.processor.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The evidence of decision 0030 on texts written for this test, over every known language
 * ({@code all}) and over the processor's default configuration: Kazakh in its Latin alphabets by their
 * letters alone (without its frequent words), Uzbek Cyrillic by ў қ ғ ҳ without ы or the letters only
 * Kazakh writes, and Indonesian and Malay recognised as a family by the words they share and told
 * apart by the words where their standards differ. Long and short texts, and texts mixing scripts.
 */
class AlphabetAndFamilyEvidenceTest {

  static final LanguageIdentifier ALL = LanguageIdentifier.shared(List.of("all"), 600, 0.2);
  static final LanguageIdentifier DEFAULT = LanguageAccuracy.defaultIdentifier();

  private static String code(String title, String text) {
    String all = ALL.identify(title, text, null).code();
    assertThat(DEFAULT.identify(title, text, null).code()).as("default configuration").isEqualTo(all);
    return all;
  }

  // ---- Kazakh, Latin alphabets ----

  @Test
  void kazakhIn2018LettersWithoutItsFrequentWords() {
    assertThat(code("Aqtaýdan Marokkoǵa bıdaı tıelgen keme attandy", "Bıyl kóktemde Aqtaý portynan "
        + "Kasablankaǵa qaraı 25 myń tonna bıdaı tıelgen alǵashqy keme shyqty. Júk Ázerbaıjan men Gruzııa "
        + "aýmaǵy arqyly Qara teńizge jetkiziledi, odan ári Jerorta teńizimen júzip ótedi.")).isEqualTo("kk");
    assertThat(code("Marokkolyq stýdentter Almatyda oqıdy", "Marokkodan kelgen otyz stýdent Ál-Farabı "
        + "atyndaǵy ýnıversıtette medısına men ınjenerııa mamandyǵyn oqıdy. Olardyń kópshiligi qazaq tilin "
        + "de úırenip júr.")).isEqualTo("kk");
  }

  @Test
  void aShortKazakhTitleInTheLatinAlphabet() {
    assertThat(code("Qazaqstannyń bıdaıy Marokkoǵa jetti", null)).isEqualTo("kk");
    assertThat(code(null, "Rabatta qazaq kınosynyń kúnderi ótti.")).isEqualTo("kk");
  }

  @Test
  void kazakhIn2021Letters() {
    assertThat(code("Marokkomen sauda ösıp keledı", "Eki eldıñ sauda aiyrbasy bıyl 30 paiyzğa ösıp, "
        + "150 million dollarğa jettı dep mälımdedı ministrlık. Ükımet mūnai men fosfat salasyndağy "
        + "jobalardy talqylady, al Marokko tarapy äuejai salu tuyraly ūsynys jasady.")).isEqualTo("kk");
  }

  @Test
  void kazakhLatinMixedWithCyrillicNames() {
    assertThat(code("«Қазақстан темір жолы» Marokkoǵa baryp keldi", "«Қазақстан темір жолы» "
        + "kompanııasynyń basshylary Rabatta Marokkonyń temirjol kompanııasymen kezdesip, júk tasymalyn "
        + "arttyrý jónindegi josparlardy talqylady. Taraptar Kasablanka men Aqtaý porttaryn baılanystyratyn "
        + "jańa baǵyt ashýǵa kelisti.")).isEqualTo("kk");
  }

  @Test
  void kazakhIn2017ApostropheLetters() {
    assertThat(code("Qazaqstan men Marokko say'da ai'nalymyn eki ese arttyrdy", "Qazaqstan men Marokko "
        + "arasyndag'y say'da ai'nalymy bi'yl eki ese o'sti. Eki eldin' mi'ni'strleri Astanada kezdesip, "
        + "bi'dai' men fosfat jetkizy' ty'raly kelisimge qol qoi'dy.")).isEqualTo("kk");
  }

  @Test
  void apostrophesOfOtherLanguagesAreNoKazakh2017Marks() {
    // Uzbek writes oʻ gʻ and a glottal stop (maʼlum, sanʼat, masʼul), never i' y' c' u' inside a word
    assertThat(code("Oʻzbekiston va Marokash", "Oʻzbekiston va Marokash oʻrtasidagi savdo hajmi bu yil ikki "
        + "baravar oshdi. Vazirlar ma'lumotiga ko'ra, san'at va ta'lim sohasida ham mas'ul idoralar "
        + "hamkorlik qiladi.")).isEqualTo("uz");
    // French qu', Italian c' and un', English contractions
    assertThat(code(null, "Le ministre a dit qu'il partirait lorsqu'il aurait vu ce qu'elle proposait, puisqu'il "
        + "fallait attendre jusqu'à ce qu'un accord soit signé.")).isEqualTo("fr");
    assertThat(code(null, "C'è un'intesa sul grano: c'era già un'altra proposta, ma il ministro ha detto che "
        + "l'accordo sarà firmato nella capitale.")).isEqualTo("it");
    assertThat(code(null, "They didn't say why it couldn't be signed, but the minister's aide said you'd see "
        + "the deal in Morocco's capital soon.")).isEqualTo("en");
    assertThat(LatinLetters.of("qu'il lorsqu'il qu'elle puisqu'il jusqu'à qu'un").kazakh2017()).isFalse();
  }

  @Test
  void turkishHungarianAndAzerbaijaniKeepTheirLanguages() {
    // Turkish writes ı ğ ş ö ü, and a Spanish name's ñ once
    assertThat(code("Kazakistan ile Fas arasında yeni hat", "Kazakistan ile Fas arasındaki ilk doğrudan "
        + "kargo hattı açıldı. Törende konuşan bakan, İspanyol şirketi Peña Logística'nın da projeye "
        + "katılacağını söyledi ve ticaretin iki katına çıkmasını beklediklerini belirtti.")).isEqualTo("tr");
    // Hungarian writes acute letters, and a Turkish name brings ı: é ő ű are no Kazakh letters
    assertThat(code("Budapesten tárgyalt a török ellenzéki vezető", "Kemal Kılıçdaroğlu Budapestre "
        + "érkezett, ahol a külügyminiszterrel tárgyalt a turizmusról és az egyetemi együttműködésről. "
        + "A két fél megállapodott, hogy jövőre közös kulturális évadot rendeznek.")).isEqualTo("hu");
    assertThat(code("Azərbaycan və Qazaxıstan", "Azərbaycan ilə Qazaxıstan arasında yeni bərə xətti "
        + "açıldı. Bakı limanından Aktau limanına həftədə üç reys olacaq və yüklərin daşınma müddəti "
        + "qısalacaq.")).isEqualTo("az");
  }

  @Test
  void kazakhLettersAreCountedPerWord() {
    LatinLetters k = LatinLetters.of("Qazaqstannyń bıdaıy Marokkoǵa jetti");
    assertThat(k.kazakhOnly).isEqualTo(1);
    assertThat(k.acuteWords).isEqualTo(2);
    assertThat(k.dotless).isEqualTo(2);
    assertThat(k.kazakhAlphabet()).isTrue();
    LatinLetters hu = LatinLetters.of("Kılıçdaroğlu múlt héten tárgyalt a turizmusról és az együttműködésről Budapesten.");
    assertThat(hu.acuteWords).isGreaterThanOrEqualTo(3);
    assertThat(hu.notKazakh).isPositive();
    assertThat(hu.kazakhAlphabet()).isFalse();
  }

  // ---- Uzbek, Cyrillic alphabet ----

  @Test
  void uzbekCyrillicWithoutItsOwnLettersWuAndHa() {
    // no ў and no ҳ: қ ғ without ы and without a letter only Kazakh writes
    assertThat(code("Самарқандда савдо учрашуви", "Самарқандда Қозоғистон ва Марокаш тадбиркорлари "
        + "учрашди. Улар ғалла ва мева савдосини кенгайтиришга келишиб олди, деб маълум қилинди."))
        .isEqualTo("uz");
    // one ҳ and several қ ғ
    assertThat(code("Тошкентда халқаро кўргазма", "Тошкентда бошланган халқаро қишлоқ хўжалиги "
        + "кўргазмасида Қозоғистон, Марокаш ва Ҳиндистон компаниялари маҳсулотларини намойиш этмоқда."))
        .isEqualTo("uz");
  }

  @Test
  void aShortUzbekCyrillicTitleAndUzbekWithLatinNames() {
    assertThat(code("Ўзбекистон ва Қозоғистон савдоси ортди", null)).isEqualTo("uz");
    assertThat(code("Samsung Тошкентда завод қурди", "Samsung компанияси Тошкентда янги завод қурди. "
        + "Корхона йилига 500 минг телевизор ишлаб чиқаради ва уларни Қозоғистонга экспорт қилади."))
        .isEqualTo("uz");
  }

  @Test
  void russianAndKazakhWithQAndGhAreNotUzbek() {
    // Russian naming Kazakh places written with қ ғ: ы shows it is not Uzbek
    assertThat(code(null, "Делегация из Қарағанды и Ақтобе прибыла в Ташкент, где обсудила торговлю "
        + "зерном, мясом и удобрениями с местными компаниями.")).isEqualTo("ru");
    // Kazakh writes қ ғ too, with і ә ң ө ұ ү
    assertThat(code(null, "Қазақстан мен Марокко арасындағы сауда өсіп келеді, деп хабарлады министрлік."))
        .isEqualTo("kk");
    LetterCounts ru = LetterCounts.of("Делегация из Қарағанды прибыла в Ташкент.");
    assertThat(LanguageIdentifier.uzbekCyrillic(ru)).isFalse();
    // one қ without ы is too little
    assertThat(LanguageIdentifier.uzbekCyrillic(LetterCounts.of("Делегация Ақтобе прибудет в Ташкент в среду.")))
        .isFalse();
    LetterCounts uz = LetterCounts.of("Қозоғистон ва Марокаш ғалла савдоси");
    assertThat(LanguageIdentifier.uzbekCyrillic(uz)).isTrue();
  }

  // ---- Indonesian and Malay ----

  @Test
  void indonesianFullOfNamesIsStillIndonesian() {
    assertThat(code("ITB dan Universitas Al Akhawayn jajaki riset energi surya", "Institut Teknologi Bandung "
        + "(ITB) dan Universitas Al Akhawayn di Ifrane menandatangani nota kesepahaman riset energi surya, "
        + "Kamis (12/3). Kerja sama itu mencakup pertukaran dosen, penelitian panel surya untuk daerah gurun, "
        + "serta beasiswa bagi mahasiswa pascasarjana. Rektor ITB menyebut kampus di Ifrane sebagai mitra yang "
        + "tepat untuk penelitian iklim kering.")).isEqualTo("id");
  }

  @Test
  void indonesianWritesKerajaanForAKingdom() {
    // "Kerajaan Maroko" is the Kingdom of Morocco in Indonesian; in Malay kerajaan is the government
    assertThat(code("Pemerintah Indonesia dan Kerajaan Maroko perkuat kerja sama", "Pemerintah Indonesia dan "
        + "Kerajaan Maroko sepakat memperkuat kerja sama perdagangan. Menurut Kementerian Perdagangan, nilai "
        + "ekspor minyak sawit ke Maroko naik 12 persen tahun lalu, sementara impor fosfat dari negara itu "
        + "juga meningkat.")).isEqualTo("id");
  }

  @Test
  void indonesianWithAnEnglishQuotation() {
    assertThat(code("Menteri: hubungan dengan Kazakhstan makin erat", "Menteri Luar Negeri mengatakan bahwa "
        + "hubungan dengan Kazakhstan \"has never been stronger\" setelah kunjungan presiden pekan lalu. "
        + "Kedua negara akan membuka kantor dagang di Jakarta dan Astana tahun depan.")).isEqualTo("id");
  }

  @Test
  void malayIsMalay() {
    assertThat(code("Malaysia dan Maghribi meterai memorandum persefahaman", "Kerajaan Malaysia dan Maghribi "
        + "menandatangani memorandum persefahaman mengenai kerjasama pelaburan di Kuala Lumpur semalam. "
        + "Menurut kenyataan kementerian, nilai perdagangan dua hala meningkat 15 peratus tahun lepas dan "
        + "dijangka terus bertambah kerana permintaan minyak sawit yang tinggi.")).isEqualTo("ms");
    assertThat(code("Lawatan rasmi ke Astana", "Menteri Luar Malaysia memulakan lawatan rasmi selama tiga "
        + "hari ke Kazakhstan pada hari Isnin. Beliau dijadual bertemu rakan sejawatnya bagi membincangkan "
        + "peluang pelaburan dalam sektor tenaga dan pengangkutan.")).isEqualTo("ms");
  }

  @Test
  void shortIndonesianAndMalay() {
    assertThat(code(null, "Ekspor kopi Indonesia ke Maroko naik 20 persen.")).isEqualTo("id");
    assertThat(code(null, "Eksport minyak sawit Malaysia ke Maghribi naik 20 peratus.")).isEqualTo("ms");
  }

  @Test
  void theFamilyIsRecognisedByTheWordsBothShare() {
    IndonesianMalay.Tally id = IndonesianMalay.tally("Kedua negara akan membuka kantor dagang yang baru "
        + "dengan dukungan dari pemerintah untuk meningkatkan perdagangan.");
    assertThat(id.isFamily()).isTrue();
    assertThat(id.leader()).isEqualTo("id");
    IndonesianMalay.Tally ms = IndonesianMalay.tally("Kedua-dua negara akan membuka pejabat perdagangan yang "
        + "baharu dengan sokongan daripada kerajaan untuk meningkatkan pelaburan.");
    assertThat(ms.isFamily()).isTrue();
    assertThat(ms.leader()).isEqualTo("ms");
    // Tagalog, English and Italian are no member of the family
    assertThat(IndonesianMalay.tally("Nagkasundo ang dalawang bansa na palawakin ang kalakalan at turismo "
        + "sa susunod na taon ayon sa kagawaran.").isFamily()).isFalse();
    assertThat(IndonesianMalay.tally("The two countries agreed to open new trade offices in Jakarta and Kuala "
        + "Lumpur, the ministry said on Monday.").isFamily()).isFalse();
    assertThat(IndonesianMalay.tally("Il ministro di Stato ha firmato un accordo di cooperazione con il "
        + "governo di Rabat per la formazione di tecnici.").isFamily()).isFalse();
  }

  @Test
  void theWordPairsListBothStandards() {
    assertThat(IndonesianMalay.listed("id")).isGreaterThanOrEqualTo(90);
    assertThat(IndonesianMalay.listed("ms")).isGreaterThanOrEqualTo(70);
    // a two-word form counts once
    assertThat(IndonesianMalay.tally("Tahun lalu ekspor naik.").indonesian()).isEqualTo(2);
    assertThat(IndonesianMalay.tally("Tahun lepas eksport naik.").malay()).isEqualTo(2);
  }

  @Test
  void finnishNamingTurkishPlacesIsNotKazakhInTheLatinAlphabet() {
    // ä in Finnish words, ı and ş in Turkish names: no word has both, as Kazakh 2021 words do (äkımdıgı)
    assertThat(code("Hiihtäjät leirille Sarıkamışiin",
        "Nuorten maajoukkue leireilee joulukuussa Sarıkamışissa Koillis-Turkissa, jonka mäntymetsät ovat tehneet "
            + "siitä suositun harjoituspaikan. Myös Erzurumin ja Kağızmanin hiihtäjät käyvät siellä.")).isEqualTo("fi");
    assertThat(code("Astana men Rabat äue qatynasyn aşady",
        "Ekı eldıñ köläk ministrlerı äue qatynasy turaly kelısımge qol qoidy. Būl kelısım boiynşa alğaşqy reis "
            + "köktemde aşylady dep habarlady ministrlık.")).isEqualTo("kk");
  }
}
