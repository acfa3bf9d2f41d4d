package io.newsmon.processor.text;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One folded word form, shared by every token of every text that folds to it: the form itself, the
 * facts every step asks of it (digits only, its UTF-8 bytes, its 64-bit hash) computed once, and a
 * few memo slots where each step keeps what it derives from the form alone (the month or weekday it
 * names, its action kind, its name key, …). Words recur across articles, so each step's per-word look-up
 * runs once per distinct form instead of once per token and step. Thread-safe: the memo slots only
 * hold immutable values, computed again when another thread has not seen them yet.
 */
public final class Word {

  /** A memo of a pure function of the folded form, kept in each {@link Word}. */
  public static final class Slot<T> {
    private final int index;
    private final Function<String, T> compute;

    private Slot(int index, Function<String, T> compute) {
      this.index = index;
      this.compute = compute;
    }
  }

  private static final int SLOTS = 10;
  private static int slots;
  private static final Object NONE = new Object();

  /**
   * A new memo slot for {@code compute}, a pure function of the folded form returning immutable
   * values (or null). Slots are few and made once per step (static).
   */
  public static synchronized <T> Slot<T> slot(Function<String, T> compute) {
    if (slots == SLOTS) {
      throw new IllegalStateException("more than " + SLOTS + " word slots");
    }
    return new Slot<>(slots++, compute);
  }

  /**
   * A new memo slot for {@code compute} as {@link #slot}, or null when none is left (for steps made
   * per configuration, such as the name matchers of each watch, which then keep their own memo).
   */
  public static synchronized <T> Slot<T> trySlot(Function<String, T> compute) {
    return slots == SLOTS ? null : new Slot<>(slots++, compute);
  }

  /**
   * Distinct forms kept; the table is emptied when it holds this many (the memos are recomputed).
   * The bound of the word caches it replaced (decided for the 512 MB default heap, issue 13).
   */
  static final int MAX_WORDS = 50_000;
  private static final Map<String, Word> WORDS = new ConcurrentHashMap<>();

  private final String form;
  private final boolean numeric;
  private final byte[] utf8;
  private final long hash;
  // the memo slots as fields (not an array): one object to read, not two
  private Object m0;
  private Object m1;
  private Object m2;
  private Object m3;
  private Object m4;
  private Object m5;
  private Object m6;
  private Object m7;
  private Object m8;
  private Object m9;

  private Word(String form) {
    this.form = form;
    this.numeric = allDigits(form);
    this.utf8 = form.getBytes(StandardCharsets.UTF_8);
    this.hash = fnv(form);
  }

  /** The shared word of a folded form. */
  public static Word of(String form) {
    Word w = WORDS.get(form);
    if (w == null) {
      if (WORDS.size() >= MAX_WORDS) {
        WORDS.clear();
      }
      w = WORDS.computeIfAbsent(form, Word::new);
    }
    return w;
  }

  public String form() {
    return form;
  }

  /** True when the form is made of digits only (any script's decimal digits). */
  public boolean numeric() {
    return numeric;
  }

  /** The form in UTF-8 (do not modify). */
  public byte[] utf8() {
    return utf8;
  }

  /** 64-bit FNV-1a of the form's chars with a final avalanche (SplitMix64), stable across JVMs. */
  public long hash() {
    return hash;
  }

  /** The value of {@code slot}'s function for this form, computed once. */
  @SuppressWarnings("unchecked")
  public <T> T get(Slot<T> slot) {
    Object v = memo(slot.index);
    if (v == null) {
      return compute(slot);
    }
    return v == NONE ? null : (T) v;
  }

  /** The first look-up of {@code slot} for this form (kept apart so that {@link #get} stays small to inline). */
  private <T> T compute(Slot<T> slot) {
    T computed = slot.compute.apply(form);
    setMemo(slot.index, computed == null ? NONE : computed);
    return computed;
  }

  private Object memo(int index) {
    return switch (index) {
      case 0 -> m0;
      case 1 -> m1;
      case 2 -> m2;
      case 3 -> m3;
      case 4 -> m4;
      case 5 -> m5;
      case 6 -> m6;
      case 7 -> m7;
      case 8 -> m8;
      default -> m9;
    };
  }

  private void setMemo(int index, Object v) {
    switch (index) {
      case 0 -> m0 = v;
      case 1 -> m1 = v;
      case 2 -> m2 = v;
      case 3 -> m3 = v;
      case 4 -> m4 = v;
      case 5 -> m5 = v;
      case 6 -> m6 = v;
      case 7 -> m7 = v;
      case 8 -> m8 = v;
      default -> m9 = v;
    }
  }

  private static boolean allDigits(String form) {
    for (int i = 0; i < form.length(); i++) {
      if (!Character.isDigit(form.charAt(i))) {
        return false;
      }
    }
    return !form.isEmpty();
  }

  /** The hash of {@link #hash()} for any string. */
  public static long fnv(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    return mix(h);
  }

  /** SplitMix64's final avalanche. */
  public static long mix(long h) {
    h ^= h >>> 30;
    h *= 0xbf58476d1ce4e5b9L;
    h ^= h >>> 27;
    h *= 0x94d049bb133111ebL;
    h ^= h >>> 31;
    return h;
  }

  @Override
  public String toString() {
    return form;
  }
}
