package io.newsmon.ingestor.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The article-extraction benchmark's scoring: texts split into word tokens ({@code \w+}, Unicode),
 * the set of 4-token shingles of each (a text of fewer than 4 tokens is one shingle), precision =
 * |pred ∩ truth| / |pred| and recall = |pred ∩ truth| / |truth| per document. Both empty scores
 * P = R = 1; an empty prediction against a non-empty truth scores 0 / 0.
 */
public final class ShingleScore {

  private static final Pattern TOKEN = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

  /** Precision and recall of one document. */
  public record PR(double precision, double recall) {}

  private ShingleScore() {}

  public static Set<List<String>> shingles(String text, int n) {
    List<String> tokens = new ArrayList<>();
    if (text != null) {
      Matcher m = TOKEN.matcher(text);
      while (m.find()) {
        tokens.add(m.group());
      }
    }
    Set<List<String>> out = new HashSet<>();
    if (tokens.isEmpty()) {
      return out;
    }
    if (tokens.size() < n) {
      out.add(List.copyOf(tokens));
      return out;
    }
    for (int i = 0; i + n <= tokens.size(); i++) {
      out.add(List.copyOf(tokens.subList(i, i + n)));
    }
    return out;
  }

  public static PR score(String predicted, String truth) {
    Set<List<String>> p = shingles(predicted, 4);
    Set<List<String>> t = shingles(truth, 4);
    if (p.isEmpty() && t.isEmpty()) {
      return new PR(1, 1);
    }
    if (p.isEmpty() || t.isEmpty()) {
      return new PR(p.isEmpty() ? 0 : 0, t.isEmpty() ? 0 : 0);
    }
    Set<List<String>> common = new HashSet<>(p);
    common.retainAll(t);
    return new PR((double) common.size() / p.size(), (double) common.size() / t.size());
  }

  public static double f1(double precision, double recall) {
    return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
  }
}
