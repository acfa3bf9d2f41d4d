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
    int[] next = new int[ENDS.length];
    java.util.Arrays.fill(next, -1);
    for (Span p : paragraphs) {
      int start = p.start();
      int i = p.start();
      while ((i = nextEnd(text, i, p.end(), next)) >= 0) {
        char c = text.charAt(i);
        boolean fullWidth = c == '。' || c == '！' || c == '？' || c == '｡';
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
          i = j;
        } else {
          i++;
        }
      }
      Span s = trim(text, start, p.end(), p.paragraph());
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }

  /** The characters that can end a sentence. */
  private static final char[] ENDS = {'.', '!', '?', '؟', '…', '।', '۔', '。', '！', '？', '｡'};

  /**
   * The first sentence-ending character in {@code text[from, to)}, or -1. {@code next} holds, per
   * character of {@link #ENDS}, its last known next position (-1 at first, {@code MAX_VALUE} when
   * there is none left): each character is searched for with {@link String#indexOf} only when
   * passed, so the text is scanned once per character, by the library's fast search.
   */
  private static int nextEnd(String text, int from, int to, int[] next) {
    int best = Integer.MAX_VALUE;
    for (int k = 0; k < ENDS.length; k++) {
      if (next[k] < from) {
        int at = text.indexOf(ENDS[k], from);
        next[k] = at < 0 ? Integer.MAX_VALUE : at;
      }
      best = Math.min(best, next[k]);
    }
    return best < to ? best : -1;
  }

  static boolean isClosing(char c) {
    return c == '"' || c == '\'' || c == '»' || c == '”' || c == ')' || c == ']' || c == '」' || c == '』'
        || c == '）';
  }

  static Span trim(String text, int start, int end, int paragraph) {
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return start < end ? new Span(start, end, paragraph) : null;
  }
}
