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
    int n = text.length();
    int i = 0;
    while (i < n) {
      int cp = text.codePointAt(i);
      if (!isWordChar(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      int start = i;
      int end = i;
      boolean noSpace = Scripts.isNoSpace(cp);
      while (i < n) {
        cp = text.codePointAt(i);
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
      String form = TextNormalizer.fold(text.substring(start, end));
      if (!form.isEmpty()) {
        out.add(new Token(form, start, end));
      }
    }
    return out;
  }

  private static boolean isWordChar(int cp) {
    if (Character.isLetterOrDigit(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
  }
}
