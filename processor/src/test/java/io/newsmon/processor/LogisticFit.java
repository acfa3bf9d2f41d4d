package io.newsmon.processor;

import java.util.List;

/**
 * Weighted logistic regression with an L2 penalty (the bias is not penalised), fitted by Newton's
 * method: a few dozen iterations over a few hundred examples and a few dozen features.
 */
final class LogisticFit {

  static final int MAX_ITERATIONS = 50;

  private LogisticFit() {}

  /** The coefficients: bias first, then one per feature. */
  static double[] fit(List<double[]> xs, List<Boolean> ys, List<Double> weights, double l2) {
    int d = xs.get(0).length + 1;
    double[] theta = new double[d];
    for (int iter = 0; iter < MAX_ITERATIONS; iter++) {
      double[] grad = new double[d];
      double[][] hess = new double[d][d];
      for (int n = 0; n < xs.size(); n++) {
        double[] x = withBias(xs.get(n));
        double z = 0;
        for (int j = 0; j < d; j++) {
          z += theta[j] * x[j];
        }
        double p = 1 / (1 + Math.exp(-z));
        double w = weights.get(n);
        double err = (ys.get(n) ? 1 : 0) - p;
        double curv = w * p * (1 - p);
        for (int j = 0; j < d; j++) {
          grad[j] += w * err * x[j];
          for (int k = 0; k < d; k++) {
            hess[j][k] += curv * x[j] * x[k];
          }
        }
      }
      for (int j = 1; j < d; j++) {
        grad[j] -= l2 * theta[j];
        hess[j][j] += l2;
      }
      hess[0][0] += 1e-9;
      double[] step = solve(hess, grad);
      double size = 0;
      for (int j = 0; j < d; j++) {
        theta[j] += step[j];
        size = Math.max(size, Math.abs(step[j]));
      }
      if (size < 1e-7) {
        break;
      }
    }
    return theta;
  }

  private static double[] withBias(double[] x) {
    double[] out = new double[x.length + 1];
    out[0] = 1;
    System.arraycopy(x, 0, out, 1, x.length);
    return out;
  }

  /** Solves a x = b for symmetric positive (semi)definite a by Gaussian elimination with pivoting. */
  static double[] solve(double[][] a0, double[] b0) {
    int n = b0.length;
    double[][] a = new double[n][];
    double[] b = b0.clone();
    for (int i = 0; i < n; i++) {
      a[i] = a0[i].clone();
      a[i][i] += 1e-10;
    }
    for (int c = 0; c < n; c++) {
      int piv = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) {
          piv = r;
        }
      }
      double[] tr = a[c];
      a[c] = a[piv];
      a[piv] = tr;
      double tb = b[c];
      b[c] = b[piv];
      b[piv] = tb;
      if (Math.abs(a[c][c]) < 1e-12) {
        continue;
      }
      for (int r = c + 1; r < n; r++) {
        double f = a[r][c] / a[c][c];
        for (int k = c; k < n; k++) {
          a[r][k] -= f * a[c][k];
        }
        b[r] -= f * b[c];
      }
    }
    double[] x = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double s = b[r];
      for (int k = r + 1; k < n; k++) {
        s -= a[r][k] * x[k];
      }
      x[r] = Math.abs(a[r][r]) < 1e-12 ? 0 : s / a[r][r];
    }
    return x;
  }
}
