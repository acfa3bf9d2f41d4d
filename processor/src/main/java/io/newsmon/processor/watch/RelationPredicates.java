package io.newsmon.processor.watch;

import io.newsmon.processor.text.Segmenter;
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

  /**
   * Why a demonym or country name of a side is a person's nationality here (the Moroccan forward of
   * FC Astana) rather than the state, or null: it stands next to a word for a player or coach.
   */
  static String nationality(RelationTagger.Doc doc, Watch.Mention m, boolean[] link, int[] cueStarts) {
    if (!m.ref().type().equals("country")) {
      return null;
    }
    for (int i = RelationTagger.first(cueStarts, m.start() - RelationTagger.WINDOW);
        i < cueStarts.length && cueStarts[i] <= m.end() + RelationTagger.WINDOW; i++) {
      NameMatcher.Match<Watch.Cue> c = doc.cues().get(i);
      if (c.payload().kind().equals("athlete")
          && (RelationTagger.before(doc, c, m, link, 1) || RelationTagger.after(doc, c, m, link, 1))) {
        return "'" + doc.text().substring(m.start(), m.end()) + "' is the nationality of a player or coach ("
            + doc.text().substring(c.start(), c.end()) + "), not " + m.ref().country();
      }
    }
    return null;
  }
}
