package io.newsmon.processor.text;

/**
 * One word of a text: its folded {@code form} (see {@link TextNormalizer#fold}), the character
 * offsets {@code [start, end)} of the original word in the text, the shared {@link Word} of the form,
 * the word's first code point as written and its {@code shape} (case facts of the word as written,
 * see the constants). Made by {@link Tokenizer} only.
 */
public record Token(int start, int end, Word word, int first, int shape) {

  /** The folded form of the word (its {@link Word}'s, kept there only: a token is 32 bytes, not 40). */
  public String form() {
    return word.form();
  }

  /** The first code point is lower case ({@link Character#isLowerCase(int)}). */
  public static final int FIRST_LOWER = 1;
  /** The first code point is upper case ({@link Character#isUpperCase(int)}). */
  public static final int FIRST_UPPER = 2;
  /** The first code point is title case ({@link Character#isTitleCase(int)}). */
  public static final int FIRST_TITLE = 4;
  /** The first code point belongs to a script written without spaces ({@link Scripts#isNoSpace}). */
  public static final int NO_SPACE = 8;
  /** No char of the word is lower case ({@link Character#isLowerCase(char)}, char by char). */
  public static final int NO_LOWER_CHAR = 16;
  /** No code point of the word is lower case ({@link Character#isLowerCase(int)}). */
  public static final int NO_LOWER = 32;

  /** True when the word is made of digits only. */
  public boolean numeric() {
    return word.numeric();
  }

  /** True when the word as written has all the {@code flags} (constants of this class). */
  public boolean is(int flags) {
    return (shape & flags) == flags;
  }

  /** The shape flags of {@code text[start, end)} (see the constants). */
  static int shapeOf(String text, int start, int end) {
    int cp = text.codePointAt(start);
    int shape = 0;
    if (Character.isLowerCase(cp)) {
      shape |= FIRST_LOWER;
    }
    if (Character.isUpperCase(cp)) {
      shape |= FIRST_UPPER;
    }
    if (Character.isTitleCase(cp)) {
      shape |= FIRST_TITLE;
    }
    if (Scripts.isNoSpace(cp)) {
      shape |= NO_SPACE;
    }
    boolean lowerChar = false;
    for (int i = start; i < end; i++) {
      if (Character.isLowerCase(text.charAt(i))) {
        lowerChar = true;
        break;
      }
    }
    if (!lowerChar) {
      shape |= NO_LOWER_CHAR;
    }
    boolean lower = false;
    for (int k = start; k < end; ) {
      int c = text.codePointAt(k);
      if (Character.isLowerCase(c)) {
        lower = true;
        break;
      }
      k += Character.charCount(c);
    }
    if (!lower) {
      shape |= NO_LOWER;
    }
    return shape;
  }
}
