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

  @Test
  void wordsAreWhereTheCodePointByCodePointReadingFindsThem() {
    List<String> texts = texts();
    // random strings over the kinds of characters the reading tells apart: letters of scripts with
    // and without spaces, digits, combining marks, invisible characters, punctuation, pairs of
    // surrogates (letters and not), lone surrogates
    String alphabet = "aZé1 .,'-\u0301\u0903\u200B\u00AD\u0640\u061CКك٣日カ\u30FCไ\u0E31\uD800\uDC00";
    String[] pairs = {"\uD835\uDC00", "\uD801\uDC00", "\uD83D\uDE00", "\uD840\uDC00"};
    Random random = new Random(5);
    for (int k = 0; k < 3000; k++) {
      StringBuilder sb = new StringBuilder();
      int len = random.nextInt(40);
      for (int j = 0; j < len; j++) {
        if (random.nextInt(8) == 0) {
          sb.append(pairs[random.nextInt(pairs.length)]);
        } else {
          sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
      }
      texts.add(sb.toString());
    }
    int words = 0;
    for (String text : texts) {
      List<int[]> plain = plainWords(text, 0, text.length());
      List<Token> tokens = Tokenizer.tokenize(text);
      List<int[]> spans = new ArrayList<>();
      int nonNumeric = 0;
      for (int[] w : plain) {
        if (!TextNormalizer.fold(text, w[0], w[1]).isEmpty()) {
          spans.add(w);
          nonNumeric += Word.of(TextNormalizer.fold(text, w[0], w[1])).numeric() ? 0 : 1;
        }
      }
      assertThat(tokens).hasSameSizeAs(spans);
      for (int j = 0; j < tokens.size(); j++) {
        assertThat(new int[] {tokens.get(j).start(), tokens.get(j).end()}).isEqualTo(spans.get(j));
      }
      assertThat(Tokenizer.countNonNumeric(text, 0, text.length(), Integer.MAX_VALUE)).isEqualTo(nonNumeric);
      assertThat(Tokenizer.countNonNumeric(text, 0, text.length(), 2)).isEqualTo(Math.min(2, nonNumeric));
      assertThat(Tokenizer.count(text, 0, text.length(), Integer.MAX_VALUE)).isEqualTo(spans.size());
      assertThat(Tokenizer.count(text, 0, text.length(), 3)).isEqualTo(Math.min(3, spans.size()));
      int a = text.length() / 3;
      int b = text.length() - a / 2;
      assertThat(Tokenizer.count(text, a, b, Integer.MAX_VALUE)).isEqualTo(Tokenizer.tokenize(text.substring(a, b)).size());
      words += tokens.size();
    }
    assertThat(words).isGreaterThan(50_000);
  }

  /** The words of {@code text[from, to)} read code point by code point with {@link Character}'s facts. */
  private static List<int[]> plainWords(String text, int from, int to) {
    List<int[]> out = new ArrayList<>();
    int i = from;
    while (i < to) {
      int cp = codePointAt(text, i, to);
      if (!isWordChar(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      int start = i;
      int end = i;
      boolean noSpace = Scripts.isNoSpace(cp);
      while (i < to) {
        cp = codePointAt(text, i, to);
        if (Character.isLetter(cp) && Scripts.isNoSpace(cp) != noSpace) {
          break;
        }
        if (isWordChar(cp)) {
          i += Character.charCount(cp);
          end = i;
        } else if (TextNormalizer.isInvisible(cp)) {
          i += Character.charCount(cp);
        } else {
          break;
        }
      }
      out.add(new int[] {start, end});
    }
    return out;
  }

  private static int codePointAt(String text, int i, int limit) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c) && i + 1 < limit && Character.isLowSurrogate(text.charAt(i + 1))) {
      return Character.toCodePoint(c, text.charAt(i + 1));
    }
    return c;
  }

  private static boolean isWordChar(int cp) {
    int type = Character.getType(cp);
    return Character.isLetterOrDigit(cp) || type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK;
  }

  private static void assertPlain(String text, Token t) {
    String folded = TextNormalizer.fold(text, t.start(), t.end());
    assertThat(t.form()).isEqualTo(folded);
    assertThat(t.word().form()).isSameAs(t.form());
    // the shared word of the form, unless the shared table was emptied (at its bound) since the
    // thread's table of words seen took it: then an equal one
    assertThat(Word.of(folded).form()).isEqualTo(t.word().form());
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
