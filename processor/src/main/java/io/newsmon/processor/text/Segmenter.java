package io.newsmon.processor.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a text into paragraphs (blocks separated by line breaks) and sentences (ended by
 * {@code . ! ? ؟ … । ۔} followed by white space, by the full-width {@code 。！？} of Chinese and
 * Japanese, or by the end of the paragraph). Offsets are into the
 * original text.
 */
public final class Segmenter {

  /** A span {@code [start, end)} of the text; {@code paragraph} is the index of its paragraph. */
  public record Span(int start, int end, int paragraph) {
    public boolean contains(int offset) {
      return offset >= start && offset < end;
    }
  }

  private Segmenter() {}

  public static List<Span> paragraphs(String text) {
    List<Span> out = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      int nl = text.indexOf('\n', i);
      int end = nl < 0 ? n : nl;
      Span s = trim(text, i, end, out.size());
      if (s != null) {
        out.add(s);
      }
      i = end + 1;
    }
    return out;
  }

  public static List<Span> sentences(String text) {
    return sentences(text, paragraphs(text));
  }

  /** As {@link #sentences(String)} when the text's {@link #paragraphs} are already at hand. */
  public static List<Span> sentences(String text, List<Span> paragraphs) {
    List<Span> out = new ArrayList<>();
    for (Span p : paragraphs) {
      int start = p.start();
      for (int i = p.start(); i < p.end(); i++) {
        char c = text.charAt(i);
        if (c < 0x80 ? c != '.' && c != '!' && c != '?' : c < 0x0600) {
          continue; // the common case: no sentence end (all the ends below are '.', '!', '?' or beyond U+0600)
        }
        boolean fullWidth = c == '。' || c == '！' || c == '？' || c == '｡';
        if (c == '.' || c == '!' || c == '?' || c == '؟' || c == '…' || c == '।' || c == '۔' || fullWidth) {
          int j = i + 1;
          while (j < p.end() && isClosing(text.charAt(j))) {
            j++;
          }
          if (fullWidth || j >= p.end() || Character.isWhitespace(text.charAt(j))) {
            Span s = trim(text, start, j, p.paragraph());
            if (s != null) {
              out.add(s);
            }
            start = j;
            i = j - 1;
          }
        }
      }
      Span s = trim(text, start, p.end(), p.paragraph());
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }

  private static boolean isClosing(char c) {
    return c == '"' || c == '\'' || c == '»' || c == '”' || c == ')' || c == ']' || c == '」' || c == '』'
        || c == '）';
  }

  private static Span trim(String text, int start, int end, int paragraph) {
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return start < end ? new Span(start, end, paragraph) : null;
  }
}
