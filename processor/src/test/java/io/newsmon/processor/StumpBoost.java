package io.newsmon.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Gradient-boosted decision stumps under the logistic loss (Newton steps per leaf), compared with the
 * logistic model in cross-validation by {@link RelevanceModelTrainer}; a fitted one becomes a
 * {@link io.newsmon.processor.watch.RelevanceModel} with stumps.
 */
final class StumpBoost {

  /** One stump: below {@code threshold} on {@code feature} add {@code left}, else {@code right}. */
  record Stump(int feature, double threshold, double left, double right) {
    double apply(double[] x) {
      return x[feature] < threshold ? left : right;
    }
  }

  final double base;
  final List<Stump> stumps;

  private StumpBoost(double base, List<Stump> stumps) {
    this.base = base;
    this.stumps = stumps;
  }

  double probability(double[] x) {
    return probability(x, stumps.size());
  }

  /** The probability after the first {@code rounds} stumps (the fit of that many rounds). */
  double probability(double[] x, int rounds) {
    double z = base;
    for (int i = 0; i < Math.min(rounds, stumps.size()); i++) {
      z += stumps.get(i).apply(x);
    }
    return 1 / (1 + Math.exp(-z));
  }

  static StumpBoost fit(List<double[]> xs, List<Boolean> ys, List<Double> ws, int rounds, double rate, double l2) {
    int n = xs.size();
    int d = xs.get(0).length;
    double pos = 0;
    double all = 0;
    for (int i = 0; i < n; i++) {
      pos += ys.get(i) ? ws.get(i) : 0;
      all += ws.get(i);
    }
    double prior = Math.min(0.99, Math.max(0.01, pos / all));
    double base = Math.log(prior / (1 - prior));
    double[] z = new double[n];
    java.util.Arrays.fill(z, base);
    List<double[]> cuts = new ArrayList<>();
    for (int j = 0; j < d; j++) {
      TreeSet<Double> values = new TreeSet<>();
      for (double[] x : xs) {
        values.add(x[j]);
      }
      List<Double> v = new ArrayList<>(values);
      double[] c = new double[Math.max(0, v.size() - 1)];
      for (int k = 0; k + 1 < v.size(); k++) {
        c[k] = (v.get(k) + v.get(k + 1)) / 2;
      }
      cuts.add(c);
    }
    List<Stump> stumps = new ArrayList<>();
    double[] g = new double[n];
    double[] h = new double[n];
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < n; i++) {
        double p = 1 / (1 + Math.exp(-z[i]));
        g[i] = ws.get(i) * ((ys.get(i) ? 1 : 0) - p);
        h[i] = ws.get(i) * p * (1 - p);
      }
      Stump best = null;
      double bestGain = 0;
      for (int j = 0; j < d; j++) {
        for (double c : cuts.get(j)) {
          double gl = 0;
          double hl = 0;
          double gr = 0;
          double hr = 0;
          for (int i = 0; i < n; i++) {
            if (xs.get(i)[j] < c) {
              gl += g[i];
              hl += h[i];
            } else {
              gr += g[i];
              hr += h[i];
            }
          }
          double gain = gl * gl / (hl + l2) + gr * gr / (hr + l2);
          if (gain > bestGain) {
            bestGain = gain;
            best = new Stump(j, c, rate * gl / (hl + l2), rate * gr / (hr + l2));
          }
        }
      }
      if (best == null) {
        break;
      }
      stumps.add(best);
      for (int i = 0; i < n; i++) {
        z[i] += best.apply(xs.get(i));
      }
    }
    return new StumpBoost(base, stumps);
  }
}
