package io.newsmon.processor.watch;

import io.newsmon.processor.text.Segmenter;
import io.newsmon.processor.text.TextNormalizer;
import io.newsmon.processor.text.Token;
import java.util.List;

/**
 * Clause- and sentence-level predicates that tell a relation between the two sides from the ways
 * two countries are named side by side without one: who speaks a comparison, whether the two are the
 * objects of a third party's dealing, whether the text contrasts each side's own story, whether a
 * demonym is a player's nationality or a place name another kind of place. Each works on the cue
 * words found once in the text ({@code watches/lexicon.yaml}: kinds {@code say}, {@code similar},
 * {@code contrast}, {@code pairBefore}, {@code pairAfter}, {@code athlete}, {@code placeNoun}) and
 * looks at a fixed neighbourhood, so the whole analysis stays linear in the text.
 */
final class RelationPredicates {

  private RelationPredicates() {}

  /**
   * True when position {@code pos} stands inside a quotation that opens in the paragraph starting at
   * {@code from}: marks are followed from there, so a quotation spanning several sentences counts.
   */
  static boolean insideQuote(String text, int from, int pos) {
    boolean open = false;
    char closeWith = 0;
    for (int i = Math.max(0, from); i < pos && i < text.length(); i++) {
      char c = text.charAt(i);
      if (open) {
        if (c == closeWith || (closeWith == '“' && c == '”')) {
          open = false;
        }
        continue;
      }
      switch (c) {
        case '«' -> { open = true; closeWith = '»'; }
        case '„' -> { open = true; closeWith = '“'; }
        case '“' -> { open = true; closeWith = '”'; }
        case '「' -> { open = true; closeWith = '」'; }
        case '『' -> { open = true; closeWith = '』'; }
        case '"' -> { open = true; closeWith = '"'; }
        case '‹' -> { open = true; closeWith = '›'; }
        case '”' -> { open = true; closeWith = '”'; } // Swedish and Finnish open with ”
        default -> { }
      }
    }
    return open;
  }

  /**
   * True when a comparison at {@code pos} in {@code sentence} is somebody's words rather than the
   * writer's: inside a quotation, or in a sentence with a reporting verb (said, sagte, dedi, 表示).
   */
  static boolean attributed(RelationTagger.Doc doc, Segmenter.Span sentence, int paragraphStart, int pos,
      List<NameMatcher.Match<Watch.Cue>> sentenceCues) {
    if (insideQuote(doc.text(), paragraphStart, pos)) {
      return true;
    }
    for (NameMatcher.Match<Watch.Cue> c : sentenceCues) {
      if (c.payload().kind().equals("say")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The sides (bit 0: the first, bit 1: the second) named by {@code mentions} outside quotation marks
   * followed from {@code paragraphStart}.
   */
  static int sidesOutsideQuotes(RelationTagger.Doc doc, List<Watch.Mention> mentions, int paragraphStart) {
    int sides = 0;
    for (Watch.Mention m : mentions) {
      if (!insideQuote(doc.text(), paragraphStart, m.start())) {
        sides |= 1 << m.side();
      }
    }
    return sides;
  }

  /** True when one of the cues is of {@code kind}. */
  static boolean has(List<NameMatcher.Match<Watch.Cue>> cues, String kind) {
    for (NameMatcher.Match<Watch.Cue> c : cues) {
      if (c.payload().kind().equals(kind)) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when the coordinated pair {@code a}..{@code b} (in text order) is governed by a preposition
   * before it ("with Morocco and Kazakhstan", "z Marokiem i Kazachstanem") or a postposition after it
   * ("Fas ve Kazakistan ile"): the two are the objects of someone else's dealing, not partners.
   */
  static boolean governedPair(RelationTagger.Doc doc, Watch.Mention a, Watch.Mention b, boolean[] link,
      int[] cueStarts) {
    for (int i = RelationTagger.first(cueStarts, a.start() - RelationTagger.WINDOW);
        i < cueStarts.length && cueStarts[i] <= b.end() + RelationTagger.WINDOW; i++) {
      NameMatcher.Match<Watch.Cue> c = doc.cues().get(i);
      String kind = c.payload().kind();
      if (kind.equals("pairBefore") && RelationTagger.before(doc, c, a, link, 1)) {
        return true;
      }
      if (kind.equals("pairAfter") && RelationTagger.after(doc, c, b, link, 1)) {
        return true;
      }
    }
    return false;
  }

  /** Tokens at most between a contrast marker and the side that opens the second clause. */
  static final int CONTRAST_REACH = 2;

  /**
   * True when a sentence sets two clauses against each other, one per side ("Morocco desalinates sea
   * water with solar power, whereas Kazakh plants run on gas"): every mention before a contrast marker
   * names one side, and the other side is named within {@value #CONTRAST_REACH} words after it. A
   * marker right after a side ("Morocco, for its part, grants Kazakh students…") contrasts with an
   * earlier sentence, not within this one.
   */
  static boolean contrastedClauses(List<Watch.Mention> mentions, List<NameMatcher.Match<Watch.Cue>> sentenceCues) {
    // one pass: mentions and cues are both in text order
    int i = 0;
    int before = 0;
    Watch.Mention last = null;
    for (NameMatcher.Match<Watch.Cue> c : sentenceCues) {
      while (i < mentions.size() && mentions.get(i).end() <= c.start()) {
        last = mentions.get(i);
        before |= 1 << last.side();
        i++;
      }
      if (!c.payload().kind().equals("contrast") || (before != 1 && before != 2)
          || c.fromToken() - last.toToken() <= 0) {
        continue;
      }
      int j = i;
      while (j < mentions.size() && mentions.get(j).start() < c.end()) {
        j++;
      }
      if (j < mentions.size()) {
        Watch.Mention next = mentions.get(j);
        if ((before & (1 << next.side())) == 0 && next.fromToken() - c.toToken() <= CONTRAST_REACH) {
          return true;
        }
      }
    }
    return false;
  }

  /** The unit of a year or of a number standing bare: it may be set beside a figure of any unit. */
  private static final String BARE = "#";

  /** Words at most between a name and the figure that belongs to it in {@link #parallelFigures}. */
  static final int FIGURE_REACH = 3;

  /**
   * True when the two sides are told apart in parallel frames: a word standing next to a side's name
   * in a sentence that names only that side (the word before it or the word after it) also stands on
   * the same side of the other side's name in another sentence naming only that one ("mit dem
   * marokkanischen Ministerium … mit dem kasachischen …", "En Marruecos … en Kazajistán …", "मोरक्को में
   * … कज़ाख़स्तान में …"). The construction of each side's own dealings with a third party, or of a
   * comparison; like {@link #parallelFigures} it has no words of its own, so it is the same in every
   * language. Only words (a letter first) of the name's own sentence count.
   *
   * @param sidesBySentence per sentence, the sides it names (bit 1: the first, bit 2: the second)
   */
  static boolean parallelFrames(RelationTagger.Doc doc, List<List<Watch.Mention>> mentionsBySentence,
      int[] sidesBySentence, List<Segmenter.Span> sentences) {
    int alone = 0;
    for (int sides : sidesBySentence) {
      alone |= sides == 3 ? 0 : sides;
    }
    if (alone != 3) {
      return false;
    }
    // the words before and after the first side's names, then the second side's looked up in them
    List<String> before = new java.util.ArrayList<>();
    List<String> after = new java.util.ArrayList<>();
    for (int side = 1; side <= 2; side++) {
      for (int s = 0; s < sidesBySentence.length; s++) {
        if (sidesBySentence[s] != side) {
          continue;
        }
        Segmenter.Span span = sentences.get(s);
        for (Watch.Mention m : mentionsBySentence.get(s)) {
          String b = m.fromToken() > 0 ? word(doc.tokens().get(m.fromToken() - 1), span) : null;
          String a = m.toToken() < doc.tokens().size() ? word(doc.tokens().get(m.toToken()), span) : null;
          if (side == 2 && ((b != null && before.contains(b)) || (a != null && after.contains(a)))) {
            return true;
          }
          if (side == 1 && b != null) {
            before.add(b);
          }
          if (side == 1 && a != null) {
            after.add(a);
          }
        }
      }
    }
    return false;
  }

  /** The form of a token of {@code span} that is a word (a letter first), else null. */
  private static String word(Token t, Segmenter.Span span) {
    return t.start() >= span.start() && t.end() <= span.end() && isWord(t) ? t.form() : null;
  }

  private static boolean isWord(Token t) {
    String f = t.form();
    return !f.isEmpty() && Character.isLetter(f.codePointAt(0));
  }

  /**
   * True when a sentence sets each side's own figure beside the other's, in two clauses ("about 2% in
   * Morocco, about 1% in Kazakhstan", "63 years in Morocco, whereas in Kazakhstan 63 and 61"): two
   * names of different sides, next to each other in the sentence, with a clause boundary between them
   * (a separator or a contrast marker) and a number within {@value #FIGURE_REACH} words of each name on
   * its own side of that boundary, the two numbers measuring the same thing: they share a unit (the
   * characters joined to the number, "2%", "15人", or one of the two words after it, "63 वर्ष", "1,2
   * million tonnes" and "800 000 tonnes"), or one of them is a year or stands bare ("Morocco 150,
   * Kazakhstan 130 places"). The construction of a ranking or comparison; it has no words of its own,
   * so it is the same in every language. Figures of different things ("15 engineers … a course of 3
   * months") are the details of one report, not a comparison.
   */
  static boolean parallelFigures(RelationTagger.Doc doc, List<Watch.Mention> mentions,
      List<NameMatcher.Match<Watch.Cue>> sentenceCues) {
    for (int i = 1; i < mentions.size(); i++) {
      Watch.Mention a = mentions.get(i - 1);
      Watch.Mention b = mentions.get(i);
      if (a.side() == b.side() || b.fromToken() < a.toToken()) {
        continue;
      }
      int boundary = boundaryBetween(doc, a, b, sentenceCues);
      if (boundary < 0) {
        continue;
      }
      java.util.Set<String> units = figureUnits(doc, a, Integer.MIN_VALUE, boundary);
      java.util.Set<String> others = units.isEmpty() ? units : figureUnits(doc, b, boundary, Integer.MAX_VALUE);
      if (!others.isEmpty() && (units.contains(BARE) || others.contains(BARE)
          || !java.util.Collections.disjoint(units, others))) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when a clause boundary stands between mentions {@code a} and {@code b} (in text order): a
   * separator that is not inside a number, or a contrast marker.
   */
  static boolean clauseBetween(RelationTagger.Doc doc, Watch.Mention a, Watch.Mention b,
      List<NameMatcher.Match<Watch.Cue>> sentenceCues) {
    return boundaryBetween(doc, a, b, sentenceCues) >= 0;
  }

  /** The first clause boundary between {@code a} and {@code b}, as in {@link #clauseBetween}; else -1. */
  private static int boundaryBetween(RelationTagger.Doc doc, Watch.Mention a, Watch.Mention b,
      List<NameMatcher.Match<Watch.Cue>> sentenceCues) {
    for (int c = a.end(); c < b.start(); c++) {
      if (RelationTagger.isSeparator(doc.text().charAt(c)) && doc.text().charAt(c) != '/' && !insideNumber(doc.text(), c)) {
        return c;
      }
    }
    for (NameMatcher.Match<Watch.Cue> c : sentenceCues) {
      if (c.payload().kind().equals("contrast") && c.start() >= a.end() && c.end() <= b.start()) {
        return c.start();
      }
    }
    return -1;
  }

  /** True when the character at {@code i} stands between two digits (60,000). */
  static boolean insideNumber(String text, int i) {
    return i > 0 && i + 1 < text.length() && Character.isDigit(text.charAt(i - 1)) && Character.isDigit(text.charAt(i + 1));
  }

  /**
   * The units of the numbers within {@value #FIGURE_REACH} words of {@code m}, inside [from, to) (in
   * text without spaces the number may be part of the word that holds the name: モロッコで約2％): for
   * each number, the characters joined to its end ("%", "人", "x") and the first four letters of each
   * of the two words after it, lower-cased; {@link #BARE} for a year (four digits from 19 or 20) or a
   * number with neither. Empty when no number is near.
   */
  private static java.util.Set<String> figureUnits(RelationTagger.Doc doc, Watch.Mention m, int from, int to) {
    List<Token> tokens = doc.tokens();
    String text = doc.text();
    int first = Math.max(0, m.fromToken() - FIGURE_REACH - 1);
    int last = Math.min(tokens.size(), m.toToken() + FIGURE_REACH) - 1;
    int start = Math.max(from, tokens.get(first).start());
    int end = Math.min(to, tokens.get(last).end());
    java.util.Set<String> units = new java.util.HashSet<>();
    for (int c = start; c < end; c++) {
      if (!Character.isDigit(text.charAt(c)) || (c >= m.start() && c < m.end())) {
        continue;
      }
      int n = c;
      while (n < text.length() && (Character.isDigit(text.charAt(n)) || insideNumber(text, n)
          || (text.charAt(n) == ' ' && n + 1 < text.length() && Character.isDigit(text.charAt(n + 1))
              && n > 0 && Character.isDigit(text.charAt(n - 1))))) {
        n++;
      }
      int size = units.size();
      if (n - c == 4 && (text.startsWith("19", c) || text.startsWith("20", c))) {
        units.add(BARE);
        c = n;
        continue;
      }
      for (int joined = n; joined < text.length() && joined - n < 2 && !Character.isWhitespace(text.charAt(joined))
          && !RelationTagger.isSeparator(text.charAt(joined)) && !Character.isDigit(text.charAt(joined)); joined++) {
        units.add(text.substring(n, joined + 1).toLowerCase(java.util.Locale.ROOT));
      }
      int words = 0;
      for (int t = tokenAtOrAfter(tokens, n); t < tokens.size() && words < 2
          && tokens.get(t).start() < Math.min(to, text.length()); t++) {
        Token tok = tokens.get(t);
        String w = text.substring(tok.start(), tok.end());
        if (w.isEmpty() || Character.isDigit(w.charAt(0))) {
          break;
        }
        units.add(w.substring(0, Math.min(4, w.length())).toLowerCase(java.util.Locale.ROOT));
        words++;
      }
      if (units.size() == size) {
        units.add(BARE);
      }
      c = n;
    }
    return units;
  }

  /** Index of the first token that starts at or after {@code from} (tokens are in text order). */
  private static int tokenAtOrAfter(List<Token> tokens, int from) {
    int lo = 0;
    int hi = tokens.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (tokens.get(mid).start() < from) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Note prefix of a nationality of a player, coach or club: the text is a sports story. */
  static final String NATIONALITY = "is the nationality of a player, coach or club";

  /**
   * Why a demonym or country name of a side is a person's or a club's nationality here (the Moroccan
   * forward of FC Astana, het Marokkaanse Raja, Fas'ın Wydad) rather than the state, or why it only gives
   * a dish or craft its style (marocké pečivo, Kazakh carpets); null when it may stand for the state.
   */
  static String nationality(RelationTagger.Doc doc, Watch.Mention m, boolean[] link, int[] cueStarts) {
    if (!m.ref().type().equals("country")) {
      return null;
    }
    for (int i = RelationTagger.first(cueStarts, m.start() - RelationTagger.WINDOW);
        i < cueStarts.length && cueStarts[i] <= m.end() + RelationTagger.WINDOW; i++) {
      NameMatcher.Match<Watch.Cue> c = doc.cues().get(i);
      String kind = c.payload().kind();
      // a club's name or capitalised abbreviation (Raja, Wydad, FC), not a word for a team that may be
      // a national team (futsal teams of Morocco and Kazakhstan)
      boolean athlete = kind.equals("athlete") || (kind.equals("club") && Character.isUpperCase(doc.text().charAt(c.start())));
      if ((athlete || kind.equals("dish")) && !punctuated(doc.text(), c, m) && (RelationTagger.before(doc, c, m, link, 1)
          || RelationTagger.after(doc, c, m, link, 1) || suffixOnly(doc.text(), m.end(), c.start()))) {
        return "'" + doc.text().substring(m.start(), m.end()) + "' " + (athlete ? NATIONALITY
            : "gives a dish or craft its style") + " (" + doc.text().substring(c.start(), c.end()) + "), not "
            + m.ref().country();
      }
    }
    return null;
  }

  /** True when punctuation separates cue {@code c} from mention {@code m} (Wydad, Maroko dan Kazakhstan). */
  static boolean punctuated(String text, NameMatcher.Match<Watch.Cue> c, Watch.Mention m) {
    int from = Math.min(c.end(), m.end());
    int to = Math.max(c.start(), m.start());
    for (int i = from; i < to; i++) {
      char ch = text.charAt(i);
      if (RelationTagger.isSeparator(ch) || ch == ':' || ch == '(' || ch == ')' || ch == '.' || ch == '–' || ch == '—') {
        return true;
      }
    }
    return false;
  }

  /**
   * True when only an apostrophe suffix stands between {@code from} and {@code to} (Fas'ın Wydad: the
   * suffix of the name, written apart).
   */
  static boolean suffixOnly(String text, int from, int to) {
    if (to <= from || to - from > 6 || (text.charAt(from) != '\'' && text.charAt(from) != '’')) {
      return false;
    }
    int i = from + 1;
    while (i < to && Character.isLetter(text.charAt(i))) {
      i++;
    }
    return i > from + 1 && text.substring(i, to).isBlank();
  }

  /** Tokens at most between a negation ("has no link with", "denied") and the name it denies. */
  static final int NEGATION_REACH = 3;

  /**
   * Why a name of a side is named to deny a link with it ("has no link with Kazakhstan", "ولا تربطه أي
   * علاقة بكازاخستان", "Kazakistan ile hiçbir ilgisi yok"), or null: a {@code negation} cue ends at most
   * {@value #NEGATION_REACH} words before it, or a {@code negationAfter} cue starts as close after it.
   */
  static String negated(RelationTagger.Doc doc, Watch.Mention m, int[] cueStarts) {
    for (int i = RelationTagger.first(cueStarts, m.start() - RelationTagger.WINDOW);
        i < cueStarts.length && cueStarts[i] <= m.end() + RelationTagger.WINDOW; i++) {
      NameMatcher.Match<Watch.Cue> c = doc.cues().get(i);
      String kind = c.payload().kind();
      boolean before = kind.equals("negation") && c.end() <= m.start();
      boolean after = kind.equals("negationAfter") && c.start() >= m.end();
      int gap = before ? m.fromToken() - c.toToken() : c.fromToken() - m.toToken();
      if ((before || after) && gap >= 0 && gap <= NEGATION_REACH
          && !sentenceEndBetween(doc.text(), before ? c.end() : m.end(), before ? m.start() : c.start())) {
        return "'" + doc.text().substring(m.start(), m.end()) + "' is named to deny a link ("
            + doc.text().substring(c.start(), c.end()) + "), not as a party";
      }
    }
    return null;
  }

  private static boolean sentenceEndBetween(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char ch = text.charAt(i);
      if (ch == '.' || ch == '!' || ch == '?' || ch == '\n' || ch == '。' || ch == '؟') {
        return true;
      }
    }
    return false;
  }

  /** Words at most between a word for "between" and the pair (an article, a case word: entre le Maroc). */
  static final int BETWEEN_REACH = 1;

  /**
   * True when the coordinated pair {@code a}..{@code b} is named as the two parties of one dealing: a word
   * for "between" right before it ({@code betweenBefore}: between, entre, между, μεταξύ) or right after it
   * ({@code betweenAfter}: Fas ile Kazakistan arasında, モロッコとカザフスタンの間, मोरक्को और कज़ाख़स्तान के
   * बीच), or the two joined by a dash or slash alone (Morocco–Kazakhstan, марокканско-казахстанский).
   * Strong evidence: it stands whatever else the sentence names (a mediator, a host country).
   */
  static boolean betweenPair(RelationTagger.Doc doc, Watch.Mention a, Watch.Mention b, int[] cueStarts) {
    if (a.end() < b.start() && b.start() - a.end() <= 1 && "-–—/".indexOf(doc.text().charAt(a.end())) >= 0) {
      return true;
    }
    for (int i = RelationTagger.first(cueStarts, a.start() - RelationTagger.WINDOW);
        i < cueStarts.length && cueStarts[i] <= b.end() + RelationTagger.WINDOW; i++) {
      NameMatcher.Match<Watch.Cue> c = doc.cues().get(i);
      String kind = c.payload().kind();
      if (kind.equals("betweenBefore") && c.end() <= a.start()) {
        int gap = c.toToken() > a.fromToken() ? (a.start() - c.end() <= EACH_REACH_CHARS ? 0 : -1)
            : a.fromToken() - c.toToken();
        if (gap >= 0 && gap <= BETWEEN_REACH) {
          return true;
        }
      } else if (kind.equals("betweenAfter") && c.start() >= b.end()) {
        int gap = c.fromToken() < b.toToken() ? (c.start() - b.end() <= EACH_REACH_CHARS ? 0 : -1)
            : c.fromToken() - b.toToken();
        if (gap >= 0 && gap <= BETWEEN_REACH) {
          return true;
        }
      }
    }
    return false;
  }

  /** Tokens at most between a word for "each"/"separately" and the coordinated pair it distributes over. */
  static final int EACH_REACH = 2;
  /** Characters at most between such a word and the pair inside one token of a script without spaces. */
  static final int EACH_REACH_CHARS = 3;

  /**
   * True when a word for "each"/"separately" ({@code both}) stands right at the coordinated pair
   * {@code a}..{@code b}: at most {@value #EACH_REACH} words before the first side or after the second
   * ("Morocco and Kazakhstan each signed", "Марокко и Казахстан подписали каждый"). Elsewhere in the
   * sentence it distributes over something else: students who spend a year in each city, both
   * institutions that sign one agreement.
   */
  static boolean eachAtPair(RelationTagger.Doc doc, Watch.Mention a, Watch.Mention b, int[] cueStarts) {
    for (int i = RelationTagger.first(cueStarts, a.start() - RelationTagger.WINDOW);
        i < cueStarts.length && cueStarts[i] <= b.end() + RelationTagger.WINDOW; i++) {
      NameMatcher.Match<Watch.Cue> c = doc.cues().get(i);
      if (!c.payload().kind().equals("both")) {
        continue;
      }
      // in text without spaces a cue and a name may share a token: then characters count
      int before = c.toToken() > a.fromToken() ? (a.start() - c.end() <= EACH_REACH_CHARS ? 0 : -1)
          : a.fromToken() - c.toToken();
      int after = c.fromToken() < b.toToken() ? (c.start() - b.end() <= EACH_REACH_CHARS ? 0 : -1)
          : c.fromToken() - b.toToken();
      if ((c.end() <= a.start() && before >= 0 && before <= EACH_REACH)
          || (c.start() >= b.end() && after >= 0 && after <= EACH_REACH)) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when the coordinated pair {@code a}..{@code b} names two places where somebody else acts: a
   * locative preposition before it ({@code pairIn}: in, en, em) or a locative case ending on its last
   * word ({@code locativeEnding}: Fas ve Kazakistan'da). With {@code eachMarked}, each of the two must
   * carry its own ("in Kazakhstan and in Morocco", Marokkóban és Kazahsztánban): two separate stops
   * rather than the two places of one joint undertaking.
   */
  static boolean locativePair(RelationTagger.Doc doc, Watch.Mention a, Watch.Mention b, boolean[] link,
      int[] cueStarts, boolean eachMarked) {
    boolean beforeA = false;
    boolean beforeB = false;
    for (int i = RelationTagger.first(cueStarts, a.start() - RelationTagger.WINDOW);
        i < cueStarts.length && cueStarts[i] < b.start(); i++) {
      NameMatcher.Match<Watch.Cue> c = doc.cues().get(i);
      if (c.payload().kind().equals("pairIn")) {
        beforeA |= RelationTagger.before(doc, c, a, link, 1);
        // a cue standing alone between the two is their conjunction in another language (Czech
        // "kazašských a marockých", "a" folded as French "à"), not a preposition of the second
        beforeB |= RelationTagger.before(doc, c, b, link, 1) && c.start() > a.end()
            && !doc.text().substring(a.end(), c.start()).isBlank();
      }
    }
    Watch.Endings e = doc.endings();
    boolean endsB = !e.locative().isEmpty() && e.of(e.locative(), doc.tokens().get(b.toToken() - 1).form()) != null;
    if (!eachMarked) {
      return beforeA || endsB;
    }
    if (doc.tokens().get(a.fromToken()).is(Token.NO_SPACE) || doc.tokens().get(b.fromToken()).is(Token.NO_SPACE)) {
      return false; // one run of text without spaces: a cue may stand before both names at once
    }
    boolean endsA = !e.locative().isEmpty() && e.of(e.locative(), doc.tokens().get(a.toToken() - 1).form()) != null;
    return (beforeA && beforeB) || (endsA && endsB);
  }

  /**
   * A comparison particle written onto the last word of a name (Korean 모로코처럼 "like Morocco",
   * {@code compareEnding}), as a cue over the particle's characters; else null.
   */
  static NameMatcher.Match<Watch.Cue> comparisonEnding(RelationTagger.Doc doc, Watch.Mention m) {
    Watch.Endings e = doc.endings();
    if (e.compare().isEmpty()) {
      return null;
    }
    Token t = doc.tokens().get(m.toToken() - 1);
    String end = e.of(e.compare(), t.form());
    if (end == null) {
      return null;
    }
    // the ending as written (folding may change its length: Hangul syllables decompose)
    int from = t.end() - 1;
    while (from > t.start() && !TextNormalizer.fold(doc.text(), from, t.end()).equals(end)) {
      from--;
    }
    return from <= m.start() ? null
        : new NameMatcher.Match<>(COMPARE_ENDING, from, t.end(), m.toToken() - 1, m.toToken());
  }

  private static final Watch.Cue COMPARE_ENDING = new Watch.Cue("compareAfter", null);

  /** True when the two sides are each named in sentence {@code mentions} by an actor: a person or institution, not a country or place. */
  static boolean actorsOfBoth(List<Watch.Mention> mentions) {
    int sides = 0;
    for (Watch.Mention m : mentions) {
      String type = m.ref().type();
      if (!type.equals("country") && !type.equals("place") && !type.equals("city")) {
        sides |= 1 << m.side();
      }
    }
    return sides == 3;
  }

  /**
   * The closest mentions of the two sides in a sentence (in text order), whatever stands between
   * them; else null.
   */
  static Watch.Mention[] nearestPair(List<Watch.Mention> ms) {
    Watch.Mention[] last = new Watch.Mention[2];
    Watch.Mention[] best = null;
    int bestGap = Integer.MAX_VALUE;
    for (Watch.Mention m : ms) {
      Watch.Mention other = last[1 - m.side()];
      if (other != null && m.start() - other.end() < bestGap) {
        bestGap = m.start() - other.end();
        best = new Watch.Mention[] {other, m};
      }
      last[m.side()] = m;
    }
    return best;
  }

  /**
   * True when a third country is named between the closest mentions of the two sides, joined to them
   * by list separators or conjunctions only in part ("the prime minister of Morocco, the president of
   * Senegal and the prime minister of Kazakhstan"): the two are items of one enumeration, whatever
   * words stand around each item. Language-independent: third-country names come from CLDR, the
   * separators are punctuation and the conjunctions of {@link RelationTagger#CONJUNCTIONS}.
   */
  static boolean thirdBetween(RelationTagger.Doc doc, Watch.Mention a, Watch.Mention b, int[] thirdStarts) {
    int i = RelationTagger.first(thirdStarts, a.end());
    if (i >= thirdStarts.length || thirdStarts[i] >= b.start()) {
      return false;
    }
    Watch.Mention t = doc.thirds().get(i);
    return listJoin(doc, a.toToken(), t.fromToken(), a.end(), t.start())
        && listJoin(doc, t.toToken(), b.fromToken(), t.end(), b.start());
  }

  /** True when a separator or a conjunction stands between two items (token and character spans). */
  private static boolean listJoin(RelationTagger.Doc doc, int fromToken, int toToken, int fromChar, int toChar) {
    for (int c = fromChar; c < toChar; c++) {
      if (RelationTagger.isSeparator(doc.text().charAt(c))) {
        return true;
      }
    }
    for (int t = fromToken; t < toToken; t++) {
      if (RelationTagger.CONJUNCTIONS.contains(doc.tokens().get(t).form())) {
        return true;
      }
    }
    return false;
  }
}
