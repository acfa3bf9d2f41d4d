package io.newsmon.processor.story;

import io.newsmon.processor.text.Token;
import io.newsmon.processor.text.Word;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The kinds of action a report tells (visit, call, signing, ...), found with the multilingual
 * lexicon {@code story/actions.tsv} (data, not code: see the comment at its top).
 */
public final class Actions {

  /** The lexicon bundled with newsmon. */
  public static final Actions DEFAULT = load("/story/actions.tsv");

  private final Map<String, String> exact = new HashMap<>();
  /** Arabic verb stem → kind, matched through the verb's forms ({@link Arabic#verbStems}). */
  private final Map<String, String> verbs = new HashMap<>();
  /** Prefix → kind, looked up by the word's first {@link #KEY} characters. */
  private final Map<String, List<String[]>> prefixes = new HashMap<>();
  private final Map<String, List<String>> overrides = new HashMap<>();
  private final Map<String, List<String>> compatible = new HashMap<>();
  private static final int KEY = 3;

  private Actions() {}

  static Actions load(String resource) {
    Actions a = new Actions();
    try (InputStream in = Actions.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("action lexicon " + resource + " missing from the class path");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        if (f.length != 4) {
          throw new IllegalStateException(resource + " line " + n + ": expected kind, overrides, compatible, words");
        }
        String kind = f[0].trim();
        a.overrides.put(kind, kinds(f[1]));
        a.compatible.put(kind, kinds(f[2]));
        for (String w : f[3].trim().split("\\s+")) {
          if (w.startsWith("=")) {
            a.exact.put(w.substring(1), kind);
          } else if (w.startsWith("+")) {
            a.verbs.put(w.substring(1), kind);
          } else if (w.length() < KEY) {
            throw new IllegalStateException(resource + " line " + n + ": prefix '" + w + "' shorter than " + KEY);
          } else {
            a.prefixes.computeIfAbsent(w.substring(0, KEY), k -> new ArrayList<>()).add(new String[] {w, kind});
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return a;
  }

  private static List<String> kinds(String field) {
    return field.trim().equals("-") ? List.of() : List.of(field.trim().split(","));
  }

  /**
   * True when two sets of kinds can tell one event: one kind of each is the same, or the lexicon says
   * they can be parts of one event (a visit and a signing during it). Empty sets tell nothing: true.
   */
  public boolean compatible(List<String> a, List<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return true;
    }
    for (String x : a) {
      for (String y : b) {
        if (x.equals(y) || compatible.getOrDefault(x, List.of()).contains(y)
            || compatible.getOrDefault(y, List.of()).contains(x)) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@link #kindOf(String)} of the token's word. */
  public String kindOf(Token t) {
    return this == DEFAULT ? t.word().get(DEFAULT_KIND) : kindOf(t.form());
  }

  /** {@link #kindOf} of {@link #DEFAULT}, kept with each word. */
  private static final Word.Slot<String> DEFAULT_KIND = Word.slot(w -> DEFAULT.kindOfUncached(w));

  /** The kind a folded word names, or null. */
  public String kindOf(String word) {
    String known = kindCache.get(word);
    if (known != null) {
      return known.isEmpty() ? null : known;
    }
    String k = kindOfUncached(word);
    if (kindCache.size() >= KIND_CACHE_SIZE) {
      kindCache.clear();
    }
    kindCache.put(word, k == null ? "" : k);
    return k;
  }

  /** {@link #kindOf} of the folded words seen so far ("" for none): words recur across articles. */
  private final Map<String, String> kindCache = new java.util.concurrent.ConcurrentHashMap<>();
  private static final int KIND_CACHE_SIZE = 50_000;

  private String kindOfUncached(String word) {
    String k = lookup(word);
    if (k == null && isArabic(word)) {
      for (String bare : Arabic.withoutClitics(word)) {
        k = lookup(bare);
        if (k != null) {
          return k;
        }
      }
      if (!verbs.isEmpty()) {
        for (String stem : Arabic.verbStems(word)) {
          k = verbs.get(stem);
          if (k != null) {
            return k;
          }
        }
      }
    }
    return k;
  }

  private String lookup(String word) {
    String k = exact.get(word);
    if (k != null || word.length() < KEY) {
      return k;
    }
    List<String[]> cands = prefixes.get(word.substring(0, KEY));
    if (cands != null) {
      for (String[] c : cands) {
        if (word.startsWith(c[0])) {
          return c[1];
        }
      }
    }
    return null;
  }

  /** The kinds named by the tokens in {@code [from, to)}, in order of first mention, overridden ones removed. */
  public List<String> kinds(List<Token> tokens, int from, int to) {
    Set<String> found = new LinkedHashSet<>();
    for (int i = from; i < to; i++) {
      String k = kindOf(tokens.get(i));
      if (k != null) {
        found.add(k);
      }
    }
    return resolve(found);
  }

  /** Removes the kinds overridden by another kind of the set. */
  List<String> resolve(Set<String> found) {
    Set<String> out = new LinkedHashSet<>(found);
    for (String k : found) {
      out.removeAll(overrides.getOrDefault(k, List.of()));
    }
    return List.copyOf(out);
  }

  private static boolean isArabic(String w) {
    return !w.isEmpty() && w.charAt(0) >= 0x0600 && w.charAt(0) <= 0x06FF;
  }
}
