package io.newsmon.processor.watch;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import io.newsmon.processor.text.Inflections;
import io.newsmon.processor.text.Scripts;
import io.newsmon.processor.text.TextNormalizer;
import io.newsmon.processor.text.Token;
import io.newsmon.processor.text.Tokenizer;
import io.newsmon.processor.text.Word;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds names (phrases of one or more words, per language) in tokenised text, in one pass:
 * <ul>
 *   <li>words of spaced scripts through one character trie of the folded alias words: a text word
 *       matches an alias word when it is the word followed by a valid ending of the alias's language
 *       ({@link Inflections}; Kazakistan'dan, Қазақстанның, Marokkóban, Kazachstanie), after any
 *       clitic prefix is removed (والمغرب, בקזחסטן). A word written capitalised in the alias must not
 *       be lower case in the text (Oral the city, not an oral agreement) unless its ending makes an
 *       adjective of it that its language writes in lower case (rabati, рабатский), and one written in capitals
 *       (OCP, MAP) must be in capitals;</li>
 *   <li>text of scripts without spaces (Chinese, Japanese, Thai…) through one Aho–Corasick automaton
 *       over its folded characters: substrings, no word boundaries.</li>
 * </ul>
 * At each position the longest phrase wins and matches do not overlap. Time is linear in the text
 * (each distinct word form is looked up once per call). Call {@link #build} once after the last
 * {@link #add}; immutable and thread-safe afterwards.
 *
 * @param <T> what a name stands for
 */
public final class NameMatcher<T> {

  /** A match of {@code payload} over characters {@code [start, end)} and tokens {@code [fromToken, toToken)}. */
  public record Match<T>(T payload, int start, int end, int fromToken, int toToken) {}

  private record Phrase<T>(int[] words, long capitalised, long acronym, T payload) {}

  /**
   * The phrases of one first word, in the order they were added, with the indices of those of one
   * word and, per second word, of the longer ones: a text word is only tried against the phrases
   * its next word can continue (a first word such as "republic" starts hundreds of names).
   */
  private record FirstWord<T>(List<Phrase<T>> phrases, int[] singles, int[] seconds, int[][] bySecond) {

    static <T> FirstWord<T> of(List<Phrase<T>> phrases) {
      List<Integer> singles = new ArrayList<>();
      java.util.TreeMap<Integer, List<Integer>> bySecond = new java.util.TreeMap<>();
      for (int k = 0; k < phrases.size(); k++) {
        int[] words = phrases.get(k).words();
        if (words.length == 1) {
          singles.add(k);
        } else {
          bySecond.computeIfAbsent(words[1], w -> new ArrayList<>()).add(k);
        }
      }
      int[] seconds = new int[bySecond.size()];
      int[][] indices = new int[bySecond.size()][];
      int j = 0;
      for (var e : bySecond.entrySet()) {
        seconds[j] = e.getKey();
        indices[j++] = e.getValue().stream().mapToInt(Integer::intValue).toArray();
      }
      return new FirstWord<>(List.copyOf(phrases), singles.stream().mapToInt(Integer::intValue).toArray(), seconds,
          indices);
    }
  }

  private static final class End {
    final int word;
    final boolean needsEnding;
    final Set<String> langs = new LinkedHashSet<>();
    Inflections.Rules rules;

    End(int word, boolean needsEnding) {
      this.word = word;
      this.needsEnding = needsEnding;
    }
  }

  private static final class Node {
    char[] keys = new char[0];
    Node[] kids = new Node[0];
    List<End> ends;

    Node child(char c) {
      int i = Arrays.binarySearch(keys, c);
      return i >= 0 ? kids[i] : null;
    }

    Node childOrNew(char c) {
      int i = Arrays.binarySearch(keys, c);
      if (i >= 0) {
        return kids[i];
      }
      int at = -i - 1;
      char[] k = new char[keys.length + 1];
      Node[] n = new Node[kids.length + 1];
      System.arraycopy(keys, 0, k, 0, at);
      System.arraycopy(kids, 0, n, 0, at);
      k[at] = c;
      n[at] = new Node();
      System.arraycopy(keys, at, k, at + 1, keys.length - at);
      System.arraycopy(kids, at, n, at + 1, kids.length - at);
      keys = k;
      kids = n;
      return n[at];
    }
  }

  private final Inflections inflections;
  private final Node root = new Node();
  private final Map<String, Integer> wordIds = new HashMap<>();
  private final Map<Integer, List<Phrase<T>>> byFirstWord = new HashMap<>();
  /** {@link #byFirstWord} as an array indexed by word id, filled by {@link #build}. */
  private FirstWord<T>[] phrasesByFirstWord;
  private final List<String> patterns = new ArrayList<>();
  private final List<T> patternPayloads = new ArrayList<>();
  private final Map<String, Integer> patternIds = new HashMap<>();
  /** Thai names of at least {@value #MIN_SOUND_PATTERN} characters folded by sound ({@link Scripts#foldThaiSound}). */
  private final List<String> soundPatterns = new ArrayList<>();
  private final List<T> soundPayloads = new ArrayList<>();
  private final Map<String, Integer> soundIds = new HashMap<>();
  private CharAutomaton soundAutomaton;
  static final int MIN_SOUND_PATTERN = 6;
  private final List<End> allEnds = new ArrayList<>();
  private CharAutomaton automaton;
  private int size;
  /**
   * The alias word ids of the folded text words seen so far ({@link #wordsOf} is a pure function of
   * the form once the matcher is built): words recur across articles, and the inflection check is
   * the costly part of matching. Cleared when it holds {@value #WORD_CACHE_SIZE} forms.
   */
  /** Where each {@link Word} keeps {@link #wordsOf} for this matcher, when a slot was left; else {@link #wordCache}. */
  private Word.Slot<WordIds> wordSlot;

  /**
   * The alias word ids of a text word, and those of them it matches as a lower-case adjective (Hungarian
   * rabati, Russian рабатский), in final fields (safely shared between threads).
   */
  private record WordIds(int[] ids, int[] adjectiveIds) {}
  private final Map<String, WordIds> wordCache = new java.util.concurrent.ConcurrentHashMap<>();
  private static final int WORD_CACHE_SIZE = 50_000;

  public NameMatcher() {
    this(Inflections.bundled());
  }

  public NameMatcher(Inflections inflections) {
    this.inflections = inflections;
  }

  /**
   * Adds a name as written ("Nasser Bourita", "المملكة المغربية", "哈萨克斯坦") in language {@code lang}
   * (an ISO 639 code, or null when no inflection applies). The first payload added for a name wins.
   */
  public NameMatcher<T> add(String phrase, String lang, T payload) {
    if (automaton != null) {
      throw new IllegalStateException("add after build");
    }
    if (phrase == null || phrase.isBlank()) {
      return this;
    }
    if (Scripts.hasNoSpace(phrase)) {
      StringBuilder sb = new StringBuilder();
      foldNoSpace(phrase, 0, phrase.length(), sb, null);
      String p = sb.toString();
      if (!p.isEmpty() && !patternIds.containsKey(p)) {
        patternIds.put(p, patterns.size());
        patterns.add(p);
        patternPayloads.add(payload);
        size++;
      }
      sb.setLength(0);
      foldSound(phrase, 0, phrase.length(), sb, null);
      String q = sb.toString();
      if (q.length() >= MIN_SOUND_PATTERN && Scripts.isThai(q.charAt(0)) && !soundIds.containsKey(q)) {
        soundIds.put(q, soundPatterns.size());
        soundPatterns.add(q);
        soundPayloads.add(payload);
      }
      return this;
    }
    List<Token> tokens = Tokenizer.tokenize(phrase);
    if (tokens.isEmpty() || tokens.size() > 63) {
      return this;
    }
    int[] words = new int[tokens.size()];
    long capitalised = 0;
    long acronym = 0;
    Inflections.Rules rules = lang == null ? null : inflections.rules(List.of(lang));
    for (int i = 0; i < words.length; i++) {
      Token t = tokens.get(i);
      String form = TextNormalizer.aliasForm(phrase.substring(t.start(), t.end()));
      if (Character.isUpperCase(phrase.codePointAt(t.start()))) {
        capitalised |= 1L << i;
      }
      if (t.end() - t.start() >= 2 && isUpperCase(phrase, t.start(), t.end())) {
        acronym |= 1L << i;
      }
      Integer id = wordIds.get(form);
      if (id == null) {
        id = wordIds.size();
        wordIds.put(form, id);
      }
      words[i] = id;
      addWord(form, id, false, lang);
      if (rules != null) {
        for (String reduced : Inflections.reducedStems(form, rules)) {
          addWord(reduced, id, true, lang);
        }
      }
    }
    List<Phrase<T>> list = byFirstWord.computeIfAbsent(words[0], k -> new ArrayList<>(1));
    for (int k = 0; k < list.size(); k++) {
      Phrase<T> p = list.get(k);
      if (Arrays.equals(p.words, words)) {
        // first payload wins; the case rule is the loosest of the spellings (kazakh, Kazakh)
        list.set(k, new Phrase<>(words, p.capitalised & capitalised, p.acronym & acronym, p.payload));
        return this;
      }
    }
    list.add(new Phrase<>(words, capitalised, acronym, payload));
    size++;
    return this;
  }

  private void addWord(String form, int id, boolean needsEnding, String lang) {
    Node n = root;
    for (int i = 0; i < form.length(); i++) {
      n = n.childOrNew(form.charAt(i));
    }
    if (n.ends == null) {
      n.ends = new ArrayList<>(1);
    }
    End end = null;
    for (End e : n.ends) {
      if (e.word == id && e.needsEnding == needsEnding) {
        end = e;
      }
    }
    if (end == null) {
      end = new End(id, needsEnding);
      n.ends.add(end);
      allEnds.add(end);
    }
    if (lang != null) {
      end.langs.add(lang);
    }
  }

  /** Compiles the automaton and the merged inflection rules; no more {@link #add} afterwards. */
  public NameMatcher<T> build() {
    for (End e : allEnds) {
      e.rules = inflections.rules(e.langs);
    }
    automaton = new CharAutomaton(patterns);
    soundAutomaton = soundPatterns.isEmpty() ? null : new CharAutomaton(soundPatterns);
    int maxWord = -1;
    for (int w : byFirstWord.keySet()) {
      maxWord = Math.max(maxWord, w);
    }
    @SuppressWarnings("unchecked")
    FirstWord<T>[] byWord = new FirstWord[maxWord + 1];
    byFirstWord.forEach((w, list) -> byWord[w] = FirstWord.of(list));
    phrasesByFirstWord = byWord;
    wordCache.clear();
    wordSlot = Word.trySlot(this::wordsOf);
    return this;
  }

  public int size() {
    return size;
  }

  /**
   * The alias word ids a folded text word matches (see the class comment), and among them those it
   * matches through an ending that makes an adjective of the name ({@link Inflections.Rules#adjectiveEnding}).
   */
  private WordIds wordsOf(String form) {
    int[] out = null;
    int n = 0;
    int[] adjectives = EMPTY;
    for (String base : inflections.bases(form)) {
      Node node = root;
      int from = n;
      for (int k = 0; k < base.length() && node != null; k++) {
        node = node.child(base.charAt(k));
        if (node == null || node.ends == null) {
          continue;
        }
        int stemEnd = k + 1;
        for (End e : node.ends) {
          boolean ok = stemEnd == base.length() ? !e.needsEnding : e.rules.validEnding(base, stemEnd);
          if (ok) {
            if (out == null) {
              out = new int[4];
            } else if (n == out.length) {
              out = Arrays.copyOf(out, n * 2);
            }
            out[n++] = e.word;
            if (stemEnd < base.length() ? e.rules.adjectiveEnding(base, stemEnd) : e.rules.ownAdjective(base)) {
              adjectives = Arrays.copyOf(adjectives, adjectives.length + 1);
              adjectives[adjectives.length - 1] = e.word;
            }
          }
        }
      }
      // the longest stem first: where phrases of one length match, the word itself (Turkistan)
      // wins over a shorter name with an ending (Turki + stan)
      for (int a = from, b = n - 1; a < b; a++, b--) {
        int swap = out[a];
        out[a] = out[b];
        out[b] = swap;
      }
    }
    return out == null ? NONE : new WordIds(Arrays.copyOf(out, n), adjectives);
  }

  private static final int[] EMPTY = new int[0];
  private static final WordIds NONE = new WordIds(EMPTY, EMPTY);

  private WordIds cachedWordsOf(String form) {
    WordIds known = wordCache.get(form);
    if (known != null) {
      return known;
    }
    WordIds ids = wordsOf(form);
    if (wordCache.size() >= WORD_CACHE_SIZE) {
      wordCache.clear();
    }
    wordCache.put(form, ids);
    return ids;
  }

  /** The matches in {@code text} (tokenised as {@code tokens}), in text order. */
  public List<Match<T>> find(String text, List<Token> tokens) {
    return find(text, tokens, false);
  }

  /** {@link #find} trying every phrase of each first word in order: the specification of the look-up by second word. */
  List<Match<T>> findTryingEveryPhrase(String text, List<Token> tokens) {
    return find(text, tokens, true);
  }

  private List<Match<T>> find(String text, List<Token> tokens, boolean everyPhrase) {
    if (automaton == null) {
      throw new IllegalStateException("find before build");
    }
    List<Match<T>> out = new ArrayList<>();
    int count = tokens.size();
    WordIds[] ids = new WordIds[count];
    boolean[] noSpace = new boolean[count];
    for (int i = 0; i < count; i++) {
      Token t = tokens.get(i);
      noSpace[i] = t.is(Token.NO_SPACE);
      ids[i] = noSpace[i] || byFirstWord.isEmpty() ? NONE
          : wordSlot != null ? t.word().get(wordSlot) : cachedWordsOf(t.form());
    }
    StringBuilder folded = new StringBuilder();
    List<Integer> offsets = new ArrayList<>();
    int i = 0;
    while (i < count) {
      if (noSpace[i]) {
        if (!patterns.isEmpty()) {
          Token t = tokens.get(i);
          folded.setLength(0);
          offsets.clear();
          foldNoSpace(text, t.start(), t.end(), folded, offsets);
          offsets.add(t.end());
          int from = out.size();
          for (int[] m : automaton.leftmostLongest(folded)) {
            out.add(new Match<>(patternPayloads.get(m[0]), offsets.get(m[1]), offsets.get(m[2]), i, i + 1));
          }
          dropShortKatakanaInsideLongerWords(text, out, from);
          if (Scripts.isThai(text.codePointAt(t.start()))) {
            dropShortMatchesAcrossThaiWords(text, t, out, from);
            if (soundAutomaton != null) {
              soundMatches(text, t, i, out, from);
            }
          }
        }
        i++;
        continue;
      }
      Phrase<T> best = null;
      for (int w : ids[i].ids()) {
        FirstWord<T> first = w < phrasesByFirstWord.length ? phrasesByFirstWord[w] : null;
        if (first == null) {
          continue;
        }
        if (everyPhrase) {
          for (Phrase<T> p : first.phrases()) {
            if ((best == null || p.words.length > best.words.length) && matchesAt(p, ids, tokens, i)) {
              best = p;
            }
          }
          continue;
        }
        // as trying every phrase of the first word in order and keeping a longer match than the
        // best so far: the first one (in order) of the longest matches, if longer than the best
        int floor = best == null ? 0 : best.words.length;
        Phrase<T> found = null;
        int foundAt = -1;
        for (int k : first.singles()) {
          Phrase<T> p = first.phrases().get(k);
          if (p.words.length > floor && (found == null || better(p, k, found, foundAt))
              && matchesAt(p, ids, tokens, i)) {
            found = p;
            foundAt = k;
          }
        }
        if (i + 1 < count) {
          for (int second : ids[i + 1].ids()) {
            int at = Arrays.binarySearch(first.seconds(), second);
            if (at < 0) {
              continue;
            }
            for (int k : first.bySecond()[at]) {
              Phrase<T> p = first.phrases().get(k);
              if (p.words.length > floor && (found == null || better(p, k, found, foundAt))
                  && matchesAt(p, ids, tokens, i)) {
                found = p;
                foundAt = k;
              }
            }
          }
        }
        if (found != null) {
          best = found;
        }
      }
      if (best != null) {
        int to = i + best.words.length;
        out.add(new Match<>(best.payload, tokens.get(i).start(), tokens.get(to - 1).end(), i, to));
        i = to;
      } else {
        i++;
      }
    }
    return out;
  }

  /** Phrase {@code p} (index {@code k}) is longer than {@code q} (index {@code at}), or as long and earlier. */
  private static boolean better(Phrase<?> p, int k, Phrase<?> q, int at) {
    return p.words.length > q.words.length || (p.words.length == q.words.length && k < at);
  }

  private static boolean matchesAt(Phrase<?> p, WordIds[] ids, List<Token> tokens, int at) {
    if (at + p.words.length > ids.length) {
      return false;
    }
    for (int j = 0; j < p.words.length; j++) {
      if (j > 0 && !contains(ids[at + j].ids(), p.words[j])) {
        return false;
      }
      Token t = tokens.get(at + j);
      // a name written with a capital, in lower case: only as an adjective made of it (rabati, рабатский)
      if ((p.capitalised & (1L << j)) != 0 && t.is(Token.FIRST_LOWER) && !contains(ids[at + j].adjectiveIds(), p.words[j])) {
        return false;
      }
      if ((p.acronym & (1L << j)) != 0 && !t.is(Token.NO_LOWER_CHAR)) {
        return false;
      }
    }
    return true;
  }

  /** True when no letter of {@code s[from, to)} is lower case (OCP, KTZ, ҚМГ). */
  private static boolean isUpperCase(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (Character.isLowerCase(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean contains(int[] a, int v) {
    for (int x : a) {
      if (x == v) {
        return true;
      }
    }
    return false;
  }

  /**
   * Drops the short names written in katakana ({@value #SHORT_NAME} characters or fewer) found inside a
   * longer katakana word: タイ (Thailand) in タイヤ "tyre" or スタイル "style", マリ (Mali) in マリン "marine",
   * チリ (Chile) in チリソース. A katakana word runs until a letter of another script or a middle dot.
   */
  private static <T> void dropShortKatakanaInsideLongerWords(String text, List<Match<T>> out, int from) {
    for (int k = out.size() - 1; k >= from; k--) {
      Match<T> m = out.get(k);
      if (m.end() - m.start() > SHORT_NAME || !katakana(text.charAt(m.start()))) {
        continue;
      }
      boolean glued = (m.start() > 0 && katakana(text.charAt(m.start() - 1)))
          || (m.end() < text.length() && katakana(text.charAt(m.end())));
      if (glued) {
        out.remove(k);
      }
    }
  }

  /** A katakana letter or the long-vowel mark (not the middle dot that separates words). */
  private static boolean katakana(char c) {
    return (c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC;
  }

  /**
   * Names of at most this many characters found inside Thai text must start or end at a word boundary, and
   * inside katakana must not be glued to more katakana.
   */
  static final int SHORT_NAME = 3;

  /**
   * Drops the short names found inside a Thai run ({@code out} from {@code from}) that neither start nor end
   * where a word of the dictionary segmentation does: ลาว (Laos) inside ปลา|วัย ("young fish") is no
   * name. Longer names are kept as found: a transliterated name is often not a dictionary word, and the
   * segmenter may cut it anywhere.
   */
  private static <T> void dropShortMatchesAcrossThaiWords(String text, Token t, List<Match<T>> out, int from) {
    BitSet bounds = null;
    for (int k = out.size() - 1; k >= from; k--) {
      Match<T> m = out.get(k);
      if (text.codePointCount(m.start(), m.end()) > SHORT_NAME) {
        continue;
      }
      if (bounds == null) {
        bounds = new BitSet();
        BreakIterator words = BreakIterator.getWordInstance(ULocale.forLanguageTag("th"));
        words.setText(text.substring(t.start(), t.end()));
        for (int b = words.first(); b != BreakIterator.DONE; b = words.next()) {
          bounds.set(t.start() + b);
        }
      }
      if (!bounds.get(m.start()) && !bounds.get(m.end())) {
        out.remove(k);
      }
    }
  }

  /**
   * Adds the Thai names found in token {@code t} only by sound (a spelling of its own) that overlap no
   * name found as written ({@code out} from {@code from}), keeping {@code out} in text order.
   */
  private void soundMatches(String text, Token t, int i, List<Match<T>> out, int from) {
    StringBuilder folded = new StringBuilder();
    List<Integer> offsets = new ArrayList<>();
    foldSound(text, t.start(), t.end(), folded, offsets);
    offsets.add(t.end());
    boolean added = false;
    for (int[] m : soundAutomaton.leftmostLongest(folded)) {
      int start = offsets.get(m[1]);
      int end = offsets.get(m[2]);
      boolean overlaps = false;
      for (int k = from; k < out.size() && !overlaps; k++) {
        overlaps = out.get(k).start() < end && start < out.get(k).end();
      }
      if (!overlaps) {
        out.add(new Match<>(soundPayloads.get(m[0]), start, end, i, i + 1));
        added = true;
      }
    }
    if (added) {
      out.subList(from, out.size()).sort(java.util.Comparator.comparingInt(Match::start));
    }
  }

  private static void foldSound(String s, int from, int to, StringBuilder out, List<Integer> offsets) {
    fold(s, from, to, out, offsets, true);
  }

  /** Appends the folded form of {@code s[from, to)} for substring matching; records source offsets. */
  private static void foldNoSpace(String s, int from, int to, StringBuilder out, List<Integer> offsets) {
    fold(s, from, to, out, offsets, false);
  }

  /** Folds [from, to) of a run without spaces, as written or ({@code sound}) Thai by sound; offsets per folded char. */
  private static void fold(String s, int from, int to, StringBuilder out, List<Integer> offsets, boolean sound) {
    for (int i = from; i < to; ) {
      int cp = s.codePointAt(i);
      int before = out.length();
      if (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK) {
        if (sound && Scripts.isThai(cp)) {
          int next = i + Character.charCount(cp);
          Scripts.foldThaiSound(cp, next < to ? s.codePointAt(next) : -1, out);
        } else if (Scripts.isNoSpace(cp) || cp >= 0x3000) {
          Scripts.foldNoSpaceChar(cp, out);
        } else {
          out.append(TextNormalizer.fold(new String(Character.toChars(cp))));
        }
      }
      if (offsets != null) {
        for (int k = before; k < out.length(); k++) {
          offsets.add(i);
        }
      }
      i += Character.charCount(cp);
    }
  }

  /** Aho–Corasick over chars, with transitions in one open-addressing table. */
  static final class CharAutomaton {
    private long[] keys;
    private int[] values;
    private int mask;
    private int[] fail;
    private int[] out; // longest pattern ending at the state, or -1
    private int[] dict; // nearest state on the fail chain with an output, or -1
    private int[] depth;
    private final int[] lengths;
    private int states = 1;

    CharAutomaton(List<String> patterns) {
      int total = 1;
      for (String p : patterns) {
        total += p.length();
      }
      int cap = Integer.highestOneBit(Math.max(16, total * 2)) * 2;
      keys = new long[cap];
      Arrays.fill(keys, -1L);
      values = new int[cap];
      mask = cap - 1;
      out = new int[total];
      Arrays.fill(out, -1);
      depth = new int[total];
      lengths = new int[patterns.size()];
      List<int[]> edges = new ArrayList<>(); // state, char, child: for the breadth-first pass
      for (int p = 0; p < patterns.size(); p++) {
        String s = patterns.get(p);
        lengths[p] = s.length();
        int state = 0;
        for (int i = 0; i < s.length(); i++) {
          int next = get(state, s.charAt(i));
          if (next < 0) {
            next = states++;
            depth[next] = depth[state] + 1;
            put(state, s.charAt(i), next);
            edges.add(new int[] {state, s.charAt(i), next});
          }
          state = next;
        }
        if (out[state] < 0) {
          out[state] = p;
        }
      }
      fail = new int[states];
      dict = new int[states];
      Arrays.fill(dict, -1);
      Map<Integer, List<int[]>> children = new HashMap<>();
      for (int[] e : edges) {
        children.computeIfAbsent(e[0], k -> new ArrayList<>()).add(e);
      }
      ArrayDeque<Integer> queue = new ArrayDeque<>();
      for (int[] e : children.getOrDefault(0, List.of())) {
        fail[e[2]] = 0;
        queue.add(e[2]);
      }
      while (!queue.isEmpty()) {
        int s = queue.poll();
        for (int[] e : children.getOrDefault(s, List.of())) {
          int child = e[2];
          char c = (char) e[1];
          int f = fail[s];
          while (f > 0 && get(f, c) < 0) {
            f = fail[f];
          }
          int g = get(f, c);
          fail[child] = g >= 0 && g != child ? g : 0;
          int fc = fail[child];
          dict[child] = out[fc] >= 0 ? fc : dict[fc];
          queue.add(child);
        }
      }
    }

    private int slot(long key) {
      long h = key * 0x9E3779B97F4A7C15L;
      return (int) (h ^ (h >>> 32)) & mask;
    }

    private int get(int state, char c) {
      long key = ((long) state << 16) | c;
      int i = slot(key);
      while (keys[i] != -1L) {
        if (keys[i] == key) {
          return values[i];
        }
        i = (i + 1) & mask;
      }
      return -1;
    }

    private void put(int state, char c, int next) {
      long key = ((long) state << 16) | c;
      int i = slot(key);
      while (keys[i] != -1L) {
        i = (i + 1) & mask;
      }
      keys[i] = key;
      values[i] = next;
    }

    /** Non-overlapping matches, leftmost first and longest at a start: {pattern, start, end}. */
    List<int[]> leftmostLongest(CharSequence text) {
      if (states == 1) {
        return List.of();
      }
      List<int[]> all = new ArrayList<>();
      int state = 0;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        int next;
        while ((next = get(state, c)) < 0 && state > 0) {
          state = fail[state];
        }
        state = Math.max(next, 0);
        for (int s = out[state] >= 0 ? state : dict[state]; s >= 0; s = dict[s]) {
          int p = out[s];
          all.add(new int[] {p, i + 1 - lengths[p], i + 1});
        }
      }
      if (all.isEmpty()) {
        return all;
      }
      all.sort((a, b) -> a[1] != b[1] ? Integer.compare(a[1], b[1]) : Integer.compare(b[2], a[2]));
      List<int[]> chosen = new ArrayList<>();
      int end = -1;
      for (int[] m : all) {
        if (m[1] >= end) {
          chosen.add(m);
          end = m[2];
        }
      }
      return chosen;
    }
  }
}
