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
 * evidence to show. The rules' evidence and notes are kept; an article the model turns gets a note
 * saying so, with its probability. The score of a verdict the model makes is on the verdict's side of
 * {@link #DECISION_SCORE}, so that a relevant verdict raises an alert at the sink's default minimum.
 *
 * <p>Weights are read from a text file, one {@code name<TAB>weight} per line, with {@code bias} and
 * {@code threshold} lines; {@code #} starts a comment. A feature the file does not name weighs 0, and
 * a name the features do not know is an error. A boosted model (decision 0028) adds lines
 * {@code stump<TAB>feature<TAB>cut<TAB>below<TAB>above}, each adding {@code below} or {@code above} to
 * the log-odds; a line {@code judges_articles_naming_both<TAB>1} lets the model also judge articles
 * whose body names both sides where the rules found no evidence (it then shows the sentences naming
 * the two as its evidence).
 *
 * <p>A model may also weigh the article's words (decision 0042): a line
 * {@code text_grams<TAB>buckets<TAB>min<TAB>max} declares the n-grams it was trained on (they must be
 * {@link TextGrams}'), and lines {@code text<TAB>bucket<TAB>weight} give the weight of each bucket
 * (buckets not listed weigh 0); each bucket present in the article adds its weight times
 * {@link TextGrams#value()} to the log-odds.
 *
 * @param weights one weight per {@link RelationFeatures#NAMES}, in that order
 * @param text one weight per {@link TextGrams} bucket, or null for a model that does not read words
 */
public record RelevanceModel(double bias, double[] weights, double threshold, List<Stump> stumps,
    boolean namedBoth, float[] text) {

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
    if (text != null && text.length != TextGrams.BUCKETS) {
      throw new IllegalArgumentException("expected " + TextGrams.BUCKETS + " text weights, got " + text.length);
    }
    stumps = List.copyOf(stumps);
  }

  /** A model over the features alone (no text weights). */
  public RelevanceModel(double bias, double[] weights, double threshold, List<Stump> stumps, boolean namedBoth) {
    this(bias, weights, threshold, stumps, namedBoth, null);
  }

  /** A logistic model that judges the articles where the rules found evidence (decision 0026). */
  public RelevanceModel(double bias, double[] weights, double threshold) {
    this(bias, weights, threshold, List.of(), false);
  }

  /** The score at the model's threshold: where a verdict turns relevant (see {@link #score(double)}). */
  public static final double DECISION_SCORE = 0.5;

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
    if (text != null) {
      double t = 0;
      for (int b : f.text().buckets()) {
        t += text[b];
      }
      z += t * f.text().value();
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
          + "found no evidence (probability %.2f, threshold %.2f)", p, threshold) + words(f));
      return new Analysis.WatchMatch(rules.watchId(), true, score(p), List.copyOf(fallback), List.copyOf(notes));
    }
    if (rules.evidence().isEmpty()) {
      return rules;
    }
    boolean relevant = p >= threshold;
    double score = relevant ? Math.max(rules.score(), score(p)) : Math.min(rules.score(), score(p));
    if (relevant == rules.relevant()) {
      return score == rules.score() ? rules
          : new Analysis.WatchMatch(rules.watchId(), relevant, score, rules.evidence(), rules.notes());
    }
    List<String> notes = new ArrayList<>(rules.notes());
    String note = String.format(Locale.ROOT, "the model judged %s (probability %.2f, threshold %.2f)",
        relevant ? "the evidence a relation" : "the evidence no relation", p, threshold) + words(f);
    if (notes.size() >= RelationTagger.MAX_NOTES) {
      notes.remove(notes.size() - 1);
    }
    notes.add(note);
    return new Analysis.WatchMatch(rules.watchId(), relevant, score, rules.evidence(), List.copyOf(notes));
  }

  private String words(RelationFeatures f) {
    String w = weighing(f.text());
    return w.isEmpty() ? "" : "; " + w;
  }

  /** How many words for and against a relation a note of the model names. */
  static final int WORDS_SHOWN = 3;

  /**
   * The words of the article whose n-grams weigh most for and against a relation, for the note of a
   * verdict the model made ({@code words weighing for a relation: «signed», «accord»; against: «whereas»}),
   * or an empty string for a model without text weights. A word's weight is the sum of its n-grams'
   * (approximate where a bucket is shared or an n-gram recurs in the word); in a run of a script without spaces each n-gram of
   * the run is weighed on its own.
   */
  public String weighing(TextGrams g) {
    if (text == null || g.units().isEmpty()) {
      return "";
    }
    Map<String, Double> byShown = new HashMap<>();
    for (TextGrams.Unit u : g.units()) {
      if (u.grams() != null) {
        double sum = 0;
        for (int b : u.grams()) {
          sum += text[b];
        }
        byShown.merge(u.shown(), sum, (a, b) -> a);
      } else {
        String run = "<" + u.shown() + ">";
        for (int n = TextGrams.MAX; n >= TextGrams.MIN; n--) {
          for (int i = 1; i + n < run.length(); i++) {
            String gram = run.substring(i, i + n);
            if (gram.indexOf(TextGrams.NAME) < 0) {
              byShown.merge(gram, (double) text[TextGrams.bucket(gram)], (a, b) -> a);
            }
          }
        }
      }
    }
    List<Map.Entry<String, Double>> ranked = new ArrayList<>(byShown.entrySet());
    ranked.sort(Map.Entry.comparingByValue());
    List<String> against = new ArrayList<>();
    for (int i = 0; i < ranked.size() && against.size() < WORDS_SHOWN && ranked.get(i).getValue() < 0; i++) {
      against.add("«" + ranked.get(i).getKey() + "»");
    }
    List<String> forRelation = new ArrayList<>();
    for (int i = ranked.size() - 1; i >= 0 && forRelation.size() < WORDS_SHOWN && ranked.get(i).getValue() > 0; i--) {
      forRelation.add("«" + ranked.get(i).getKey() + "»");
    }
    return "words weighing for a relation: " + (forRelation.isEmpty() ? "none" : String.join(", ", forRelation))
        + "; against: " + (against.isEmpty() ? "none" : String.join(", ", against));
  }

  /**
   * The score of a verdict the model made, from its probability: the threshold maps to
   * {@value #DECISION_SCORE}, the probabilities above and below it linearly onto the halves above and
   * below, so that every article the model judges relevant scores at least {@value #DECISION_SCORE}
   * (the sink's default alert minimum: a relevant verdict raises an alert) and every one it refuses
   * scores less. A verdict the model shares with the rules keeps the rules' score where that is already
   * on the right side. Three decimals.
   */
  public double score(double p) {
    double s = p >= threshold
        ? DECISION_SCORE + (1 - DECISION_SCORE) * (p - threshold) / (1 - threshold)
        : DECISION_SCORE * p / threshold;
    double rounded = Math.round(s * 1000) / 1000.0;
    return p >= threshold ? Math.max(DECISION_SCORE, rounded) : Math.min(DECISION_SCORE - 0.001, rounded);
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
    float[] text = null;
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
      if (parts[0].equals("text_grams") && parts.length == 4) {
        if (!parts[1].equals(String.valueOf(TextGrams.BUCKETS)) || !parts[2].equals(String.valueOf(TextGrams.MIN))
            || !parts[3].equals(String.valueOf(TextGrams.MAX))) {
          throw new IllegalArgumentException(source + " line " + n + ": text n-grams " + parts[1] + "/" + parts[2] + "-"
              + parts[3] + " are not this build's (" + TextGrams.BUCKETS + "/" + TextGrams.MIN + "-" + TextGrams.MAX + ")");
        }
        text = new float[TextGrams.BUCKETS];
        continue;
      }
      if (parts[0].equals("text") && parts.length == 3) {
        if (text == null) {
          throw new IllegalArgumentException(source + " line " + n + ": a text weight before the 'text_grams' line");
        }
        try {
          int b = Integer.parseInt(parts[1]);
          if (b < 0 || b >= text.length) {
            throw new IllegalArgumentException(source + " line " + n + ": no bucket " + b);
          }
          text[b] = Float.parseFloat(parts[2]);
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
    return new RelevanceModel(bias, w, threshold, stumps, both != null && both != 0, text);
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
    if (text != null) {
      out.append("text_grams\t").append(TextGrams.BUCKETS).append('\t').append(TextGrams.MIN).append('\t')
          .append(TextGrams.MAX).append('\n');
      for (int b = 0; b < text.length; b++) {
        // four significant digits: the file stays small, the log-odds move by far less than 0.01
        String w = String.format(Locale.ROOT, "%.4g", text[b]);
        if (text[b] != 0 && Float.parseFloat(w) != 0) {
          out.append("text\t").append(b).append('\t').append(w).append('\n');
        }
      }
    }
    return out.toString();
  }
}
