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
    if (text == null) {
      return new ArrayList<>();
    }
    // about one word in six characters in most scripts: room for most texts without growing
    List<Token> out = new ArrayList<>(Math.min(text.length() / 5 + 8, 1 << 16));
    Seen seen = SEEN.get();
    char[] chars = seen.borrow(text, 0, text.length());
    try {
      scan(text, chars, 0, text.length(), seen, out, Integer.MAX_VALUE, true);
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
    Seen seen = SEEN.get();
    char[] chars = seen.borrow(text, from, to);
    try {
      return scan(text, chars, from, to, seen, null, limit, false);
    } finally {
      seen.giveBack(chars);
    }
  }

  /**
   * The number of words of {@code text.substring(from, to)} (as {@link #tokenize} would count them),
   * counting no further than {@code limit}.
   */
  public static int count(String text, int from, int to, int limit) {
    Seen seen = SEEN.get();
    char[] chars = seen.borrow(text, from, to);
    try {
      return scan(text, chars, from, to, seen, null, limit, true);
    } finally {
      seen.giveBack(chars);
    }
  }

  private static final ThreadLocal<Seen> SEEN = ThreadLocal.withInitial(Seen::new);

  /**
   * The words as written that this thread met last, each with its folded {@link Word} and its shape:
   * a word met again (most are) is neither folded nor measured again. A two-way table: a word has
   * two slots side by side (its hash's and the next one's, as a pair); a new word takes the first,
   * whose word moves to the second. Also the thread's buffer for the characters of
   * the text being read (plain array reads are faster than the string's).
   */
  static final class Seen {
    static final int SIZE = 1 << 13;

    static final class Entry {
      final int hash;
      final char[] raw;
      final Word word;
      final int first;
      final int shape;

      Entry(int hash, char[] raw, Word word, int first, int shape) {
        this.hash = hash;
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

    /** The entry of {@code chars[start, end)}, whose {@link #hash} is {@code h}. */
    Entry lookUp(String text, char[] chars, int start, int end, int h) {
      int slot = (h ^ (h >>> 13)) & (SIZE - 2);
      Entry e = table[slot];
      if (e != null && e.hash == h && same(chars, start, end, e.raw)) {
        return e;
      }
      Entry other = table[slot + 1];
      if (other != null && other.hash == h && same(chars, start, end, other.raw)) {
        return other;
      }
      String form = TextNormalizer.fold(text, start, end);
      Entry added = new Entry(h, java.util.Arrays.copyOfRange(chars, start, end), form.isEmpty() ? null : Word.of(form),
          text.codePointAt(start), Token.shapeOf(text, start, end));
      table[slot + 1] = e;
      table[slot] = added;
      return added;
    }

    /** {@code chars[start, end)} is {@code raw} (a plain loop: words are short). */
    private static boolean same(char[] chars, int start, int end, char[] raw) {
      if (end - start != raw.length) {
        return false;
      }
      for (int k = 0; k < raw.length; k++) {
        if (chars[start + k] != raw[k]) {
          return false;
        }
      }
      return true;
    }

    /** The hash of a word's characters that picks its slot ({@link String#hashCode}'s). */
    static int hash(char[] chars, int start, int end) {
      int h = 0;
      for (int i = start; i < end; i++) {
        h = 31 * h + chars[i];
      }
      return h;
    }
  }

  /** {@link #isWordChar}. */
  private static final byte WORD = 1;
  /** {@link TextNormalizer#isInvisible}. */
  private static final byte INVISIBLE = 2;
  /** {@link Character#isLetter}. */
  private static final byte LETTER = 4;
  /** {@link Scripts#isNoSpace}. */
  private static final byte NO_SPACE = 8;
  /** The facts above of every char taken as a code point (surrogates included, as lone ones). */
  private static final byte[] CLASS = new byte[Character.MAX_VALUE + 1];

  static {
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      CLASS[c] = classOf(c);
    }
  }

  private static byte classOf(int cp) {
    return (byte) ((isWordChar(cp) ? WORD : 0) | (TextNormalizer.isInvisible(cp) ? INVISIBLE : 0)
        | (Character.isLetter(cp) ? LETTER : 0) | (Scripts.isNoSpace(cp) ? NO_SPACE : 0));
  }

  /**
   * The words of {@code text} in {@code [from, to)}, read as if that were the whole text ({@code chars}
   * holds the same characters at the same offsets): into {@code out}, or, when it is null, counted
   * (the numeric ones too when {@code numeric}), no further than {@code limit}. Returns that count (0 with {@code out}). One pass
   * over the characters: each char's facts from a table (a pair of surrogates from its code point),
   * the word's hash for the table of words seen computed on the way.
   */
  private static int scan(String text, char[] chars, int from, int to, Seen seen, List<Token> out, int limit,
      boolean numeric) {
    int n = to;
    int i = from;
    int counted = 0;
    while (i < n) {
      char c = chars[i];
      int cls;
      int len = 1;
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(chars[i + 1])) {
        cls = classOf(Character.toCodePoint(c, chars[i + 1]));
        len = 2;
      } else {
        cls = CLASS[c];
      }
      if ((cls & WORD) == 0) {
        i += len;
        continue;
      }
      int start = i;
      int end = i;
      boolean noSpace = (cls & NO_SPACE) != 0;
      int h = 0; // the hash of chars[start, i)
      int hEnd = 0; // the hash of chars[start, end)
      while (i < n) {
        c = chars[i];
        len = 1;
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(chars[i + 1])) {
          cls = classOf(Character.toCodePoint(c, chars[i + 1]));
          len = 2;
        } else {
          cls = CLASS[c];
        }
        if ((cls & LETTER) != 0 && ((cls & NO_SPACE) != 0) != noSpace) {
          break; // a change between a script written without spaces and another one
        }
        if ((cls & (WORD | INVISIBLE)) == 0) {
          break;
        }
        h = 31 * h + c;
        if (len == 2) {
          h = 31 * h + chars[i + 1];
        }
        i += len;
        if ((cls & WORD) != 0) {
          end = i;
          hEnd = h;
        }
      }
      Seen.Entry e = seen.lookUp(text, chars, start, end, hEnd);
      if (e.word != null) {
        if (out != null) {
          out.add(new Token(start, end, e.word, e.first, e.shape));
        } else if ((numeric || !e.word.numeric()) && ++counted >= limit) {
          return counted;
        }
      }
    }
    return counted;
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
