package io.newsmon.processor.watch;

import io.newsmon.common.record.Analysis;
import io.newsmon.processor.text.Segmenter;
import io.newsmon.processor.text.Token;
import io.newsmon.processor.text.Tokenizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Decides whether an article reports a relation between the two sides of a watch, with a score and
 * the evidence spans.
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
 * A sentence or paragraph that is a list (at least {@value #MIN_LIST_ITEMS} items separated by
 * commas, semicolons, bars or bullets, most of them one or two words besides numbers — a roll call,
 * a medal table, a tournament draw), or where at least three separators stand between the two
 * sides, gives no evidence.
 *
 * <p>Score: the strongest evidence, plus 0.08 per further piece of evidence (up to three), 0.15 when
 * the title names both sides, 0.1 when a bilateral cue stands in the evidence, 0.05 per topic found
 * (up to two); at most 1. Relevant when there is evidence and the score reaches the watch's minimum.
 */
public final class RelationTagger {

  public static final double SENTENCE = 0.6;
  public static final double PARAGRAPH = 0.45;
  public static final double CUE = 0.35;
  public static final int MIN_LIST_ITEMS = 4;
  /** At most this many evidence spans are reported. */
  public static final int MAX_EVIDENCE = 5;

  private RelationTagger() {}

  private record Found(double strength, int start, int end) {}

  static Analysis.WatchMatch judge(String watchId, double minScore, String text, List<Token> tokens,
      List<Watch.Mention> mentions, List<int[]> cues, Set<Integer> titleSides, int topicCount) {
    if (mentions.isEmpty()) {
      return new Analysis.WatchMatch(watchId, false, 0.0, List.of());
    }
    boolean titleBoth = titleSides.size() == 2;
    List<Segmenter.Span> paragraphs = Segmenter.paragraphs(text);
    List<Segmenter.Span> sentences = Segmenter.sentences(text, paragraphs);
    List<Found> found = new ArrayList<>();
    boolean[] paragraphJudged = new boolean[paragraphs.size()];
    boolean cueInEvidence = false;

    // 1. both sides in one sentence
    for (Segmenter.Span s : sentences) {
      int sides = sidesIn(mentions, s.start(), s.end());
      if (sides != 3) {
        continue;
      }
      // judged here, relation or list: the paragraph rule is for sides in different sentences
      paragraphJudged[s.paragraph()] = true;
      if (!isList(text, s.start(), s.end()) && !separatedByList(text, mentions, s)) {
        found.add(new Found(SENTENCE, s.start(), s.end()));
        cueInEvidence |= hasCue(cues, s.start(), s.end());
      }
    }
    // 2. both sides in one paragraph, in different sentences
    for (int p = 0; p < paragraphs.size(); p++) {
      Segmenter.Span para = paragraphs.get(p);
      if (paragraphJudged[p] || sidesIn(mentions, para.start(), para.end()) != 3
          || isList(text, para.start(), para.end())) {
        continue;
      }
      int from = Integer.MAX_VALUE;
      int to = -1;
      boolean listy = false;
      for (Segmenter.Span s : sentences) {
        if (s.paragraph() == p && sidesIn(mentions, s.start(), s.end()) != 0) {
          listy |= isList(text, s.start(), s.end());
          from = Math.min(from, s.start());
          to = Math.max(to, s.end());
        }
      }
      if (!listy && to > from) {
        found.add(new Found(PARAGRAPH, from, to));
        cueInEvidence |= hasCue(cues, from, to);
      }
    }
    // 3. one side with a bilateral cue, the other side in the title or an adjacent paragraph
    for (Segmenter.Span s : sentences) {
      int sides = sidesIn(mentions, s.start(), s.end());
      if ((sides == 1 || sides == 2) && hasCue(cues, s.start(), s.end())
          && !isList(text, s.start(), s.end()) && !covered(found, s)) {
        int other = sides == 1 ? 1 : 0;
        boolean otherNear = titleSides.contains(other);
        for (int p = Math.max(0, s.paragraph() - 1); p <= Math.min(paragraphs.size() - 1, s.paragraph() + 1); p++) {
          Segmenter.Span para = paragraphs.get(p);
          otherNear |= (sidesIn(mentions, para.start(), para.end()) & (1 << other)) != 0;
        }
        if (otherNear) {
          found.add(new Found(CUE, s.start(), s.end()));
          cueInEvidence = true;
        }
      }
    }
    // title naming both sides: the first sentence naming either side is evidence
    if (found.isEmpty() && titleBoth) {
      for (Segmenter.Span s : sentences) {
        if (sidesIn(mentions, s.start(), s.end()) != 0 && !isList(text, s.start(), s.end())) {
          found.add(new Found(PARAGRAPH, s.start(), s.end()));
          break;
        }
      }
    }
    if (found.isEmpty()) {
      return new Analysis.WatchMatch(watchId, false, 0.0, List.of());
    }
    double best = found.stream().mapToDouble(Found::strength).max().orElse(0);
    double score = best + 0.08 * Math.min(3, found.size() - 1) + (titleBoth ? 0.15 : 0)
        + (cueInEvidence ? 0.1 : 0) + 0.05 * Math.min(2, topicCount);
    score = Math.round(Math.min(1.0, score) * 1000) / 1000.0;
    List<Analysis.Evidence> evidence = found.stream()
        .sorted(Comparator.comparingDouble(Found::strength).reversed().thenComparingInt(Found::start))
        .limit(MAX_EVIDENCE)
        .sorted(Comparator.comparingInt(Found::start))
        .map(f -> new Analysis.Evidence(text.substring(f.start(), f.end()), f.start(), f.end()))
        .toList();
    return new Analysis.WatchMatch(watchId, score >= minScore, score, evidence);
  }

  private static boolean covered(List<Found> found, Segmenter.Span s) {
    for (Found f : found) {
      if (f.start() <= s.start() && f.end() >= s.end()) {
        return true;
      }
    }
    return false;
  }

  /** Bit 1: side 0 named in [start, end); bit 2: side 1. */
  static int sidesIn(List<Watch.Mention> mentions, int start, int end) {
    int bits = 0;
    for (Watch.Mention m : mentions) {
      if (m.start() >= start && m.end() <= end) {
        bits |= 1 << m.side();
      }
    }
    return bits;
  }

  private static boolean hasCue(List<int[]> cues, int start, int end) {
    for (int[] c : cues) {
      if (c[0] >= start && c[1] <= end) {
        return true;
      }
    }
    return false;
  }

  static boolean isSeparator(char c) {
    return c == ',' || c == '،' || c == ';' || c == '؛' || c == '|' || c == '•' || c == '\t'
        || c == '·' || c == '/' || c == '\n';
  }

  /** True when [start, end) reads as a list: enough items, most of them one or two words. */
  static boolean isList(String text, int start, int end) {
    List<String> items = new ArrayList<>();
    int from = start;
    for (int i = start; i <= end; i++) {
      if (i == end || isSeparator(text.charAt(i))) {
        if (i > from) {
          items.add(text.substring(from, i));
        }
        from = i + 1;
      }
    }
    if (items.size() < MIN_LIST_ITEMS) {
      return false;
    }
    int shortItems = 0;
    for (String item : items) {
      int words = 0;
      for (Token t : Tokenizer.tokenize(item)) {
        if (!t.numeric()) {
          words++;
        }
      }
      if (words <= 2) {
        shortItems++;
      }
    }
    return shortItems >= 0.6 * items.size();
  }

  /** Words that join list items, counted as separators between the two sides. */
  static final Set<String> CONJUNCTIONS = Set.of("and", "or", "et", "ou", "y", "e", "o", "и", "или", "мен", "және", "немесе");

  /**
   * True when, between the closest mentions of the two sides in the span, stand three separators
   * (punctuation or list conjunctions such as and, et, y, и, мен).
   */
  static boolean separatedByList(String text, List<Watch.Mention> mentions, Segmenter.Span s) {
    int bestGap = Integer.MAX_VALUE;
    int gapFrom = -1;
    int gapTo = -1;
    for (Watch.Mention a : mentions) {
      if (a.side() != 0 || a.start() < s.start() || a.end() > s.end()) {
        continue;
      }
      for (Watch.Mention b : mentions) {
        if (b.side() != 1 || b.start() < s.start() || b.end() > s.end()) {
          continue;
        }
        int from = Math.min(a.end(), b.end());
        int to = Math.max(a.start(), b.start());
        int gap = Math.abs(to - from);
        if (gap < bestGap) {
          bestGap = gap;
          gapFrom = Math.min(from, to);
          gapTo = Math.max(from, to);
        }
      }
    }
    if (gapFrom < 0) {
      return false;
    }
    int separators = 0;
    for (int i = gapFrom; i < gapTo; i++) {
      if (isSeparator(text.charAt(i))) {
        separators++;
      }
    }
    for (Token t : Tokenizer.tokenize(text.substring(gapFrom, gapTo))) {
      if (CONJUNCTIONS.contains(t.form())) {
        separators++;
      }
    }
    return separators >= 3;
  }
}
