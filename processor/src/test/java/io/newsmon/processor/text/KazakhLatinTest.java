package io.newsmon.processor.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KazakhLatinTest {

  @Test
  void cyrillicNamesAreSpeltInBothLatinAlphabetsFolded() {
    assertThat(KazakhLatin.spellings("Қазақстан")).containsExactly("Qazaqstan");
    assertThat(KazakhLatin.spellings("Марокко")).containsExactly("Marokko");
    assertThat(KazakhLatin.spellings("Шымкент")).containsExactly("Symkent", "Shymkent");
    assertThat(KazakhLatin.spellings("Ақтау")).containsExactly("Aqtau", "Aqtay");
    assertThat(KazakhLatin.spellings("Әлихан Бөкейхан")).containsExactly("Alihan Bokeihan");
  }

  @Test
  void aNameWithoutCyrillicHasNoOtherSpelling() {
    assertThat(KazakhLatin.spellings("Astana")).isEmpty();
    assertThat(KazakhLatin.spellings("阿斯塔纳")).isEmpty();
  }
}
