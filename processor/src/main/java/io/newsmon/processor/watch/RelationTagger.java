package io.newsmon.processor.watch;

import io.newsmon.common.record.Analysis;
import io.newsmon.processor.text.Segmenter;
import io.newsmon.processor.text.Token;
import io.newsmon.processor.text.Tokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides whether an article reports a relation between the two sides of a watch, with a score, the
 * evidence spans and notes on what was refused and why.
 *
 * <p>First, names that do not stand for a side are set aside, from what surrounds them (cue words
 * per language, {@code watches/lexicon.yaml}): a place or country name next to a business or work
 * noun or inside quotation marks (café Casablanca, the film «Marrakech»), next to a treaty noun (the
 * Marrakesh Treaty, the Astana format), next to a club noun (FC Astana), or a place name next to a
 * third country's name (Rabat, Malta).
 *
 * <p>Evidence, strongest first:
 * <ol>
 *   <li>a sentence naming both sides (strength {@value #SENTENCE});</li>
 *   <li>a paragraph naming both sides in different sentences ({@value #PARAGRAPH}); or the title
 *       naming both sides and a sentence naming one;</li>
 *   <li>a sentence naming one side with a bilateral cue ("the two countries", "bilateral",
 *       "counterpart") when the other side is named in the title or an adjacent paragraph
 *       ({@value #CUE}).</li>
 * </ol>
 * A sentence gives no evidence when it is a list (at least {@value #MIN_LIST_ITEMS} short items, or
 * three separators between the two sides); when the writer compares the two (a comparison marker
 * right before or after one side: like, comme, wie, gibi, 像…一样), unless a bilateral cue stands in
 * it; or when the two sides are coordinated ("Morocco and Kazakhstan", "摩洛哥和哈萨克斯坦") in a
 * sentence that also names a third country, without a bilateral cue: each deals with that country.
 * The paragraph and title rules give no evidence when every sentence naming one side also names a
 * third country: the article reports each side's separate dealings.
 *
 * <p>Clause- and article-level predicates ({@link RelationPredicates}, decision 0019): a comparison
 * quoted or reported is somebody's words, not the writer's; a writer's comparison or likeness word
 * anywhere makes the article comparative; a coordinated pair governed by a preposition ("with Morocco
 * and Kazakhstan") is the object of a third party's dealing; a pair that continues into a third country
 * is a roll call; a contrast marker between one side's sentence or clause and the other's tells each
 * side's own story; a player's nationality or a club name makes a sports story; a city next to a word
 * for a street or valley is that place. In an article that compares, tells separate stories or is a
 * sports story, only a sentence naming both with a bilateral cue is evidence (words that name the two
 * together, "the two countries", "joint", are not enough there).
 *
 * <p>From how the article is built (decision 0024): a third country named between the two sides'
 * closest names, joined by separators or conjunctions, makes the sentence a roll call; a title naming
 * one side with a third country makes the article that pair's story (only bilateral evidence counts);
 * a title pairing the two over a body that names them in different sentences gives no evidence unless
 * the article says somewhere that something passes between two parties.
 *
 * <p>Score: the strongest evidence, plus 0.08 per further piece of evidence (up to three), 0.15 when
 * the title names both sides, 0.1 when a bilateral cue stands in the evidence, 0.05 per topic found
 * (up to two); at most 1. Relevant when there is evidence and the score reaches the watch's minimum.
 *
 * <p>Alongside the verdict, {@link #judgeWithFeatures} gives the article's {@link RelationFeatures}
 * (counts the rules keep anyway) for the trained relevance model of decision 0026.
 *
 * <p>Time is linear in the text and its mentions: each mention, cue and third-country name is
 * assigned to its sentence once.
 */
public final class RelationTagger {

  public static final double SENTENCE = 0.6;
  public static final double PARAGRAPH = 0.45;
  public static final double CUE = 0.35;
  public static final int MIN_LIST_ITEMS = 4;
  /** At most this many evidence spans and notes are reported. */
  public static final int MAX_EVIDENCE = 5;
  public static final int MAX_NOTES = 8;
  /** At most this many link words stand between a cue noun and the name it qualifies. */
  static final int MAX_LINKS = 2;

  private RelationTagger() {}

  /** A text with what the matchers found in it. */
  record Doc(String text, List<Token> tokens, List<Watch.Mention> mentions, List<Watch.Mention> thirds,
      List<NameMatcher.Match<Watch.Cue>> cues, Watch.Endings endings) {}

  private record Found(double strength, int start, int end) {}

  /** Sentence-level facts of one text. */
  private static final class Facts {
    final Doc doc;
    final List<Segmenter.Span> paragraphs;
    final List<Segmenter.Span> sentences;
    /** The start of each sentence, for finding the sentence of an offset. */
    final int[] sentenceStarts;
    final boolean[] link;
    final boolean[] demoted;
    final List<List<Watch.Mention>> mentionsBySentence = new ArrayList<>();
    final List<List<NameMatcher.Match<Watch.Cue>>> cuesBySentence = new ArrayList<>();
    final int[] sidesBySentence;
    final boolean[] thirdInSentence;
    final int[] sidesByParagraph;
    final int[] cueStarts;
    final int[] thirdStarts;
    /** A name of a side was a sports team or a player's nationality: the text is a sports story. */
    boolean sports;
    /** The text is a title, judged whole. */
    final boolean title;

    Facts(Doc doc, Set<String> notes, boolean whole, Set<String> demotedIds) {
      this.doc = doc;
      this.title = whole;
      String text = doc.text();
      if (whole) {
        paragraphs = text.isBlank() ? List.of() : List.of(new Segmenter.Span(0, text.length(), 0));
        sentences = paragraphs;
      } else {
        paragraphs = Segmenter.paragraphs(text);
        sentences = Segmenter.sentences(text, paragraphs);
      }
      sentenceStarts = new int[sentences.size()];
      for (int k = 0; k < sentenceStarts.length; k++) {
        sentenceStarts[k] = sentences.get(k).start();
      }
      link = new boolean[doc.tokens().size() + 1];
      for (NameMatcher.Match<Watch.Cue> c : doc.cues()) {
        if (c.payload().kind().equals("link")) {
          for (int t = c.fromToken(); t < c.toToken(); t++) {
            link[t] = true;
          }
        }
      }
      cueStarts = starts(doc.cues());
      thirdStarts = starts(doc.thirds());
      demoted = new boolean[doc.mentions().size()];
      for (int i = 0; i < demoted.length; i++) {
        String why = namesSomethingElse(doc, doc.mentions().get(i), link, cueStarts, thirdStarts);
        if (why != null) {
          demotedIds.add(doc.mentions().get(i).ref().id());
          sports |= why.contains(SPORTS_TEAM);
          if (notes.size() < MAX_NOTES) {
            notes.add(why);
          }
        } else if ((why = RelationPredicates.nationality(doc, doc.mentions().get(i), link, cueStarts)) != null
            || (why = RelationPredicates.negated(doc, doc.mentions().get(i), cueStarts)) != null) {
          // this mention only: the same demonym elsewhere may stand for the state
          demoted[i] = true;
          sports |= why.contains(RelationPredicates.NATIONALITY);
          if (notes.size() < MAX_NOTES) {
            notes.add(why);
          }
        }
      }
      namedAfter(demotedIds, notes);
      sidesBySentence = new int[sentences.size()];
      thirdInSentence = new boolean[sentences.size()];
      sidesByParagraph = new int[paragraphs.size()];
    }

    /**
     * A name that something was named after or inspired by ("named after the Kazakh capital", "vernoemd
     * naar", "にちなんで": cue kinds {@code nameSource}, written before the name, and {@code
     * nameSourceFirst}, written after it): the closest name on the cue's side in its sentence (or, when
     * none stands there, on the other side) is where a product, business or work took its name from, not
     * a party; and the places of that side are taken for that name everywhere in the article (the scooter
     * "Astana" sold in Casablanca), one sense per text. The side's country, people and institutions
     * elsewhere still stand for it (decision 0041).
     */
    private void namedAfter(Set<String> demotedIds, Set<String> notes) {
      for (NameMatcher.Match<Watch.Cue> c : doc.cues()) {
        String kind = c.payload().kind();
        if (!kind.equals("nameSource") && !kind.equals("nameSourceFirst")) {
          continue;
        }
        boolean after = kind.equals("nameSource");
        int best = closestName(c, after);
        if (best < 0) {
          best = closestName(c, !after);
        }
        if (best < 0) {
          continue;
        }
        Watch.Mention source = doc.mentions().get(best);
        demoted[best] = true;
        if (notes.size() < MAX_NOTES) {
          notes.add("'" + doc.text().substring(source.start(), source.end()) + "' is what a name was taken from ("
              + doc.text().substring(c.start(), c.end()) + "), not " + source.ref().country() + " acting");
        }
        for (Watch.Mention m : doc.mentions()) {
          if (m.side() == source.side() && isPlace(m)) {
            demotedIds.add(m.ref().id());
          }
        }
      }
    }

    /**
     * The index of the name closest to a cue in the cue's sentence, after it or before it, within
     * {@link #WINDOW} characters; -1 when there is none.
     */
    private int closestName(NameMatcher.Match<Watch.Cue> c, boolean after) {
      int sentence = sentenceOf(sentenceStarts, c.start(), c.end());
      int best = -1;
      int bestGap = WINDOW + 1;
      for (int i = 0; i < doc.mentions().size(); i++) {
        Watch.Mention m = doc.mentions().get(i);
        int gap = after ? m.start() - c.end() : c.start() - m.end();
        if (gap >= 0 && gap < bestGap && sentence >= 0 && sentenceOf(sentenceStarts, m.start(), m.end()) == sentence) {
          best = i;
          bestGap = gap;
        }
      }
      return best;
    }

    /**
     * Assigns the names to their sentences, leaving out those that stand for something else here or,
     * one sense per text, anywhere in the article ({@code demotedIds}).
     */
    void assign(Set<String> demotedIds) {
      for (int i = 0; i < demoted.length; i++) {
        demoted[i] |= demotedIds.contains(doc.mentions().get(i).ref().id());
      }
      int[] starts = sentenceStarts;
      for (int s = 0; s < starts.length; s++) {
        mentionsBySentence.add(new ArrayList<>(2));
        cuesBySentence.add(new ArrayList<>(1));
      }
      for (int i = 0; i < doc.mentions().size(); i++) {
        Watch.Mention m = doc.mentions().get(i);
        int s = sentenceOf(starts, m.start(), m.end());
        if (s >= 0 && !demoted[i]) {
          mentionsBySentence.get(s).add(m);
          sidesBySentence[s] |= 1 << m.side();
          sidesByParagraph[sentences.get(s).paragraph()] |= 1 << m.side();
        }
      }
      for (Watch.Mention m : doc.thirds()) {
        int s = sentenceOf(starts, m.start(), m.end());
        if (s >= 0) {
          thirdInSentence[s] = true;
        }
      }
      for (NameMatcher.Match<Watch.Cue> c : doc.cues()) {
        int s = sentenceOf(starts, c.start(), c.end());
        if (s >= 0) {
          cuesBySentence.get(s).add(c);
        }
      }
    }

    private int sentenceOf(int[] starts, int start, int end) {
      int i = Arrays.binarySearch(starts, start);
      int s = i >= 0 ? i : -i - 2;
      return s >= 0 && end <= sentences.get(s).end() ? s : -1;
    }

    boolean hasCue(int sentence, String kind) {
      for (NameMatcher.Match<Watch.Cue> c : cuesBySentence.get(sentence)) {
        if (c.payload().kind().equals(kind)) {
          return true;
        }
      }
      return false;
    }

    /** A bilateral cue, or a word naming the two together (the two countries, joint). */
    boolean hasRelationCue(int sentence) {
      return hasCue(sentence, "bilateral") || hasCue(sentence, "together");
    }

    /**
     * True when sentence {@code s} says that the two deal with each other: a bilateral cue, or the two
     * named as the parties of one dealing (between Morocco and Kazakhstan, Morocco–Kazakhstan).
     */
    boolean bilateralAt(int s) {
      if (hasCue(s, "bilateral")) {
        return true;
      }
      Watch.Mention[] pair = coordinated(mentionsBySentence.get(s));
      if (pair == null) {
        return transferBetween(s);
      }
      return RelationPredicates.betweenPair(doc, pair[0], pair[1], cueStarts);
    }

    /**
     * True when sentence {@code s} names both sides, not coordinated, with a word of goods passing from one
     * party to another (exported, shipped, supplied, bought: cue kind {@code transfer}) and no third
     * country, and does not set the two against each other, compare them, deny a dealing or say they act
     * each on its own ("Kazakhstan shipped its first cargo of malt to Morocco", decision 0041).
     */
    boolean transferBetween(int s) {
      if (sidesBySentence[s] != 3 || thirdInSentence[s] || hasCue(s, "contrast") || hasCue(s, "separate")
          || hasCue(s, "both") || hasCue(s, "similar") || hasCue(s, "negation") || hasCue(s, "compareBefore")
          || hasCue(s, "compareAfter")
          || RelationPredicates.contrastedClauses(mentionsBySentence.get(s), cuesBySentence.get(s))) {
        return false;
      }
      int transfers = 0;
      for (NameMatcher.Match<Watch.Cue> c : cuesBySentence.get(s)) {
        transfers += c.payload().kind().equals("transfer") ? 1 : 0;
      }
      Watch.Mention[] nearest = RelationPredicates.nearestPair(mentionsBySentence.get(s));
      if (transfers == 0 || (transfers > 1 && nearest != null
          && RelationPredicates.clauseBetween(doc, nearest[0], nearest[1], cuesBySentence.get(s)))) {
        return false; // none, or a clause for each side ("A ordered turbines, and B bought pumps")
      }
      // the two in parallel places of two clauses, after the same word ("in Casablanca two machines, in
      // Almaty one"; "das marokkanische …, das kasachische …"): each side's own order, not one to the other
      Watch.Mention[] firsts = new Watch.Mention[2];
      for (Watch.Mention m : mentionsBySentence.get(s)) {
        if (firsts[m.side()] == null) {
          firsts[m.side()] = m;
        }
      }
      int from = sentences.get(s).start();
      String before0 = wordBefore(firsts[0], from);
      return before0 == null || !before0.equals(wordBefore(firsts[1], from));
    }

    /** The folded word right before a name, within the sentence starting at {@code from}; null if none. */
    private String wordBefore(Watch.Mention m, int from) {
      if (m.fromToken() == 0) {
        return null;
      }
      Token t = doc.tokens().get(m.fromToken() - 1);
      return t.start() < from || !Character.isLetter(doc.text().codePointAt(t.start())) ? null : t.form();
    }

    /** Why sentence {@code s}, naming both sides, is no relation; null when it may be one. */
    String refusal(int s) {
      Segmenter.Span span = sentences.get(s);
      String text = doc.text();
      if (isList(text, span.start(), span.end()) || separatedByList(text, mentionsBySentence.get(s))) {
        return "list";
      }
      List<NameMatcher.Match<Watch.Cue>> sentenceCues = cuesBySentence.get(s);
      // strong evidence that the two deal with each other: no refusal below overrides it
      boolean bilateral = bilateralAt(s);
      Watch.Mention[] pair = coordinated(mentionsBySentence.get(s));
      if (pair != null && enumeratedWithThird(pair)) {
        return "list"; // Morocco, Kazakhstan, Egypt and Uzbekistan: a roll call
      }
      Watch.Mention[] nearest = RelationPredicates.nearestPair(mentionsBySentence.get(s));
      if (!bilateral && nearest != null
          && RelationPredicates.thirdBetween(doc, nearest[0], nearest[1], thirdStarts)) {
        // the prime minister of Morocco, the president of Senegal and the prime minister of Kazakhstan
        return "a roll call: a third country is named between the two in \"" + clip(text, span) + "\"";
      }
      // a relation cue or an actor of each side (a university, a company, a minister) in the sentence
      boolean strong = bilateral || RelationPredicates.actorsOfBoth(mentionsBySentence.get(s));
      boolean between = pair != null && RelationPredicates.betweenPair(doc, pair[0], pair[1], cueStarts);
      if (pair != null && !between && !hasCue(s, "together") && RelationPredicates.eachAtPair(doc, pair[0], pair[1], cueStarts)) {
        return "each side on its own: the two are coordinated with 'each'/'separately' in \""
            + clip(text, span) + "\"";
      }
      if (pair != null && !between && RelationPredicates.governedPair(doc, pair[0], pair[1], link, cueStarts)) {
        return "each side with a third party: the two are the objects of one preposition in \""
            + clip(text, span) + "\"";
      }
      // the two as places where somebody acts ("Eni signs in Kazakhstan and in Morocco"); in a body
      // only when each is marked on its own: one preposition over the pair ("students will study in
      // Astana and Rabat") names as often the two places of one joint undertaking
      if (pair != null && !strong && !hasCue(s, "together")
          && RelationPredicates.locativePair(doc, pair[0], pair[1], link, cueStarts, !title)) {
        return "each side with a third party: the two are places where somebody else acts in \""
            + clip(text, span) + "\"";
      }
      // the writer's comparison: a marker before or after the first side named ("Like Morocco,
      // Kazakhstan…", "Fas gibi Kazakistan…"); a comparison in a quotation or with a reporting verb is
      // somebody's words, judged by what else the text reports
      Watch.Mention first = mentionsBySentence.get(s).get(0);
      NameMatcher.Match<Watch.Cue> c = comparisonAt(first);
      if (c != null) {
        int paragraphStart = paragraphs.get(span.paragraph()).start();
        if (RelationPredicates.attributed(doc, span, paragraphStart, c.start(), sentenceCues)) {
          // a quoted comparison in a sentence that names both sides again outside the quotation (the
          // minister of one side speaking at an event held with the other): the rest of the sentence
          // is judged as if the quotation were not there
          if (!RelationPredicates.insideQuote(text, paragraphStart, c.start())
              || RelationPredicates.sidesOutsideQuotes(doc, mentionsBySentence.get(s), paragraphStart) != 3) {
            return ATTRIBUTED;
          }
          c = null;
        }
      }
      if (c != null) {
        if (!bilateral) {
          return "comparison: '" + text.substring(c.start(), c.end()) + "' next to '"
              + text.substring(first.start(), first.end()) + "' in \"" + clip(text, span) + "\"";
        }
      }
      if (!bilateral && !hasCue(s, "together") && !strong
          && RelationPredicates.parallelFigures(doc, mentionsBySentence.get(s), sentenceCues)) {
        return "comparison: each side's own figure set beside the other's in \"" + clip(text, span) + "\"";
      }
      if (!bilateral) {
        if (pair == null && RelationPredicates.contrastedClauses(mentionsBySentence.get(s), sentenceCues)) {
          return CONTRASTED_CLAUSES + " in \"" + clip(text, span) + "\"";
        }
        if (pair != null && thirdInSentence[s] && !hasCue(s, "together")) {
          // (a pair doing something together, a joint event, is a relation wherever it takes place)
          return "each side with a third country: the two are coordinated next to a third country in \""
              + clip(text, span) + "\"";
        }
        if (hasCue(s, "separate")) {
          // "two separate calls, with the foreign ministers of Morocco and of Kazakhstan"
          return "each side on its own: the sentence says the two are separate in \"" + clip(text, span) + "\"";
        }
      }
      return null;
    }

    /** True when sentence {@code s} names both sides only as a coordinated pair (Morocco and Kazakhstan). */
    boolean coordinatedPair(int s) {
      return coordinated(mentionsBySentence.get(s)) != null;
    }

    NameMatcher.Match<Watch.Cue> comparisonAt(Watch.Mention m) {
      for (int i = first(cueStarts, m.start() - WINDOW); i < cueStarts.length && cueStarts[i] <= m.end() + WINDOW; i++) {
        NameMatcher.Match<Watch.Cue> c = doc.cues().get(i);
        String kind = c.payload().kind();
        if (kind.equals("compareBefore") && before(doc, c, m, link, 1)) {
          return c;
        }
        if (kind.equals("compareAfter") && after(doc, c, m, link, 1)) {
          return c;
        }
      }
      return RelationPredicates.comparisonEnding(doc, m);
    }

    /**
     * The nearest mentions of the two sides when they stand together, joined only by conjunctions,
     * commas, articles or a repeated preposition (Morocco and Kazakhstan, le Maroc et le Kazakhstan,
     * mit Marokko und mit Kasachstan); else null.
     */
    private Watch.Mention[] coordinated(List<Watch.Mention> ms) {
      Watch.Mention[] last = new Watch.Mention[2];
      for (Watch.Mention m : ms) {
        Watch.Mention other = last[1 - m.side()];
        if (other != null) {
          int gapTokens = m.fromToken() - other.toToken();
          int gapChars = m.start() - other.end();
          boolean sameToken = m.fromToken() == other.fromToken() || m.fromToken() < other.toToken();
          if (sameToken ? gapChars <= 2 : gapTokens <= 3 && joinsOnly(other, m)) {
            return new Watch.Mention[] {other, m};
          }
        }
        last[m.side()] = m;
      }
      return null;
    }

    /** True when a third country's name continues the chain of the coordinated pair (X, Y, Egypt and Z). */
    private boolean enumeratedWithThird(Watch.Mention[] pair) {
      for (int i = first(thirdStarts, pair[0].start() - WINDOW); i < thirdStarts.length && thirdStarts[i] <= pair[1].end() + WINDOW; i++) {
        Watch.Mention t = doc.thirds().get(i);
        int gapAfter = t.fromToken() - pair[1].toToken();
        int gapBefore = pair[0].fromToken() - t.toToken();
        if ((gapAfter >= 0 && gapAfter <= 1 && separatorOrConjunction(pair[1].end(), t.start(), pair[1].toToken(), t.fromToken()))
            || (gapBefore >= 0 && gapBefore <= 1 && separatorOrConjunction(t.end(), pair[0].start(), t.toToken(), pair[0].fromToken()))) {
          return true;
        }
      }
      return false;
    }

    private boolean separatorOrConjunction(int fromChar, int toChar, int fromToken, int toToken) {
      boolean joined = false;
      for (int i = fromChar; i < toChar; i++) {
        joined |= isSeparator(doc.text().charAt(i));
      }
      for (int t = fromToken; t < toToken; t++) {
        if (!CONJUNCTIONS.contains(doc.tokens().get(t).form())) {
          return false;
        }
        joined = true;
      }
      return joined;
    }

    /**
     * True when only conjunctions, link words, or a repeat of the word before {@code a} (a preposition:
     * mit Marokko und mit Kasachstan) stand between {@code a} and {@code b}.
     */
    private boolean joinsOnly(Watch.Mention a, Watch.Mention b) {
      String repeated = a.fromToken() > 0 ? doc.tokens().get(a.fromToken() - 1).form() : null;
      int extra = 0;
      for (int t = a.toToken(); t < b.fromToken(); t++) {
        String f = doc.tokens().get(t).form();
        if (CONJUNCTIONS.contains(f)) {
          continue;
        }
        if (link[t] || f.equals(repeated)) {
          extra++;
          continue;
        }
        return false;
      }
      if (b.fromToken() == a.toToken() && !doc.tokens().get(b.fromToken()).is(Token.NO_SPACE)) {
        // two names side by side with only a space between are not a pair ("Қозоғистон Касабланкада
        // … очади": Kazakhstan opens something in Casablanca), unless a mark joins them (Morocco-Kazakhstan)
        // or the second carries the conjunction as a clitic (Arabic والمغرب, Hebrew ומרוקו)
        char next = doc.text().charAt(b.start());
        if (next == '\u0648' || next == '\u05D5') {
          return true;
        }
        for (int i = a.end(); i < b.start(); i++) {
          char c = doc.text().charAt(i);
          if (!Character.isWhitespace(c)) {
            return true;
          }
        }
        return false;
      }
      return extra <= 2 && b.fromToken() - a.toToken() <= (extra == 0 ? 1 : 3);
    }

    /**
     * Why the text compares the two sides in the writer's voice, or null: a comparison marker next to
     * a side in a sentence (not quoted, no reporting verb), or a word of likeness in a sentence that
     * names the two as a pair (Morocco and Kazakhstan, similar paths).
     */
    String writerCompares() {
      for (int s = 0; s < sentences.size(); s++) {
        if (sidesBySentence[s] == 0) {
          continue;
        }
        Segmenter.Span span = sentences.get(s);
        for (Watch.Mention m : mentionsBySentence.get(s)) {
          NameMatcher.Match<Watch.Cue> c = comparisonAt(m);
          if (c != null && !RelationPredicates.attributed(doc, span, paragraphs.get(span.paragraph()).start(),
              c.start(), cuesBySentence.get(s))) {
            return "the writer compares: '" + doc.text().substring(c.start(), c.end()) + "' next to '"
                + doc.text().substring(m.start(), m.end()) + "'";
          }
        }
        boolean pairNamed = sidesBySentence[s] == 3 && coordinated(mentionsBySentence.get(s)) != null;
        for (NameMatcher.Match<Watch.Cue> c : pairNamed ? cuesBySentence.get(s) : List.<NameMatcher.Match<Watch.Cue>>of()) {
          if (c.payload().kind().equals("similar") && !RelationPredicates.attributed(doc, span,
              paragraphs.get(span.paragraph()).start(), c.start(), cuesBySentence.get(s))) {
            return "the writer compares: '" + doc.text().substring(c.start(), c.end()) + "' in \"" + clip(doc.text(), span) + "\"";
          }
        }
      }
      return null;
    }

    /**
     * Why the text tells each side's own story, or null: a sentence naming one side opens with a
     * contrast (meanwhile, for its part, wiederum, ise, 一方) after one naming only the other side.
     */
    String contrasted() {
      int previous = 0;
      for (int s = 0; s < sentences.size(); s++) {
        int sides = sidesBySentence[s];
        if (sides == 0) {
          continue;
        }
        if ((sides == 1 || sides == 2) && previous == (3 - sides) && hasCue(s, "contrast") && !hasCue(s, "bilateral")) {
          return "each side on its own: \"" + clip(doc.text(), sentences.get(s)) + "\" sets one side against the other";
        }
        previous = sides;
      }
      return null;
    }
  }

  static final String SPORTS_TEAM = "names a sports team";
  static final String CONTRASTED_CLAUSES = "each side on its own: two clauses set against each other";
  /** Refusal marker of a comparison that somebody is quoted making: neither evidence nor a trap. */
  static final String ATTRIBUTED = "attributed";

  /** Characters around a name within which its qualifying words are looked for. */
  static final int WINDOW = 60;

  private static int[] starts(List<?> spans) {
    int[] out = new int[spans.size()];
    for (int i = 0; i < out.length; i++) {
      Object o = spans.get(i);
      out[i] = o instanceof Watch.Mention m ? m.start() : ((NameMatcher.Match<?>) o).start();
    }
    return out;
  }

  /** Index of the first start at or after {@code from} (starts are in text order). */
  static int first(int[] starts, int from) {
    int lo = 0;
    int hi = starts.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (starts[mid] < from) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static String clip(String text, Segmenter.Span s) {
    String t = text.substring(s.start(), s.end());
    return t.length() <= 160 ? t : t.substring(0, 157) + "...";
  }

  /**
   * Why a name does not stand for its side here (a café, a treaty, a team, a place elsewhere), or
   * null. Persons and organisations always stand for their side.
   */
  static String namesSomethingElse(Doc doc, Watch.Mention m, boolean[] link, int[] cueStarts, int[] thirdStarts) {
    String type = m.ref().type();
    boolean place = type.equals("place") || type.equals("city");
    if (!place && !type.equals("country")) {
      return null;
    }
    String surface = doc.text().substring(m.start(), m.end());
    int[] quote = quotedSpan(doc.text(), m);
    if (quote != null) {
      for (int i = first(cueStarts, quote[0]); i < cueStarts.length && cueStarts[i] < quote[1]; i++) {
        NameMatcher.Match<Watch.Cue> c = doc.cues().get(i);
        String kind = c.payload().kind();
        if (c.end() <= quote[1] && (kind.equals("treaty") || kind.equals("work") || kind.equals("club"))) {
          return "'" + surface + "' is part of a quoted name (" + doc.text().substring(quote[0], quote[1])
              + "), not " + m.ref().country();
        }
      }
    }
    // a place written in a case (Uzbek Astanadagi "in Astana", Marrakeshga "to Marrakesh", Turkish
    // Astana'daki, Hungarian Rabatban) says where or whither something happens: it does not name the
    // treaty, business, team or street next to it
    Watch.Endings e = doc.endings();
    boolean inCase = place && !e.cases().isEmpty() && e.of(e.cases(), doc.tokens().get(m.toToken() - 1).form()) != null;
    for (int i = first(cueStarts, m.start() - WINDOW); i < cueStarts.length && cueStarts[i] <= m.end() + WINDOW && !inCase;
        i++) {
      NameMatcher.Match<Watch.Cue> c = doc.cues().get(i);
      String kind = c.payload().kind();
      boolean adjacent = before(doc, c, m, link, MAX_LINKS) || after(doc, c, m, link, MAX_LINKS);
      if (!adjacent) {
        continue;
      }
      String cue = doc.text().substring(c.start(), c.end());
      if (place && kind.equals("work")) {
        return "'" + surface + "' names a business or work (" + cue + "), not " + m.ref().country();
      }
      if (place && kind.equals("treaty")) {
        return "'" + surface + "' names a treaty, format or process (" + cue + "), not " + m.ref().country();
      }
      if (place && kind.equals("club")) {
        return "'" + surface + "' " + SPORTS_TEAM + " (" + cue + "), not " + m.ref().country();
      }
      if (place && kind.equals("placeNoun")) {
        return "'" + surface + "' names another place (" + cue + "), not " + m.ref().country();
      }
    }
    if (place && m.fromToken() > 0) {
      Token before = doc.tokens().get(m.fromToken() - 1);
      if (before.end() >= m.start() - 2 && !before.is(Token.NO_SPACE) && doc.endings().thirdAdjective(before.form())) {
        return "'" + surface + "' is a place in a third country (" + doc.text().substring(before.start(), before.end())
            + "), not " + m.ref().country();
      }
    }
    if (place) {
      for (int i = first(thirdStarts, m.start() - WINDOW); i < thirdStarts.length && thirdStarts[i] <= m.end() + WINDOW; i++) {
        Watch.Mention t = doc.thirds().get(i);
        int after = t.fromToken() - m.toToken();
        int before = m.fromToken() - t.toToken();
        if ((after >= 0 && after <= 1 && shortGap(doc, m.toToken(), t.fromToken()))
            || (before >= 0 && before <= 1 && shortGap(doc, t.toToken(), m.fromToken()))) {
          return "'" + surface + "' is a place in a third country (" + doc.text().substring(t.start(), t.end())
              + ", " + t.ref().country() + "), not " + m.ref().country();
        }
      }
      if (quoted(doc.text(), m)) {
        return "'" + surface + "' is quoted as the name of a work or business, not " + m.ref().country();
      }
    }
    return null;
  }

  /**
   * Places of a side that the article never names otherwise (no country, person or institution of
   * that side) while it names a third country: a same-named place elsewhere (Rabat on Malta, the
   * Casablanca valley in Chile), one sense per article. Not when both sides are named only through
   * their places: that is how a relation of two cities' institutions is told.
   */
  static void placesWithoutTheirCountry(Doc body, Doc title, Set<String> demotedIds, Set<String> notes) {
    if (body.thirds().isEmpty() && title.thirds().isEmpty()) {
      return;
    }
    boolean[] named = new boolean[2];
    boolean[] placed = new boolean[2];
    for (Doc d : List.of(body, title)) {
      for (Watch.Mention m : d.mentions()) {
        if (demotedIds.contains(m.ref().id())) {
          continue;
        }
        if (isPlace(m)) {
          placed[m.side()] = true;
        } else {
          named[m.side()] = true;
        }
      }
    }
    if (placed[0] && !named[0] && placed[1] && !named[1]) {
      // both sides named only through their places (courts in Rabat and Astana, universities in Fes and
      // Almaty): the relation of two cities' institutions, not two namesakes abroad at once
      return;
    }
    for (int side = 0; side < 2; side++) {
      if (placed[side] && !named[side]) {
        for (Doc d : List.of(body, title)) {
          for (Watch.Mention m : d.mentions()) {
            if (m.side() == side && isPlace(m) && demotedIds.add(m.ref().id()) && notes.size() < MAX_NOTES) {
              notes.add("'" + d.text().substring(m.start(), m.end()) + "' is taken for a same-named place: the article names a third country and "
                  + m.ref().country() + " only through this place");
            }
          }
        }
      }
    }
  }

  static boolean isPlace(Watch.Mention m) {
    return m.ref().type().equals("place") || m.ref().type().equals("city");
  }

  /** A gap of at most one short word (in, à, w, в, 's) that is no conjunction. */
  private static boolean shortGap(Doc doc, int from, int to) {
    for (int t = from; t < to; t++) {
      String f = doc.tokens().get(t).form();
      if (f.length() > 3 || CONJUNCTIONS.contains(f)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The quoted span around a name, {start, end} inside the marks, when an opening mark stands at
   * most {@value #QUOTE_REACH} characters before it and the closing one as far after, with no
   * sentence end between; else null.
   */
  static int[] quotedSpan(String text, Watch.Mention m) {
    int open = -1;
    for (int i = m.start() - 1; i >= Math.max(0, m.start() - QUOTE_REACH); i--) {
      char c = text.charAt(i);
      if (closing(c) != 0) {
        open = i;
        break;
      }
      if (c == '.' || c == '\n' || c == '»' || c == '”') {
        return null;
      }
    }
    if (open < 0) {
      return null;
    }
    char close = closing(text.charAt(open));
    for (int j = m.end(); j < Math.min(text.length(), m.end() + QUOTE_REACH); j++) {
      char c = text.charAt(j);
      if (c == close || (text.charAt(open) == '„' && c == '”')) {
        return new int[] {open + 1, j};
      }
      if (c == '.' || c == '\n') {
        return null;
      }
    }
    return null;
  }

  static final int QUOTE_REACH = 30;

  private static char closing(char open) {
    return switch (open) {
      case '«' -> '»';
      case '"' -> '"';
      case '“' -> '”';
      case '„' -> '“';
      case '「' -> '」';
      case '『' -> '』';
      case '‘' -> '’';
      case '’' -> '‘';
      case '‹' -> '›';
      default -> 0;
    };
  }

  /** True when an opening quotation mark stands right before the name and its closing mark soon after. */
  private static boolean quoted(String text, Watch.Mention m) {
    int i = m.start() - 1;
    if (i < 0) {
      return false;
    }
    char open = text.charAt(i);
    char close = open == '”' ? '”' : closing(open); // Swedish and Finnish open with ”
    if (close == 0) {
      return false;
    }
    int limit = Math.min(text.length(), m.end() + 25);
    for (int j = m.end(); j < limit; j++) {
      char c = text.charAt(j);
      if (c == close || (open == '„' && c == '”')) {
        return true;
      }
      if (c == '.' || c == '\n' || c == ',') {
        return false;
      }
    }
    return false;
  }

  /** True when cue {@code c} ends right before mention {@code m}, with at most {@code links} link words between. */
  static boolean before(Doc doc, NameMatcher.Match<Watch.Cue> c, Watch.Mention m, boolean[] link, int links) {
    if (c.end() > m.start()) {
      return false;
    }
    if (c.fromToken() == m.fromToken()) {
      return m.start() - c.end() <= 2; // inside one no-space token
    }
    int gap = m.fromToken() - c.toToken();
    if (gap < 0 || gap > links) {
      return false;
    }
    for (int t = c.toToken(); t < m.fromToken(); t++) {
      if (!link[t]) {
        return false;
      }
    }
    return true;
  }

  /** True when cue {@code c} starts right after mention {@code m}, with at most {@code links} link words between. */
  static boolean after(Doc doc, NameMatcher.Match<Watch.Cue> c, Watch.Mention m, boolean[] link, int links) {
    if (c.start() < m.end()) {
      return false;
    }
    if (c.fromToken() == m.toToken() - 1 && c.fromToken() == m.fromToken()) {
      return c.start() - m.end() <= 2;
    }
    int gap = c.fromToken() - m.toToken();
    if (gap < 0 || gap > links) {
      return false;
    }
    for (int t = m.toToken(); t < c.fromToken(); t++) {
      if (!link[t]) {
        return false;
      }
    }
    return true;
  }

  /** A verdict with the facts it was reached from. */
  /**
   * A verdict with the facts it was reached from, and the spans a model that judges articles without
   * evidence would show ({@link #naming}).
   */
  record Judgement(Analysis.WatchMatch match, RelationFeatures features, List<Analysis.Evidence> naming) {}

  static Analysis.WatchMatch judge(String watchId, double minScore, Doc body, Doc title, int topicCount) {
    return judgeWithFeatures(watchId, minScore, body, title, topicCount).match();
  }

  /** The verdict of the rules and the features of the article for the relevance model. */
  static Judgement judgeWithFeatures(String watchId, double minScore, Doc body, Doc title, int topicCount) {
    Set<String> notes = new LinkedHashSet<>();
    Set<String> demotedIds = new java.util.HashSet<>();
    Facts b = new Facts(body, notes, false, demotedIds);
    Facts t = new Facts(title, notes, true, demotedIds);
    placesWithoutTheirCountry(body, title, demotedIds, notes);
    b.assign(demotedIds);
    t.assign(demotedIds);
    boolean titleBoth = !t.sentences.isEmpty() && t.sidesBySentence[0] == 3;
    boolean titleBothNamed = titleBoth;
    // the article reports each side's own dealings (coordinated with 'each', or with a third country),
    // or the writer compares the two: then only a sentence with a bilateral cue is evidence
    boolean separate = false;
    boolean comparative = false;
    if (titleBoth) {
      String why = t.refusal(0);
      if (why != null) {
        titleBoth = false;
        separate = why.startsWith("each side");
        comparative = why.startsWith("comparison");
        if (!why.equals("list")) {
          notes.add("title: " + why);
        }
      } else if (t.thirdInSentence[0] && !t.bilateralAt(0)) {
        titleBoth = false;
        separate = true;
        notes.add("title: both sides next to a third country, without a bilateral cue");
      }
    }
    Set<Integer> titleSides = new LinkedHashSet<>();
    if (!t.sentences.isEmpty()) {
      for (int side = 0; side < 2; side++) {
        if ((t.sidesBySentence[0] & (1 << side)) != 0) {
          titleSides.add(side);
        }
      }
    }
    if (body.mentions().isEmpty()) {
      return new Judgement(new Analysis.WatchMatch(watchId, false, 0.0, List.of(), List.copyOf(notes)),
          RelationFeatures.NONE, List.of());
    }
    String text = body.text();
    List<Segmenter.Span> sentences = b.sentences;
    List<Segmenter.Span> paragraphs = b.paragraphs;
    List<Found> found = new ArrayList<>();
    boolean[] paragraphJudged = new boolean[paragraphs.size()];
    boolean cueInEvidence = false;

    // each side's sentences all name a third country: separate dealings, no paragraph/title evidence
    int oneSideSentences = 0;
    int oneSideWithThird = 0;
    int sidesWithThird = 0;
    for (int s = 0; s < sentences.size(); s++) {
      int sides = b.sidesBySentence[s];
      if (sides == 1 || sides == 2) {
        oneSideSentences++;
        if (b.thirdInSentence[s]) {
          oneSideWithThird++;
          sidesWithThird |= sides;
        }
      }
    }
    boolean separateDealings = oneSideSentences > 0 && oneSideWithThird == oneSideSentences && sidesWithThird == 3;
    boolean parallelFrames = RelationPredicates.parallelFrames(body, b.mentionsBySentence, b.sidesBySentence, sentences);

    // each pair sentence's refusal, computed once: it decides the guards here and the evidence below
    String[] refusals = new String[sentences.size()];
    for (int s = 0; s < sentences.size(); s++) {
      if (b.sidesBySentence[s] == 3) {
        String why = b.refusal(s);
        refusals[s] = why;
        // two clauses set against each other refuse their own sentence only: they may be the two
        // parties' shares of one agreement ("under the deal Astana subsidises, whereas OCP trains")
        separate |= why != null && why.startsWith("each side") && !why.startsWith(CONTRASTED_CLAUSES);
        comparative |= why != null && why.startsWith("comparison");
      }
    }
    String compares = b.writerCompares();
    if (compares == null && titleBothNamed && t.sidesBySentence[0] != 0) {
      compares = t.writerCompares();
    }
    if (compares != null) {
      comparative = true;
      notes.add(compares);
    }
    String contrast = b.contrasted();
    if (contrast != null) {
      separate = true;
      notes.add(contrast);
    }
    boolean sports = b.sports || t.sports;
    // the title names one side with a third country and not the other side: the article reports that
    // pair's dealings, and the other side comes in by the way (a rival, a transit, a neighbour)
    boolean otherPair = !t.sentences.isEmpty()
        && (t.sidesBySentence[0] == 1 || t.sidesBySentence[0] == 2) && t.thirdInSentence[0];
    if (otherPair) {
      notes.add("the title names one side with a third country: the article is about that pair");
      separate = true;
    }
    boolean guarded = comparative || separate || sports;
    // names in different sentences are a relation only when the article says that something passes
    // between two parties somewhere (a bilateral cue, words naming the two together, "between")
    boolean saysRelation = !t.sentences.isEmpty() && (t.hasRelationCue(0) || t.bilateralAt(0));
    for (int s = 0; s < sentences.size() && !saysRelation; s++) {
      saysRelation = b.sidesBySentence[s] != 0 && (b.hasRelationCue(s) || b.bilateralAt(s));
    }
    // facts of the sentences naming both, for the relevance model
    int pairSentences = 0;
    int pairRefused = 0;
    boolean pairBilateral = false;
    boolean pairRelationCue = false;
    boolean pairThird = false;
    boolean pairActors = false;
    int closestGap = Integer.MAX_VALUE;
    int numbersNear = 0;
    int pairMentions = 0;
    boolean pairCoordinated = false;
    boolean pairClauses = false;
    boolean pairFigures = false;
    boolean pairThan = false;
    int firstNaming = -1;
    // 1. both sides in one sentence
    for (int s = 0; s < sentences.size(); s++) {
      if (b.sidesBySentence[s] != 3) {
        continue;
      }
      pairSentences++;
      pairBilateral |= b.bilateralAt(s);
      pairRelationCue |= b.hasRelationCue(s);
      pairThird |= b.thirdInSentence[s];
      pairActors |= RelationPredicates.actorsOfBoth(b.mentionsBySentence.get(s));
      pairCoordinated |= b.coordinatedPair(s);
      pairFigures |= RelationPredicates.parallelFigures(body, b.mentionsBySentence.get(s), b.cuesBySentence.get(s));
      pairThan |= b.hasCue(s, "than");
      Watch.Mention[] nearest = RelationPredicates.nearestPair(b.mentionsBySentence.get(s));
      if (nearest != null) {
        closestGap = Math.min(closestGap, Math.max(0, nearest[1].fromToken() - nearest[0].toToken()));
        pairClauses |= RelationPredicates.clauseBetween(body, nearest[0], nearest[1], b.cuesBySentence.get(s));
      }
      for (Watch.Mention m : b.mentionsBySentence.get(s)) {
        pairMentions++;
        numbersNear += numberNear(body.tokens(), m) ? 1 : 0;
      }
      Segmenter.Span span = sentences.get(s);
      // judged here, relation or not: the paragraph rule is for sides in different sentences
      paragraphJudged[span.paragraph()] = true;
      String why = refusals[s];
      if (why == null && guarded && !b.bilateralAt(s)
          && !RelationPredicates.actorsOfBoth(b.mentionsBySentence.get(s))) {
        why = (comparative ? "the text compares the two" : sports && !separate ? "a sports story"
            : "the text reports each side's own dealings") + "; no bilateral cue in \"" + clip(text, span) + "\"";
      }
      if (ATTRIBUTED.equals(why)) {
        why = "a comparison somebody is quoted making, not evidence by itself: \"" + clip(text, span) + "\"";
      }
      if (why == null) {
        found.add(new Found(SENTENCE, span.start(), span.end()));
        cueInEvidence |= b.hasRelationCue(s);
      } else {
        pairRefused++;
        if (!why.equals("list") && notes.size() < MAX_NOTES) {
          notes.add(why);
        }
      }
    }
    // 2. both sides in one paragraph, in different sentences
    int[] paragraphFrom = new int[paragraphs.size()];
    int[] paragraphTo = new int[paragraphs.size()];
    boolean[] paragraphListy = new boolean[paragraphs.size()];
    boolean[] paragraphCue = new boolean[paragraphs.size()];
    Arrays.fill(paragraphFrom, Integer.MAX_VALUE);
    Arrays.fill(paragraphTo, -1);
    for (int s = 0; s < sentences.size(); s++) {
      Segmenter.Span span = sentences.get(s);
      int p = span.paragraph();
      if (b.sidesBySentence[s] != 0 && b.sidesByParagraph[p] == 3 && !paragraphJudged[p]) {
        paragraphListy[p] |= isList(text, span.start(), span.end());
        paragraphFrom[p] = Math.min(paragraphFrom[p], span.start());
        paragraphTo[p] = Math.max(paragraphTo[p], span.end());
        paragraphCue[p] |= b.hasCue(s, "bilateral");
      }
    }
    for (int p = 0; p < paragraphs.size(); p++) {
      Segmenter.Span para = paragraphs.get(p);
      if (paragraphJudged[p] || b.sidesByParagraph[p] != 3 || paragraphListy[p]
          || paragraphTo[p] <= paragraphFrom[p] || isList(text, para.start(), para.end())) {
        continue;
      }
      if (separateDealings && !paragraphCue[p]) {
        notes.add("each side with a third country, in separate sentences of one paragraph");
        continue;
      }
      if (!saysRelation && titleBothNamed) {
        notes.add("the title pairs the two, the text names them in different sentences and says nothing passes between them");
        continue;
      }
      if (guarded) {
        notes.add(comparative ? "the text compares the two; a paragraph naming each is no relation"
            : sports && !separate ? "a sports story; a paragraph naming each is no relation"
            : "the text reports each side's own dealings; a paragraph naming each is no relation");
        continue;
      }
      found.add(new Found(PARAGRAPH, paragraphFrom[p], paragraphTo[p]));
      cueInEvidence |= paragraphCue[p];
    }
    // 3. one side with a bilateral cue, the other side in the title or an adjacent paragraph (not in
    // an article reporting each side's own dealings or comparing them: the cue is about another pair)
    for (int s = 0; s < sentences.size() && !guarded; s++) {
      int sides = b.sidesBySentence[s];
      Segmenter.Span span = sentences.get(s);
      if ((sides == 1 || sides == 2) && b.hasRelationCue(s)
          && !isList(text, span.start(), span.end()) && !covered(found, span)) {
        int other = sides == 1 ? 1 : 0;
        boolean otherNear = titleSides.contains(other);
        for (int p = Math.max(0, span.paragraph() - 1); p <= Math.min(paragraphs.size() - 1, span.paragraph() + 1); p++) {
          otherNear |= (b.sidesByParagraph[p] & (1 << other)) != 0;
        }
        if (otherNear) {
          found.add(new Found(CUE, span.start(), span.end()));
          cueInEvidence = true;
        }
      }
    }
    // title naming both sides: the first sentence naming either side is evidence
    if (found.isEmpty() && titleBoth) {
      if (comparative) {
        notes.add("title names both, but the text compares them");
      } else if (sports) {
        notes.add("title names both, but the text is a sports story");
      } else if (separateDealings || separate) {
        notes.add("title names both, but the text reports each side's dealings with a third country");
      } else if (!saysRelation) {
        notes.add("title names both, but nothing in the text is said to pass between them");
      } else {
        // the first sentence naming a side, when its paragraph names both or it has a bilateral cue:
        // a body whose paragraphs each name one side tells separate stories under a joint headline
        for (int s = 0; s < sentences.size(); s++) {
          Segmenter.Span span = sentences.get(s);
          if (b.sidesBySentence[s] != 0 && !isList(text, span.start(), span.end())) {
            if (b.sidesByParagraph[span.paragraph()] == 3 || b.hasRelationCue(s) || paragraphs.size() == 1) {
              found.add(new Found(PARAGRAPH, span.start(), span.end()));
            } else {
              notes.add("title names both, but each paragraph of the text names one side");
            }
            break;
          }
        }
      }
    }
    List<String> noteList = notes.stream().limit(MAX_NOTES).toList();
    double score = 0;
    if (!found.isEmpty()) {
      double best = found.stream().mapToDouble(Found::strength).max().orElse(0);
      score = best + 0.08 * Math.min(3, found.size() - 1) + (titleBoth ? 0.15 : 0)
          + (cueInEvidence ? 0.1 : 0) + 0.05 * Math.min(2, topicCount);
      score = Math.round(Math.min(1.0, score) * 1000) / 1000.0;
    }
    int[] bySide = new int[2];
    int indirect = 0;
    for (Watch.Mention m : body.mentions()) {
      bySide[m.side()]++;
      indirect += m.ref().type().equals("country") ? 0 : 1;
    }
    int namingASide = 0;
    int namingWithThan = 0;
    // words saying that things are separate or unrelated, anywhere in the title or the body
    boolean apart = !t.sentences.isEmpty() && (t.hasCue(0, "apart") || t.hasCue(0, "separate"));
    for (int s = 0; s < sentences.size(); s++) {
      apart |= b.hasCue(s, "apart") || b.hasCue(s, "separate");
      namingASide += b.sidesBySentence[s] != 0 ? 1 : 0;
      namingWithThan += b.sidesBySentence[s] != 0 && b.hasCue(s, "than") ? 1 : 0;
      if (firstNaming < 0 && b.sidesBySentence[s] != 0) {
        firstNaming = s;
      }
    }
    int[] strengths = new int[3];
    for (Found f : found) {
      strengths[f.strength() == SENTENCE ? 0 : f.strength() == PARAGRAPH ? 1 : 2]++;
    }
    boolean noteEach = false;
    boolean noteRollCall = false;
    boolean noteComparison = false;
    boolean noteTitle = false;
    for (String n : notes) {
      noteEach |= n.startsWith("each side") || n.contains("each side's own");
      noteRollCall |= n.startsWith("a roll call");
      noteComparison |= n.startsWith("comparison") || n.contains("compares");
      noteTitle |= n.startsWith("title") || n.startsWith("the title");
    }
    RelationFeatures features = new RelationFeatures.Builder()
        .count("sentence_evidence", strengths[0])
        .count("paragraph_evidence", strengths[1])
        .count("cue_evidence", strengths[2])
        .set("score", score)
        .flag("title_names_both", titleBothNamed)
        .flag("title_accepted", titleBoth)
        .flag("relation_cue_in_evidence", cueInEvidence)
        .flag("says_relation", saysRelation)
        .flag("comparative", comparative)
        .flag("separate", separate)
        .flag("sports", sports)
        .flag("other_pair", otherPair)
        .flag("separate_dealings", separateDealings)
        .count("notes", notes.size())
        .count("pair_sentences", pairSentences)
        .set("pair_sentences_refused", pairSentences == 0 ? 0 : (double) pairRefused / pairSentences)
        .flag("bilateral_in_pair_sentence", pairBilateral)
        .flag("relation_cue_only_elsewhere", saysRelation && !pairBilateral && !pairRelationCue)
        .set("closest_pair", closestGap == Integer.MAX_VALUE ? 0 : 1.0 / (1 + closestGap))
        .flag("third_in_pair_sentence", pairThird)
        .flag("third_in_title", !t.sentences.isEmpty() && t.thirdInSentence[0])
        .set("one_side_with_third", oneSideSentences == 0 ? 0 : (double) oneSideWithThird / oneSideSentences)
        .flag("actors_of_both", pairActors)
        .set("indirect_share", (double) indirect / body.mentions().size())
        .count("mentions", body.mentions().size())
        .set("side_balance", Math.max(bySide[0], bySide[1]) == 0 ? 0
            : (double) Math.min(bySide[0], bySide[1]) / Math.max(bySide[0], bySide[1]))
        .set("numbers_near_names", pairMentions == 0 ? 0 : (double) numbersNear / pairMentions)
        .set("sentences_naming_a_side", sentences.isEmpty() ? 0 : (double) namingASide / sentences.size())
        .flag("namesake_set_aside", !demotedIds.isEmpty())
        .flag("note_each_side", noteEach)
        .flag("note_roll_call", noteRollCall)
        .flag("note_comparison", noteComparison)
        .flag("note_title", noteTitle)
        .flag("coordinated_pair", pairCoordinated)
        .flag("clause_between_pair", pairClauses)
        .flag("parallel_figures", pairFigures)
        .count("third_mentions", body.thirds().size())
        .flag("pair_in_lead", firstNaming >= 0 && b.sidesBySentence[firstNaming] == 3)
        .set("pair_sentence_share", namingASide == 0 ? 0 : (double) pairSentences / namingASide)
        .flag("than_in_pair_sentence", pairThan)
        .set("than_share", namingASide == 0 ? 0 : (double) namingWithThan / namingASide)
        .flag("apart_words", apart)
        .flag("parallel_frames", parallelFrames)
        .build();
    if (found.isEmpty()) {
      return new Judgement(new Analysis.WatchMatch(watchId, false, 0.0, List.of(), noteList), features,
          naming(b, text));
    }
    List<Analysis.Evidence> evidence = found.stream()
        .sorted(Comparator.comparingDouble(Found::strength).reversed().thenComparingInt(Found::start))
        .limit(MAX_EVIDENCE)
        .sorted(Comparator.comparingInt(Found::start))
        .map(f -> new Analysis.Evidence(text.substring(f.start(), f.end()), f.start(), f.end()))
        .toList();
    return new Judgement(new Analysis.WatchMatch(watchId, score >= minScore, score, evidence, noteList), features,
        List.of());
  }

  /**
   * The sentences of the body naming both sides (at most {@value #MAX_EVIDENCE}), or, when none does,
   * the first sentence naming each side; empty unless the body names both.
   */
  private static List<Analysis.Evidence> naming(Facts b, String text) {
    List<Analysis.Evidence> out = new ArrayList<>(2);
    int[] firstOf = {-1, -1};
    for (int s = 0; s < b.sentences.size() && out.size() < MAX_EVIDENCE; s++) {
      int sides = b.sidesBySentence[s];
      Segmenter.Span span = b.sentences.get(s);
      if (sides == 3) {
        out.add(new Analysis.Evidence(text.substring(span.start(), span.end()), span.start(), span.end()));
      }
      for (int side = 0; side < 2; side++) {
        if ((sides & (1 << side)) != 0 && firstOf[side] < 0) {
          firstOf[side] = s;
        }
      }
    }
    if (out.isEmpty() && firstOf[0] >= 0 && firstOf[1] >= 0) {
      for (int s : new int[] {Math.min(firstOf[0], firstOf[1]), Math.max(firstOf[0], firstOf[1])}) {
        Segmenter.Span span = b.sentences.get(s);
        out.add(new Analysis.Evidence(text.substring(span.start(), span.end()), span.start(), span.end()));
      }
    }
    return out;
  }

  /** True when a number (a rank, a share, a count) stands within two tokens of mention {@code m}. */
  static boolean numberNear(List<Token> tokens, Watch.Mention m) {
    int from = Math.max(0, m.fromToken() - 2);
    int to = Math.min(tokens.size(), m.toToken() + 2);
    for (int i = from; i < to; i++) {
      if (tokens.get(i).numeric()) {
        return true;
      }
    }
    return false;
  }

  private static boolean covered(List<Found> found, Segmenter.Span s) {
    for (Found f : found) {
      if (f.start() <= s.start() && f.end() >= s.end()) {
        return true;
      }
    }
    return false;
  }

  static boolean isSeparator(char c) {
    return c == ',' || c == '،' || c == ';' || c == '؛' || c == '|' || c == '•' || c == '\t'
        || c == '·' || c == '/' || c == '\n' || c == '、' || c == '，' || c == '；';
  }

  /** True when [start, end) reads as a list: enough items, most of them one or two words. */
  static boolean isList(String text, int start, int end) {
    if (itemCount(text, start, end) < MIN_LIST_ITEMS) {
      return false; // the words of the items need not be counted
    }
    int items = 0;
    int shortItems = 0;
    int from = start;
    for (int i = start; i <= end; i++) {
      if (i == end || isSeparator(text.charAt(i))) {
        if (i > from) {
          items++;
          if (Tokenizer.countNonNumeric(text, from, i, 3) <= 2) {
            shortItems++;
          }
        }
        from = i + 1;
      }
    }
    return items >= MIN_LIST_ITEMS && shortItems >= 0.6 * items;
  }

  /** The non-empty items between separators in [start, end), as {@link #isList} counts them. */
  private static int itemCount(String text, int start, int end) {
    int items = 0;
    int from = start;
    for (int i = start; i <= end; i++) {
      if (i == end || isSeparator(text.charAt(i))) {
        if (i > from) {
          items++;
        }
        from = i + 1;
      }
    }
    return items;
  }

  /** Words that join list items, counted as separators between the two sides. */
  static final Set<String> CONJUNCTIONS = Set.of("and", "or", "et", "ou", "y", "e", "o", "и", "или", "мен",
      "және", "немесе", "und", "oder", "ve", "ile", "ya", "da", "en", "of", "i", "a", "och", "eller", "ja",
      "tai", "es", "és", "vagy", "dan", "atau", "و", "یا", "اور", "та", "і", "або", "va", "yoki", "और", "या",
      "및", "και", "ή", "และ", "หรือ", "ו", "および", "及び", "と", "和", "与", "及", "과", "와");

  /**
   * True when, between the closest mentions of the two sides in a sentence (given in text order),
   * stand three separators (punctuation or list conjunctions such as and, et, y, и, мен).
   */
  static boolean separatedByList(String text, List<Watch.Mention> mentions) {
    Watch.Mention[] last = new Watch.Mention[2];
    int bestGap = Integer.MAX_VALUE;
    int gapFrom = -1;
    int gapTo = -1;
    for (Watch.Mention m : mentions) {
      Watch.Mention other = last[1 - m.side()];
      if (other != null && m.start() - other.end() < bestGap) {
        bestGap = Math.max(0, m.start() - other.end());
        gapFrom = other.end();
        gapTo = Math.max(other.end(), m.start());
      }
      last[m.side()] = m;
    }
    if (gapFrom < 0) {
      return false;
    }
    int separators = 0;
    for (int i = gapFrom; i < gapTo; i++) {
      if (isSeparator(text.charAt(i)) && !RelationPredicates.insideNumber(text, i)) {
        separators++;
      }
    }
    for (Token t : Tokenizer.tokenize(text.substring(gapFrom, gapTo))) {
      if (LIST_CONJUNCTIONS.contains(t.form())) {
        separators++;
      }
    }
    return separators >= 3;
  }

  /** The conjunctions counted as list separators (the original set). */
  static final Set<String> LIST_CONJUNCTIONS = Set.of("and", "or", "et", "ou", "y", "e", "o", "и", "или", "мен", "және", "немесе");
}
