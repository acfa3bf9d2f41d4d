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
    Seen seen = SEEN.get();
    char[] chars = seen.borrow(text, 0, text.length());
    try {
      scan(chars, 0, text.length(), (start, end) -> {
        Seen.Entry e = seen.lookUp(text, chars, start, end);
        if (e.word != null) {
          out.add(new Token(e.word.form(), start, end, e.word, e.first, e.shape));
        }
        return true;
      });
    } finally {
      seen.giveBack(chars);
    }
    return out;
  }

  /**
   * The number of words of {@code text.substring(from, to)} that are not numeric (as
   * {@link #tokenize} and {@link Token#numeric} would count them), counting no further than
   * {@code limit}.
   */
  public static int countNonNumeric(String text, int from, int to, int limit) {
    int[] n = {0};
    Seen seen = SEEN.get();
    char[] chars = seen.borrow(text, from, to);
    try {
      scan(chars, from, to, (start, end) -> {
        Word w = seen.lookUp(text, chars, start, end).word;
        if (w != null && !w.numeric()) {
          n[0]++;
        }
        return n[0] < limit;
      });
    } finally {
      seen.giveBack(chars);
    }
    return n[0];
  }

  private static final ThreadLocal<Seen> SEEN = ThreadLocal.withInitial(Seen::new);

  /**
   * The words as written that this thread met last, each with its folded {@link Word} and its shape:
   * a word met again (most are) is neither folded nor measured again. A direct-mapped table: a word
   * takes the place of the one with the same slot. Also the thread's buffer for the characters of
   * the text being read (plain array reads are faster than the string's).
   */
  static final class Seen {
    static final int SIZE = 1 << 13;

    static final class Entry {
      final char[] raw;
      final Word word;
      final int first;
      final int shape;

      Entry(char[] raw, Word word, int first, int shape) {
        this.raw = raw;
        this.word = word;
        this.first = first;
        this.shape = shape;
      }
    }

    private final Entry[] table = new Entry[SIZE];
    private char[] buffer = new char[4096];
    private boolean lent;

    /** {@code text[from, to)} copied at the same offsets into the buffer (a new array if it is lent). */
    char[] borrow(String text, int from, int to) {
      char[] b = lent || buffer.length < to ? new char[Math.max(to, 16)] : buffer;
      if (!lent && b != buffer) {
        buffer = b;
      }
      lent |= b == buffer;
      text.getChars(from, to, b, from);
      return b;
    }

    void giveBack(char[] b) {
      if (b == buffer) {
        lent = false;
      }
    }

    Entry lookUp(String text, char[] chars, int start, int end) {
      int h = 0;
      for (int i = start; i < end; i++) {
        h = 31 * h + chars[i];
      }
      int slot = (h ^ (h >>> 13)) & (SIZE - 1);
      Entry e = table[slot];
      if (e != null && java.util.Arrays.equals(chars, start, end, e.raw, 0, e.raw.length)) {
        return e;
      }
      String form = TextNormalizer.fold(text, start, end);
      e = new Entry(java.util.Arrays.copyOfRange(chars, start, end), form.isEmpty() ? null : Word.of(form),
          text.codePointAt(start), Token.shapeOf(text, start, end));
      table[slot] = e;
      return e;
    }
  }

  private interface WordSink {
    /** Takes the word {@code [start, end)}; false stops the scan. */
    boolean word(int start, int end);
  }

  /** The words of {@code text} in {@code [from, to)}, read as if that were the whole text. */
  private static void scan(char[] text, int from, int to, WordSink sink) {
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
        if ((noSpace || cp >= 0x0E00) && Character.isLetter(cp) && Scripts.isNoSpace(cp) != noSpace) {
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
  private static int codePointAt(char[] text, int i, int limit) {
    char c = text[i];
    if (Character.isHighSurrogate(c) && i + 1 < limit && Character.isLowSurrogate(text[i + 1])) {
      return Character.toCodePoint(c, text[i + 1]);
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
