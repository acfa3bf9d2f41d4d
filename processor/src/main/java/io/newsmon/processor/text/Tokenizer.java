package io.newsmon.processor.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a text into words: runs of letters, digits and combining marks. Invisible characters and
 * the Arabic tatweel inside a word do not split it; apostrophes, hyphens and punctuation do (so
 * French {@code l'ambassade} gives {@code l} and {@code ambassade}), and so does a change between a
 * script written without spaces (Han, Kana, Thai…) and another one ({@code OCP公司} gives two words).
 */
public final class Tokenizer {

  private Tokenizer() {}

  public static List<Token> tokenize(String text) {
    List<Token> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    scan(text, 0, text.length(), (start, end) -> {
      String form = TextNormalizer.fold(text, start, end);
      if (!form.isEmpty()) {
        out.add(new Token(form, start, end));
      }
      return true;
    });
    return out;
  }

  /**
   * The number of words of {@code text.substring(from, to)} that are not numeric (as
   * {@link #tokenize} and {@link Token#numeric} would count them), counting no further than
   * {@code limit}.
   */
  public static int countNonNumeric(String text, int from, int to, int limit) {
    int[] n = {0};
    scan(text, from, to, (start, end) -> {
      String form = TextNormalizer.fold(text, start, end);
      if (!form.isEmpty() && !new Token(form, start, end).numeric()) {
        n[0]++;
      }
      return n[0] < limit;
    });
    return n[0];
  }

  private interface WordSink {
    /** Takes the word {@code [start, end)}; false stops the scan. */
    boolean word(int start, int end);
  }

  /** The words of {@code text} in {@code [from, to)}, read as if that were the whole text. */
  private static void scan(String text, int from, int to, WordSink sink) {
    int n = to;
    int i = from;
    while (i < n) {
      int cp = codePointAt(text, i, n);
      if (!isWordChar(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      int start = i;
      int end = i;
      boolean noSpace = Scripts.isNoSpace(cp);
      while (i < n) {
        cp = codePointAt(text, i, n);
        if (Character.isLetter(cp) && Scripts.isNoSpace(cp) != noSpace) {
          break; // a change between a script written without spaces and another one
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
      if (!sink.word(start, end)) {
        return;
      }
    }
  }

  /** The code point at {@code i}, not reading a low surrogate at or beyond {@code limit}. */
  private static int codePointAt(String text, int i, int limit) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c) && i + 1 < limit && Character.isLowSurrogate(text.charAt(i + 1))) {
      return Character.toCodePoint(c, text.charAt(i + 1));
    }
    return c;
  }

  private static boolean isWordChar(int cp) {
    if (cp < 0x80) {
      return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    }
    if (Character.isLetterOrDigit(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
  }
}
