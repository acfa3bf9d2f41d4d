package io.newsmon.processor.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The tokens come from a per-thread table of words already seen and a shared table of folded forms
 * ({@link Word}); every fact they carry must be what folding and inspecting the word as written gives.
 */
class TokenizerTest {

  /** Labelled prose plus words that differ only in case, accents, digits or invisible characters. */
  private static List<String> texts() {
    List<String> texts = new ArrayList<>(LabelledTexts.all());
    texts.add("OCP Ocp ocp KTZ Ktz ǅemal ǆemal DŽ Казахстан КАЗАХСТАН Kaz\u200Bakh\u00ADstan ١٢٣ 123 ۱۲۳ "
        + "𝐀𝐁𝐂 𐐀𐐨 日本 ガ カ ไทย éclair ÉCLAIR Éclair");
    return texts;
  }

  @Test
  void everyTokenCarriesTheFactsOfItsWordAsWritten() {
    int checked = 0;
    for (int round = 0; round < 2; round++) { // the second round reads the words from the table
      for (String text : texts()) {
        for (Token t : Tokenizer.tokenize(text)) {
          assertPlain(text, t);
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(100_000);
  }

  @Test
  void wordsThatShareATableSlotAreToldApart() {
    // many distinct short words: more than the table holds, so slots are shared and replaced
    Random random = new Random(11);
    StringBuilder sb = new StringBuilder();
    String letters = "abcdeéABCDÉКкأب1٢";
    for (int i = 0; i < 40_000; i++) {
      int len = 1 + random.nextInt(4);
      for (int k = 0; k < len; k++) {
        sb.append(letters.charAt(random.nextInt(letters.length())));
      }
      sb.append(' ');
    }
    String text = sb.toString();
    for (int round = 0; round < 2; round++) {
      for (Token t : Tokenizer.tokenize(text)) {
        assertPlain(text, t);
      }
    }
  }

  private static void assertPlain(String text, Token t) {
    String folded = TextNormalizer.fold(text, t.start(), t.end());
    assertThat(t.form()).isEqualTo(folded);
    assertThat(t.word().form()).isSameAs(t.form());
    assertThat(Word.of(folded)).isSameAs(t.word());
    int cp = text.codePointAt(t.start());
    assertThat(t.first()).isEqualTo(cp);
    assertThat(t.is(Token.FIRST_LOWER)).isEqualTo(Character.isLowerCase(cp));
    assertThat(t.is(Token.FIRST_UPPER)).isEqualTo(Character.isUpperCase(cp));
    assertThat(t.is(Token.FIRST_TITLE)).isEqualTo(Character.isTitleCase(cp));
    assertThat(t.is(Token.NO_SPACE)).isEqualTo(Scripts.isNoSpace(cp));
    String raw = text.substring(t.start(), t.end());
    assertThat(t.is(Token.NO_LOWER_CHAR)).isEqualTo(raw.chars().noneMatch(c -> Character.isLowerCase((char) c)));
    assertThat(t.is(Token.NO_LOWER)).isEqualTo(raw.codePoints().noneMatch(Character::isLowerCase));
    assertThat(t.numeric()).isEqualTo(!folded.isEmpty() && folded.chars().allMatch(c -> Character.isDigit((char) c)));
    long h = 0xcbf29ce484222325L;
    for (char c : folded.toCharArray()) {
      h ^= c;
      h *= 0x100000001b3L;
    }
    assertThat(t.word().hash()).isEqualTo(Word.mix(h));
    assertThat(t.word().utf8()).isEqualTo(folded.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
