package io.newsmon.processor;

import java.util.Arrays;
import java.util.List;

/**
 * Weighted logistic regression over many sparse binary features (the hashed word n-grams of decision
 * 0042) on top of a fixed offset per example (the log-odds of a model already fitted), with an L2
 * penalty and no bias of its own: where an example has no feature with a weight, its log-odds are the
 * offset. Fitted by L-BFGS with a backtracking line search: Newton's method ({@link LogisticFit}) would
 * need a Hessian of the size of the n-gram buckets squared.
 */
final class SparseLogisticFit {

  static final int MAX_ITERATIONS = 400;
  static final int MEMORY = 10;

  /** One example: its offset, the indices of its sparse features (each worth {@code sparseValue}). */
  record Row(double offset, int[] sparse, double sparseValue, boolean y, double weight) {}

  private SparseLogisticFit() {}

  /** One weight per sparse index ({@code sparseSize}). */
  static double[] fit(List<Row> rows, int sparseSize, double l2) {
    int d = sparseSize;
    double[] theta = new double[d];
    double[] grad = new double[d];
    double loss = evaluate(rows, theta, l2, grad);
    double[][] s = new double[MEMORY][];
    double[][] yv = new double[MEMORY][];
    double[] rho = new double[MEMORY];
    int stored = 0;
    double[] next = new double[d];
    double[] nextGrad = new double[d];
    for (int iter = 0; iter < MAX_ITERATIONS; iter++) {
      double[] dir = direction(grad, s, yv, rho, stored);
      double slope = dot(dir, grad);
      if (slope >= 0) {
        // not a descent direction: start again from the gradient
        stored = 0;
        dir = direction(grad, s, yv, rho, 0);
        slope = dot(dir, grad);
      }
      double step = iter == 0 ? 1 / Math.max(1, norm(grad)) : 1;
      double nextLoss;
      while (true) {
        for (int j = 0; j < d; j++) {
          next[j] = theta[j] + step * dir[j];
        }
        nextLoss = evaluate(rows, next, l2, nextGrad);
        if (nextLoss <= loss + 1e-4 * step * slope || step < 1e-12) {
          break;
        }
        step /= 2;
      }
      double[] sk = new double[d];
      double[] yk = new double[d];
      for (int j = 0; j < d; j++) {
        sk[j] = next[j] - theta[j];
        yk[j] = nextGrad[j] - grad[j];
      }
      double sy = dot(sk, yk);
      double change = Math.abs(loss - nextLoss) / Math.max(1, Math.abs(loss));
      System.arraycopy(next, 0, theta, 0, d);
      System.arraycopy(nextGrad, 0, grad, 0, d);
      loss = nextLoss;
      if (sy > 1e-12) {
        // the pairs oldest first; the oldest is dropped when memory is full
        if (stored == MEMORY) {
          System.arraycopy(s, 1, s, 0, MEMORY - 1);
          System.arraycopy(yv, 1, yv, 0, MEMORY - 1);
          System.arraycopy(rho, 1, rho, 0, MEMORY - 1);
          stored--;
        }
        s[stored] = sk;
        yv[stored] = yk;
        rho[stored] = 1 / sy;
        stored++;
      }
      if (change < 1e-9 || norm(grad) < 1e-6) {
        break;
      }
    }
    return theta;
  }

  /** The penalised weighted log loss at {@code theta}; its gradient into {@code grad}. */
  private static double evaluate(List<Row> rows, double[] theta, double l2, double[] grad) {
    Arrays.fill(grad, 0);
    double loss = 0;
    for (Row r : rows) {
      double t = 0;
      for (int b : r.sparse()) {
        t += theta[b];
      }
      double z = r.offset() + t * r.sparseValue();
      double p = 1 / (1 + Math.exp(-z));
      // log(1 + e^-z) and log(1 + e^z), stable for large |z|
      loss += r.weight() * (r.y() ? softplus(-z) : softplus(z));
      double gs = r.weight() * (p - (r.y() ? 1 : 0)) * r.sparseValue();
      for (int b : r.sparse()) {
        grad[b] += gs;
      }
    }
    for (int j = 0; j < theta.length; j++) {
      loss += 0.5 * l2 * theta[j] * theta[j];
      grad[j] += l2 * theta[j];
    }
    return loss;
  }

  private static double softplus(double x) {
    return x > 30 ? x : Math.log1p(Math.exp(x));
  }

  /** The L-BFGS two-loop recursion: minus the approximate inverse Hessian times the gradient. */
  private static double[] direction(double[] grad, double[][] s, double[][] y, double[] rho, int stored) {
    double[] q = new double[grad.length];
    for (int j = 0; j < q.length; j++) {
      q[j] = -grad[j];
    }
    double[] alpha = new double[stored];
    for (int k = stored - 1; k >= 0; k--) {
      alpha[k] = rho[k] * dot(s[k], q);
      axpy(-alpha[k], y[k], q);
    }
    if (stored > 0) {
      double scale = dot(s[stored - 1], y[stored - 1]) / dot(y[stored - 1], y[stored - 1]);
      for (int j = 0; j < q.length; j++) {
        q[j] *= scale;
      }
    }
    for (int k = 0; k < stored; k++) {
      double beta = rho[k] * dot(y[k], q);
      axpy(alpha[k] - beta, s[k], q);
    }
    return q;
  }

  private static void axpy(double a, double[] x, double[] y) {
    for (int j = 0; j < y.length; j++) {
      y[j] += a * x[j];
    }
  }

  private static double dot(double[] a, double[] b) {
    double t = 0;
    for (int j = 0; j < a.length; j++) {
      t += a[j] * b[j];
    }
    return t;
  }

  private static double norm(double[] a) {
    return Math.sqrt(dot(a, a));
  }
}
