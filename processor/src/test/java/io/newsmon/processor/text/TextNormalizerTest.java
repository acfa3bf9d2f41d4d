package io.newsmon.processor.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {

  @Test
  void arabicDiacriticsTatweelAndLetterVariantsFoldAway() {
    assertThat(TextNormalizer.fold("كازاخستـــان")).isEqualTo("كازاخستان");
    assertThat(TextNormalizer.fold("جَدَّدَتْ")).isEqualTo("جددت");
    assertThat(TextNormalizer.fold("أستانا")).isEqualTo(TextNormalizer.fold("استانا"));
    assertThat(TextNormalizer.fold("إفريقيا")).isEqualTo("افريقيا");
    assertThat(TextNormalizer.fold("آسيا")).isEqualTo("اسيا");
    assertThat(TextNormalizer.fold("بوريطة")).isEqualTo("بوريطه");
    assertThat(TextNormalizer.fold("مصطفى")).isEqualTo("مصطفي");
    assertThat(TextNormalizer.fold("ی")).isEqualTo(TextNormalizer.fold("ي"));
  }

  @Test
  void invisibleCharactersNeitherSplitNorChangeWords() {
    String withInvisible = "Kaz\u200Bakh\u00ADstan and Mo\u200Drocco\uFEFF";
    assertThat(Tokenizer.tokenize(withInvisible)).extracting(Token::form)
        .containsExactly("kazakhstan", "and", "morocco");
    assertThat(TextNormalizer.normalize(withInvisible)).isEqualTo(TextNormalizer.normalize("Kazakhstan and Morocco"));
  }

  @Test
  void latinAccentsAndCaseFold() {
    assertThat(TextNormalizer.fold("Kazajistán")).isEqualTo("kazajistan");
    assertThat(TextNormalizer.fold("Tokaïev")).isEqualTo("tokaiev");
    assertThat(TextNormalizer.fold("Meknès")).isEqualTo("meknes");
  }

  @Test
  void frenchElisionsSplitAtTheApostrophe() {
    assertThat(Tokenizer.tokenize("l’ambassade d'Astana")).extracting(Token::form)
        .containsExactly("l", "ambassade", "d", "astana");
  }

  @Test
  void arabicCliticsAreRemovedInStems() {
    String alias = TextNormalizer.aliasForm("المغرب");
    for (String w : List.of("المغرب", "بالمغرب", "للمغرب", "والمغرب", "فالمغرب", "وبالمغرب")) {
      assertThat(TextNormalizer.stems(TextNormalizer.fold(w))).as(w).contains(alias);
    }
    assertThat(TextNormalizer.stems(TextNormalizer.fold("الرباط"))).contains(TextNormalizer.aliasForm("الرباط"));
    assertThat(TextNormalizer.stems(TextNormalizer.fold("المغربية"))).contains(TextNormalizer.aliasForm("مغربي"));
    assertThat(TextNormalizer.stems(TextNormalizer.fold("الكازاخستانيين"))).contains(TextNormalizer.aliasForm("كازاخستاني"));
  }

  @Test
  void russianAndKazakhCaseEndingsAreRemovedInStems() {
    for (String w : List.of("Казахстана", "Казахстаном", "Казахстане", "Казахстану")) {
      assertThat(TextNormalizer.stems(TextNormalizer.fold(w))).as(w).contains("казахстан");
    }
    for (String w : List.of("Қазақстанның", "Қазақстанға", "Қазақстанда", "Қазақстанмен")) {
      assertThat(TextNormalizer.stems(TextNormalizer.fold(w))).as(w).contains("қазақстан");
    }
    assertThat(TextNormalizer.stems(TextNormalizer.fold("Мароккомен"))).contains("марокко");
    // at least four letters stay: short words are not cut to nothing
    assertThat(TextNormalizer.stems("мир")).containsExactly("мир");
  }

  @Test
  void latinPluralAndFeminineEndingsAreRemovedInStems() {
    assertThat(TextNormalizer.stems("marocaines")).contains("marocain");
    assertThat(TextNormalizer.stems("moroccans")).contains("moroccan");
  }

  @Test
  void segmenterFindsSentencesAndParagraphsWithOffsets() {
    String text = "First sentence. Second one!\nNew paragraph? Yes… ok";
    List<Segmenter.Span> s = Segmenter.sentences(text);
    assertThat(s).extracting(x -> text.substring(x.start(), x.end()))
        .containsExactly("First sentence.", "Second one!", "New paragraph?", "Yes…", "ok");
    assertThat(s).extracting(Segmenter.Span::paragraph).containsExactly(0, 0, 1, 1, 1);
    assertThat(Segmenter.paragraphs(text)).hasSize(2);
  }
}
