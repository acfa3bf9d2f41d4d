package io.newsmon.processor.stream;

/** An article longer than {@code processor.max-text-chars}. */
public final class OversizeException extends RuntimeException {
  public OversizeException(long chars, long max) {
    super("article has " + chars + " characters of title, summary and text, more than "
        + "processor.max-text-chars=" + max + "; raise that setting to accept such articles");
  }
}
