package io.newsmon.processor.watch;

import io.newsmon.processor.text.TextNormalizer;
import io.newsmon.processor.text.Token;
import io.newsmon.processor.text.Tokenizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds phrases (sequences of alias words) in tokenised text. Alias words are in
 * {@link TextNormalizer#aliasForm} and a text word matches when one of its
 * {@link TextNormalizer#stems} equals it. At each position the longest phrase wins and matches do
 * not overlap. Immutable and thread-safe once built.
 *
 * @param <T> what a phrase stands for
 */
public final class PhraseMatcher<T> {

  /** A match of phrase {@code payload} over tokens {@code [from, to)}. */
  public record Match<T>(T payload, int from, int to) {}

  private record Phrase<T>(String[] words, T payload) {}

  private final Map<String, List<Phrase<T>>> byFirstWord = new HashMap<>();
  /**
   * One bit per hash slot of the first words: most text words start no phrase, and testing a bit
   * is much cheaper than a map lookup. No false negatives, so the matches are the same.
   */
  private final long[] firstWordBits = new long[FILTER_WORDS];
  private static final int FILTER_WORDS = 1 << 10; // 65,536 bits
  private int size;

  /** Adds a phrase written naturally ("Nasser Bourita", "المملكة المغربية"). Empty phrases are ignored. */
  public PhraseMatcher<T> add(String phrase, T payload) {
    List<Token> tokens = Tokenizer.tokenize(phrase);
    if (tokens.isEmpty()) {
      return this;
    }
    String[] words = new String[tokens.size()];
    for (int i = 0; i < words.length; i++) {
      words[i] = TextNormalizer.aliasForm(phrase.substring(tokens.get(i).start(), tokens.get(i).end()));
    }
    byFirstWord.computeIfAbsent(words[0], k -> new ArrayList<>()).add(new Phrase<>(words, payload));
    int slot = slot(words[0]);
    firstWordBits[slot >>> 6] |= 1L << slot;
    size++;
    return this;
  }

  public int size() {
    return size;
  }

  /** The matches in {@code text}, in order. {@code stems.get(i)} are the stems of token i. */
  public List<Match<T>> find(List<List<String>> stems) {
    List<Match<T>> out = new ArrayList<>();
    int i = 0;
    while (i < stems.size()) {
      Phrase<T> best = null;
      List<String> forms = stems.get(i);
      for (int f = 0; f < forms.size(); f++) {
        String s = forms.get(f);
        int slot = slot(s);
        if ((firstWordBits[slot >>> 6] & (1L << slot)) == 0) {
          continue;
        }
        List<Phrase<T>> candidates = byFirstWord.get(s);
        if (candidates == null) {
          continue;
        }
        for (Phrase<T> p : candidates) {
          if ((best == null || p.words.length > best.words.length) && matchesAt(p, stems, i)) {
            best = p;
          }
        }
      }
      if (best != null) {
        out.add(new Match<>(best.payload, i, i + best.words.length));
        i += best.words.length;
      } else {
        i++;
      }
    }
    return out;
  }

  private static int slot(String word) {
    int h = word.hashCode();
    return (h ^ (h >>> 16)) & (FILTER_WORDS * 64 - 1);
  }

  private static boolean matchesAt(Phrase<?> p, List<List<String>> stems, int at) {
    if (at + p.words.length > stems.size()) {
      return false;
    }
    for (int j = 1; j < p.words.length; j++) {
      if (!stems.get(at + j).contains(p.words[j])) {
        return false;
      }
    }
    return true;
  }

  /** The stems of every token, for {@link #find}. */
  public static List<List<String>> stemsOf(List<Token> tokens) {
    List<List<String>> out = new ArrayList<>(tokens.size());
    Map<String, List<String>> seen = new HashMap<>();
    for (Token t : tokens) {
      out.add(seen.computeIfAbsent(t.form(), TextNormalizer::stems));
    }
    return out;
  }
}
