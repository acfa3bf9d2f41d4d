package io.newsmon.processor.watch;

import io.newsmon.common.record.Analysis;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A logistic model (or, decision 0028, boosted stumps) over {@link RelationFeatures} that gives the
 * verdict where the rules found evidence (decision 0026). Where they found none, the article stays not
 * relevant unless the model also judges articles naming both sides: a relevant verdict always has
 * evidence to show. The rules' evidence, score and notes are kept; an article the model turns gets a
 * note saying so, with its probability.
 *
 * <p>Weights are read from a text file, one {@code name<TAB>weight} per line, with {@code bias} and
 * {@code threshold} lines; {@code #} starts a comment. A feature the file does not name weighs 0, and
 * a name the features do not know is an error. A boosted model (decision 0028) adds lines
 * {@code stump<TAB>feature<TAB>cut<TAB>below<TAB>above}, each adding {@code below} or {@code above} to
 * the log-odds; a line {@code judges_articles_naming_both<TAB>1} lets the model also judge articles
 * whose body names both sides where the rules found no evidence (it then shows the sentences naming
 * the two as its evidence).
 *
 * @param weights one weight per {@link RelationFeatures#NAMES}, in that order
 */
public record RelevanceModel(double bias, double[] weights, double threshold, List<Stump> stumps,
    boolean namedBoth) {

  /** The bundled model, trained by {@code RelevanceModelTrainer} (test tree). */
  public static final String RESOURCE = "/watches/relevance-model.tsv";

  /**
   * One step of a boosted model (decision 0028): {@code below} is added to the log-odds when feature
   * {@code feature} is below {@code cut}, {@code above} otherwise.
   */
  public record Stump(int feature, double cut, double below, double above) {
    double value(double[] x) {
      return x[feature] < cut ? below : above;
    }
  }

  public RelevanceModel {
    if (weights.length != RelationFeatures.NAMES.size()) {
      throw new IllegalArgumentException("expected " + RelationFeatures.NAMES.size() + " weights, got " + weights.length);
    }
    if (!(threshold > 0 && threshold < 1)) {
      throw new IllegalArgumentException("threshold must be in (0, 1), is " + threshold);
    }
    for (Stump st : stumps) {
      if (st.feature() < 0 || st.feature() >= RelationFeatures.NAMES.size()) {
        throw new IllegalArgumentException("no feature at position " + st.feature());
      }
    }
    stumps = List.copyOf(stumps);
  }

  /** A logistic model that judges the articles where the rules found evidence (decision 0026). */
  public RelevanceModel(double bias, double[] weights, double threshold) {
    this(bias, weights, threshold, List.of(), false);
  }

  /** The probability that the article reports a relation. */
  public double probability(RelationFeatures f) {
    double z = bias;
    double[] v = f.values();
    for (int i = 0; i < v.length; i++) {
      z += weights[i] * v[i];
    }
    for (Stump st : stumps) {
      z += st.value(v);
    }
    return 1 / (1 + Math.exp(-z));
  }

  /** The verdict: the model's where the rules found evidence, the rules' (not relevant) elsewhere. */
  public Analysis.WatchMatch apply(Analysis.WatchMatch rules, RelationFeatures f) {
    return apply(rules, f, List.of());
  }

  /**
   * The verdict: the model's where the rules found evidence, and, for a model that judges every
   * article naming both sides ({@link #namedBoth}), also where they found none but the body names
   * both: it then shows {@code fallback} (the sentences naming the two) as its evidence, and its
   * probability as the score. Elsewhere the rules' (not relevant).
   */
  public Analysis.WatchMatch apply(Analysis.WatchMatch rules, RelationFeatures f, List<Analysis.Evidence> fallback) {
    boolean judged = !rules.evidence().isEmpty()
        || (namedBoth && !fallback.isEmpty() && f.get("side_balance") > 0);
    if (!judged) {
      return rules;
    }
    double p = probability(f);
    if (rules.evidence().isEmpty() && p >= threshold) {
      List<String> notes = new ArrayList<>(rules.notes());
      if (notes.size() >= RelationTagger.MAX_NOTES) {
        notes.remove(notes.size() - 1);
      }
      notes.add(String.format(Locale.ROOT, "the model judged the sentences naming the two a relation where the rules "
          + "found no evidence (probability %.2f, threshold %.2f)", p, threshold));
      return new Analysis.WatchMatch(rules.watchId(), true, Math.round(p * 1000) / 1000.0, List.copyOf(fallback),
          List.copyOf(notes));
    }
    if (rules.evidence().isEmpty()) {
      return rules;
    }
    boolean relevant = p >= threshold;
    if (relevant == rules.relevant()) {
      return rules;
    }
    List<String> notes = new ArrayList<>(rules.notes());
    String note = String.format(Locale.ROOT, "the model judged %s (probability %.2f, threshold %.2f)",
        relevant ? "the evidence a relation" : "the evidence no relation", p, threshold);
    if (notes.size() >= RelationTagger.MAX_NOTES) {
      notes.remove(notes.size() - 1);
    }
    notes.add(note);
    return new Analysis.WatchMatch(rules.watchId(), relevant, rules.score(), rules.evidence(), List.copyOf(notes));
  }

  /** The bundled model. */
  public static RelevanceModel bundled() {
    try (InputStream in = RelevanceModel.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing " + RESOURCE + " on the class path");
      }
      return read(in, RESOURCE);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
    }
  }

  /** Reads a model file; {@code source} names it in errors. */
  public static RelevanceModel read(InputStream in, String source) throws IOException {
    Map<String, Double> values = new HashMap<>();
    List<Stump> stumps = new ArrayList<>();
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    int n = 0;
    for (String line; (line = r.readLine()) != null; ) {
      n++;
      String s = line.strip();
      if (s.isEmpty() || s.startsWith("#")) {
        continue;
      }
      String[] parts = s.split("\t");
      if (parts[0].equals("stump") && parts.length == 5) {
        int f = RelationFeatures.NAMES.indexOf(parts[1]);
        if (f < 0) {
          throw new IllegalArgumentException(source + " line " + n + ": no feature named '" + parts[1] + "'");
        }
        try {
          stumps.add(new Stump(f, Double.parseDouble(parts[2]), Double.parseDouble(parts[3]), Double.parseDouble(parts[4])));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(source + " line " + n + ": not a number in '" + s + "'");
        }
        continue;
      }
      if (parts.length != 2) {
        throw new IllegalArgumentException(source + " line " + n + ": expected name<TAB>number, got '" + s + "'");
      }
      try {
        values.put(parts[0], Double.parseDouble(parts[1]));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(source + " line " + n + ": not a number: '" + parts[1] + "'");
      }
    }
    Double bias = values.remove("bias");
    Double both = values.remove("judges_articles_naming_both");
    Double threshold = values.remove("threshold");
    if (bias == null || threshold == null) {
      throw new IllegalArgumentException(source + ": needs a 'bias' and a 'threshold' line");
    }
    double[] w = new double[RelationFeatures.NAMES.size()];
    for (Map.Entry<String, Double> e : values.entrySet()) {
      int i = RelationFeatures.NAMES.indexOf(e.getKey());
      if (i < 0) {
        throw new IllegalArgumentException(source + ": no feature named '" + e.getKey() + "'");
      }
      w[i] = e.getValue();
    }
    return new RelevanceModel(bias, w, threshold, stumps, both != null && both != 0);
  }

  /** The model as a file {@link #read} reads, with {@code header} as comment lines. */
  public String write(String header) {
    StringBuilder out = new StringBuilder();
    for (String h : header.split("\n")) {
      out.append("# ").append(h).append('\n');
    }
    out.append(String.format(Locale.ROOT, "bias\t%.6f%nthreshold\t%.4f%n", bias, threshold));
    if (namedBoth) {
      out.append("judges_articles_naming_both\t1\n");
    }
    for (int i = 0; i < weights.length; i++) {
      if (weights[i] != 0 || stumps.isEmpty()) {
        out.append(RelationFeatures.NAMES.get(i)).append('\t').append(String.format(Locale.ROOT, "%.6f", weights[i])).append('\n');
      }
    }
    for (Stump st : stumps) {
      out.append(String.format(Locale.ROOT, "stump\t%s\t%.6f\t%.6f\t%.6f%n", RelationFeatures.NAMES.get(st.feature()),
          st.cut(), st.below(), st.above()));
    }
    return out.toString();
  }
}
