package io.newsmon.processor.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Frequent words that decide a language before the model (decision 0037), on short texts written for
 * this test: Hindi against Marathi in Devanagari, Uzbek Latin typed without its turned commas, and
 * Kazakh in the 2021 alphabet, which writes і as ı ("ekı", "bır").
 */
class FrequentWordsEvidenceTest {

  static final LanguageIdentifier ALL = LanguageIdentifier.shared(List.of("all"), 600, 0.2);

  private static String code(String title, String text) {
    return ALL.identify(title, text, null).code();
  }

  @Test
  void hindiAndMarathiAreToldApartByTheirFrequentWords() {
    assertThat(code("सम्मेलन में 110 देशों के प्रतिनिधि", "नई दिल्ली में शुरू हुए सम्मेलन में कई देशों के मंत्री हिस्सा ले "
        + "रहे हैं।")).isEqualTo("hi");
    assertThat(code("परिषदेत अनेक देशांचे मंत्री", "मुंबईत सुरू झालेल्या परिषदेत अनेक देशांचे मंत्री सहभागी झाले आहेत आणि "
        + "त्यांनी व्यापारावर चर्चा केली.")).isEqualTo("mr");
    // too few frequent words: the letters decide nothing, the model does
    assertThat(ALL.byLetters(ScriptGroup.DEVANAGARI, null, "रबात स्थित प्राधिकरण")).isNull();
  }

  @Test
  void uzbekWithoutItsTurnedCommasIsUzbek() {
    // one oʻ typed as an apostrophe, with frequent words
    assertThat(code("Kelishuv", "Qishloq xo'jaligi vazirligi Marokash bilan hamkorlik haqida kelishuv imzoladi."))
        .isEqualTo("uz");
    // none at all
    assertThat(code("Yangi kelishuv", "Vazirlik xalqaro hamkorlik uchun yangi kelishuv imzoladi va ish boshladi."))
        .isEqualTo("uz");
    // "toʻgʻrisida": the mark after o is followed by g and the next mark
    assertThat(LanguageIdentifier.uzbekLatin("to‘g‘risida")).isEqualTo(2);
    assertThat(LanguageIdentifier.uzbekWords("The minister signed an agreement with Morocco.")).isZero();
  }

  @Test
  void kazakhInThe2021AlphabetIsKazakh() {
    assertThat(code("Telearnalar kelısımşart jasady", "Astanadağy telearna men Kasablankadağy arna ekı el turaly "
        + "derektı film tüsıredı.")).isEqualTo("kk");
    // the 2021 letters ä ñ ū with ğ ş, і typed as a plain i (no ı at all)
    assertThat(code("Jüzim jetkizu", "Marokkonyñ kompaniiasy Qazaqstanğa jüzim jetkizu turaly mañyzdy kelisimge qol "
        + "qoidy, säikes jospar boiynşa jük aiyna bir ret jiberiledi.")).isEqualTo("kk");
  }
}
