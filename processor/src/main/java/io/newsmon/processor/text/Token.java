package io.newsmon.processor.text;

/**
 * One word of a text: its folded {@code form} (see {@link TextNormalizer#fold}) and the character
 * offsets {@code [start, end)} of the original word in the text.
 */
public record Token(String form, int start, int end) {

  /** True when the word is made of digits only. */
  public boolean numeric() {
    for (int i = 0; i < form.length(); i++) {
      if (!Character.isDigit(form.charAt(i))) {
        return false;
      }
    }
    return !form.isEmpty();
  }
}
