package io.newsmon.processor.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Letters that decide a language only when the text writes them as that language does: Kazakh letters
 * spread over the text, not kept to a few names in Russian; Esperanto's own letters for Esperanto.
 * Texts written for this test.
 */
class LetterShareTest {

  static final LanguageIdentifier ID = LanguageIdentifier.shared(
      List.of("ru", "kk", "uk", "uz", "id", "ms", "en", "sv", "eo", "de", "fr"), 600, 0.2);

  private static String code(String title, String text) {
    return ID.identify(title, text, null).code();
  }

  @Test
  void kazakhNamesInARussianReportLeaveItRussian() {
    assertThat(code("В Шымкенте открылся торговый центр",
        "В Шымкенте открылся новый торговый центр. Его построила местная компания «Оңтүстік Құрылыс», вложившая "
            + "в проект около тридцати миллиардов тенге. В центре разместились магазины, кафе и кинотеатр.")).isEqualTo("ru");
    assertThat(code("Аким встретился с предпринимателями",
        "Аким Қызылординской области провел встречу с предпринимателями региона и обсудил с ними строительство "
            + "новых дорог, школ и больниц в ближайшие три года.")).isEqualTo("ru");
  }

  @Test
  void kazakhTextIsKazakh() {
    assertThat(code("Шымкентте жаңа сауда орталығы ашылды",
        "Шымкентте ауданы қырық мың шаршы метр болатын жаңа сауда орталығы ашылды. Оны жергілікті компания салған, "
            + "жобаға отыз миллиард теңге жұмсалды.")).isEqualTo("kk");
    assertThat(code(null, "Министр Марокко делегациясымен кездесіп, екі ел арасындағы ынтымақтастықты талқылады."))
        .isEqualTo("kk");
  }

  @Test
  void esperantoNeedsItsOwnLetters() {
    String indonesian = "Universitas Politeknik di Ben Guerir dan Universitas Satbayev di Almaty menandatangani nota "
        + "kesepahaman riset mineral kritis. Kerja sama itu mencakup pengolahan fosfat serta pertukaran mahasiswa.";
    assertThat(code("Riset mineral kritis", indonesian)).isNotEqualTo("eo");
    assertThat(code("Universitato subskribis interkonsenton", "La universitato ĉe Ben Guerir kaj la universitato en "
        + "Almato subskribis interkonsenton pri esplorado de mineraloj; ĝi ankaŭ antaŭvidas interŝanĝon de studentoj."))
        .isEqualTo("eo");
  }
}
