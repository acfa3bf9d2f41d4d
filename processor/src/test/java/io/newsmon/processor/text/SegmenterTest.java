package io.newsmon.processor.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Sentence ends are searched for with {@link String#indexOf}, one character kind at a time; the
 * plain reading (every character in turn) is kept here and both must split alike.
 */
class SegmenterTest {

  @Test
  void sentencesAreSplitAsByReadingEveryCharacter() {
    List<String> texts = new ArrayList<>(LabelledTexts.all());
    Random random = new Random(7);
    String[] pieces = {"word", " ", ".", "!", "?", "؟", "…", "।", "۔", "。", "！", "？", "｡", "\"", "»", ")", "」",
        "\n", "\n\n", "\t", "3.5", "U.S.", "كلمة", "слово", "日本"};
    for (int n = 0; n < 5_000; n++) {
      StringBuilder sb = new StringBuilder();
      int len = random.nextInt(40);
      for (int k = 0; k < len; k++) {
        sb.append(pieces[random.nextInt(pieces.length)]);
      }
      texts.add(sb.toString());
    }
    int sentences = 0;
    for (String text : texts) {
      List<Segmenter.Span> paragraphs = Segmenter.paragraphs(text);
      List<Segmenter.Span> fast = Segmenter.sentences(text, paragraphs);
      assertThat(fast).as(text).isEqualTo(plainSentences(text, paragraphs));
      sentences += fast.size();
    }
    assertThat(sentences).isGreaterThan(20_000);
  }

  /** The reading as it was: every character of every paragraph in turn. */
  private static List<Segmenter.Span> plainSentences(String text, List<Segmenter.Span> paragraphs) {
    List<Segmenter.Span> out = new ArrayList<>();
    for (Segmenter.Span p : paragraphs) {
      int start = p.start();
      for (int i = p.start(); i < p.end(); i++) {
        char c = text.charAt(i);
        boolean fullWidth = c == '。' || c == '！' || c == '？' || c == '｡';
        if (c == '.' || c == '!' || c == '?' || c == '؟' || c == '…' || c == '।' || c == '۔' || fullWidth) {
          int j = i + 1;
          while (j < p.end() && Segmenter.isClosing(text.charAt(j))) {
            j++;
          }
          if (fullWidth || j >= p.end() || Character.isWhitespace(text.charAt(j))) {
            Segmenter.Span s = Segmenter.trim(text, start, j, p.paragraph());
            if (s != null) {
              out.add(s);
            }
            start = j;
            i = j - 1;
          }
        }
      }
      Segmenter.Span s = Segmenter.trim(text, start, p.end(), p.paragraph());
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }
}
