package io.newsmon.processor;

import com.fasterxml.jackson.core.type.TypeReference;
import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.kafka.Json;
import io.newsmon.processor.text.Tokenizer;
import io.newsmon.processor.watch.RelationFeatures;
import io.newsmon.processor.watch.RelevanceModel;
import io.newsmon.processor.watch.Watch;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Trains the relevance model of decision 0026 on the multilingual labelled set and writes its weights.
 *
 * <p>Training data: the {@code train} part and the tuning part of dev (dev without {@code -25..-32}),
 * the articles where the rules found evidence (elsewhere the verdict stays not relevant). Model
 * selection by 5-fold cross-validation on that data only: L2 strength, the weight of the train part,
 * the threshold. The validation part ({@code -25..-32}) is scored only with {@code --validate}, once.
 *
 * <p>Run: {@code java -cp <test classpath> io.newsmon.processor.RelevanceModelTrainer <dir of labelled
 * set> [<output file>] [--validate] [--stumps]}; {@code --stumps} also prints the cross-validation
 * figures of gradient-boosted stumps ({@link StumpBoost}) on the same folds.
 */
public final class RelevanceModelTrainer {

  static final int FOLDS = 5;
  /** Experiment: the model also judges articles naming both sides where the rules found no evidence. */
  static boolean candidates;

  /** One labelled article with the rules' verdict and the features. */
  record Example(MultilingualSetTest.Labelled label, boolean evidence, boolean rules, double[] x, int fold) {
    boolean y() {
      return label.relevant();
    }

    String part() {
      return "train".equals(label.split()) ? "train" : MultilingualSetTest.validation(label) ? "validation" : "tuning";
    }
  }

  /** A configuration tried in cross-validation. */
  record Config(double l2, double trainWeight, double threshold) {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    Path out = args.length > 1 && !args[1].startsWith("--") ? Path.of(args[1]) : null;
    boolean validate = List.of(args).contains("--validate");
    candidates = List.of(args).contains("--candidates");
    List<Example> all = examples(dir);
    // --drop=a,b: those features left out (set to 0), to measure in cross-validation what they add
    for (String a : args) {
      if (a.startsWith("--drop=")) {
        for (String name : a.substring("--drop=".length()).split(",")) {
          int i = RelationFeatures.NAMES.indexOf(name);
          if (i < 0) {
            throw new IllegalArgumentException("no feature named " + name);
          }
          all.forEach(e -> e.x()[i] = 0);
        }
      }
    }
    List<Example> fit = all.stream().filter(e -> !e.part().equals("validation")).toList();
    System.out.printf("examples: %d for training (%d with evidence), %d validation%n", fit.size(),
        fit.stream().filter(Example::evidence).count(), all.size() - fit.size());
    printScores("rules", fit, null);

    Config best = null;
    double bestScore = -1;
    for (double l2 : new double[] {0.001, 0.01, 0.1, 1.0}) {
      for (double tw : new double[] {1, 2, 4}) {
        double[] oof = outOfFold(fit, l2, tw);
        for (double th : new double[] {0.3, 0.4, 0.5, 0.6, 0.7}) {
          double[] s = scores(fit, oof, th);
          // selection: the mean of the two parts' F1, so that the part the rules were not tuned on counts as much
          double score = (s[0] + s[1]) / 2;
          System.out.printf(Locale.ROOT, "cv l2 %.3f train-weight %.0f threshold %.1f: train F1 %.3f, tuning F1 %.3f, all F1 %.3f%n",
              l2, tw, th, s[0], s[1], s[2]);
          if (score > bestScore + 1e-9) {
            bestScore = score;
            best = new Config(l2, tw, th);
          }
        }
      }
    }
    System.out.println("chosen: " + best);
    if (List.of(args).contains("--stumps")) {
      compareStumps(fit);
    }
    double[] oof = outOfFold(fit, best.l2(), best.trainWeight());
    printScores("model, 5-fold CV", fit, p(oof, best.threshold()));
    RelevanceModel model = train(fit, -1, best.l2(), best.trainWeight(), best.threshold());
    for (int i = 0; i < model.weights().length; i++) {
      System.out.printf(Locale.ROOT, "  %-28s %+.3f%n", RelationFeatures.NAMES.get(i), model.weights()[i]);
    }
    if (out != null) {
      String header = "Relevance model of decision 0026: logistic regression over RelationFeatures, trained by\n"
          + "RelevanceModelTrainer on the train part and the tuning part of the multilingual labelled set\n"
          + String.format(Locale.ROOT, "(articles with evidence; L2 %.3f, train part weighted %.0f, chosen by 5-fold CV).",
              best.l2(), best.trainWeight());
      Files.writeString(out, model.write(header), StandardCharsets.UTF_8);
      System.out.println("written " + out);
    }
    if (validate) {
      List<Example> val = all.stream().filter(e -> e.part().equals("validation")).toList();
      boolean[] pred = new boolean[val.size()];
      for (int i = 0; i < val.size(); i++) {
        Example e = val.get(i);
        pred[i] = e.evidence() && model.probability(new RelationFeatures(e.x())) >= model.threshold();
      }
      printScores("rules, validation", val, null);
      printScores("model, validation", val, pred);
      printKinds(val, pred);
    }
  }

  /** Cross-validation figures of gradient-boosted stumps on the same folds (for comparison only). */
  static void compareStumps(List<Example> fit) {
    for (int rounds : new int[] {50, 150, 300}) {
      for (double tw : new double[] {1, 2}) {
        double[] prob = new double[fit.size()];
        for (int k = 0; k < FOLDS; k++) {
          Rows rows = rows(fit, k, tw);
          StumpBoost b = StumpBoost.fit(rows.xs(), rows.ys(), rows.ws(), rounds, 0.1, 1.0);
          for (int i = 0; i < fit.size(); i++) {
            if (fit.get(i).fold() == k && fit.get(i).evidence()) {
              prob[i] = b.probability(fit.get(i).x());
            }
          }
        }
        for (double th : new double[] {0.3, 0.5, 0.7}) {
          double[] s = scores(fit, prob, th);
          System.out.printf(Locale.ROOT, "stumps cv rounds %d train-weight %.0f threshold %.1f: train F1 %.3f, tuning F1 %.3f, all F1 %.3f%n",
              rounds, tw, th, s[0], s[1], s[2]);
        }
      }
    }
  }

  static boolean[] p(double[] prob, double th) {
    boolean[] out = new boolean[prob.length];
    for (int i = 0; i < prob.length; i++) {
      out[i] = prob[i] >= th;
    }
    return out;
  }

  /** The labelled articles (without the test split) with the rules' verdicts and features. */
  static List<Example> examples(Path dir) throws IOException {
    Watch watch = Watches.load(NewsmonConfig.defaults()).get(0);
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    List<Example> out = new ArrayList<>();
    for (Path f : files) {
      List<MultilingualSetTest.Labelled> set;
      try (InputStream in = Files.newInputStream(f)) {
        set = Json.mapper().readValue(in, new TypeReference<List<MultilingualSetTest.Labelled>>() {});
      }
      for (MultilingualSetTest.Labelled l : set) {
        if ("test".equals(l.split())) {
          continue;
        }
        String title = l.title() == null ? "" : l.title();
        Watch.Result r = watch.tag(l.text(), Tokenizer.tokenize(l.text()), title, Tokenizer.tokenize(title));
        int fold = Math.floorMod(l.id().hashCode() * 31 + 7, FOLDS);
        boolean both = r.features().get("side_balance") > 0;
        out.add(new Example(l, !r.match().evidence().isEmpty() || (candidates && both), r.match().relevant(),
            r.features().values(), fold));
      }
    }
    return out;
  }

  /** Out-of-fold probabilities (0 for articles without evidence). */
  static double[] outOfFold(List<Example> data, double l2, double trainWeight) {
    double[] prob = new double[data.size()];
    for (int k = 0; k < FOLDS; k++) {
      RelevanceModel m = train(data, k, l2, trainWeight, 0.5);
      for (int i = 0; i < data.size(); i++) {
        Example e = data.get(i);
        if (e.fold() == k && e.evidence()) {
          prob[i] = m.probability(new RelationFeatures(e.x()));
        }
      }
    }
    return prob;
  }

  /** Training rows: features, labels, weights. */
  record Rows(List<double[]> xs, List<Boolean> ys, List<Double> ws) {}

  /** The articles with evidence outside fold {@code leaveOut} (-1: all), the train part weighted {@code trainWeight}. */
  static Rows rows(List<Example> data, int leaveOut, double trainWeight) {
    Rows rows = new Rows(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (Example e : data) {
      if (e.evidence() && e.fold() != leaveOut) {
        rows.xs().add(e.x());
        rows.ys().add(e.y());
        rows.ws().add(e.part().equals("train") ? trainWeight : 1.0);
      }
    }
    return rows;
  }

  /** A model fitted on the articles with evidence outside fold {@code leaveOut} (-1: all). */
  static RelevanceModel train(List<Example> data, int leaveOut, double l2, double trainWeight, double threshold) {
    Rows rows = rows(data, leaveOut, trainWeight);
    double[] theta = LogisticFit.fit(rows.xs(), rows.ys(), rows.ws(), l2);
    double[] w = new double[theta.length - 1];
    System.arraycopy(theta, 1, w, 0, w.length);
    return new RelevanceModel(theta[0], w, threshold);
  }

  /** F1 of the train part, the tuning part and both, for verdicts from out-of-fold probabilities. */
  static double[] scores(List<Example> data, double[] prob, double th) {
    boolean[] pred = p(prob, th);
    return new double[] {prf(data, pred, "train")[2], prf(data, pred, "tuning")[2], prf(data, pred, null)[2]};
  }

  /** Precision, recall, F1 over the examples of {@code part} (null: all); {@code pred} null: the rules. */
  static double[] prf(List<Example> data, boolean[] pred, String part) {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    for (int i = 0; i < data.size(); i++) {
      Example e = data.get(i);
      if (part != null && !e.part().equals(part)) {
        continue;
      }
      boolean got = pred == null ? e.rules() : pred[i];
      tp += got && e.y() ? 1 : 0;
      fp += got && !e.y() ? 1 : 0;
      fn += !got && e.y() ? 1 : 0;
    }
    double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    double r = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    return new double[] {p, r, p + r == 0 ? 0 : 2 * p * r / (p + r)};
  }

  static void printScores(String name, List<Example> data, boolean[] pred) {
    for (String part : new String[] {"train", "tuning", "validation", null}) {
      long n = data.stream().filter(e -> part == null || e.part().equals(part)).count();
      if (n == 0) {
        continue;
      }
      double[] s = prf(data, pred, part);
      System.out.printf(Locale.ROOT, "%s, %s (%d): P %.3f R %.3f F1 %.3f%n", name, part == null ? "all" : part, n,
          s[0], s[1], s[2]);
    }
  }

  static void printKinds(List<Example> data, boolean[] pred) {
    Map<String, int[]> byKind = new TreeMap<>();
    for (int i = 0; i < data.size(); i++) {
      Example e = data.get(i);
      int[] c = byKind.computeIfAbsent(e.label().kindAndTrap(), k -> new int[3]);
      c[0] += e.rules() == e.y() ? 1 : 0;
      c[1] += pred[i] == e.y() ? 1 : 0;
      c[2]++;
    }
    byKind.forEach((k, c) -> System.out.printf("  %-32s rules %d/%d, model %d/%d%n", k, c[0], c[2], c[1], c[2]));
  }

  private RelevanceModelTrainer() {}
}
