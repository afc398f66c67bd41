package org.clientele.predict.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.MaxIter;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleValueChecker;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunctionGradient;
import org.hipparchus.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer;

/**
 * Maximum likelihood with Hipparchus: the log-likelihood is maximised over the logarithms of the
 * (positive) parameters by Polak–Ribière non-linear conjugate gradients with the analytic
 * gradient; the standard errors come from the observed information (the Hessian of the
 * log-likelihood by central differences of the analytic gradient, in log space, then by the
 * delta method in natural units).
 *
 * @since 0.1.0
 */
public final class Fitting {

  /** Gradient norm, per customer and per log-parameter, below which a fit counts as converged. */
  static final double GRADIENT_TOLERANCE = 1e-5;

  private Fitting() {}

  /**
   * A log-likelihood with its gradient in natural parameters.
   *
   * @since 0.1.0
   */
  @FunctionalInterface
  public interface Objective {

    /**
     * Evaluates the log-likelihood.
     *
     * @param theta the parameters, all positive
     * @param gradient receives dLL/dθ
     * @return the log-likelihood (may be −∞ or NaN where the model is undefined)
     * @since 0.1.0
     */
    double evaluate(double[] theta, double[] gradient);
  }

  /**
   * The outcome of a fit.
   *
   * @param theta the estimate
   * @param logLikelihood the log-likelihood at the estimate
   * @param standardErrors one per parameter; NaN when the information matrix is singular
   * @param converged whether the optimiser stopped at a point with a vanishing gradient
   * @param evaluations likelihood evaluations used
   * @param warnings what a user should know about the fit
   * @since 0.1.0
   */
  public record Result(
      double[] theta,
      double logLikelihood,
      double[] standardErrors,
      boolean converged,
      int evaluations,
      List<String> warnings) {

    /**
     * Copies the arrays and the list.
     *
     * @param theta the estimate
     * @param logLikelihood the log-likelihood at the estimate
     * @param standardErrors one per parameter; NaN when the information matrix is singular
     * @param converged whether the optimiser stopped at a point with a vanishing gradient
     * @param evaluations likelihood evaluations used
     * @param warnings what a user should know about the fit
     */
    public Result {
      theta = theta.clone();
      standardErrors = standardErrors.clone();
      warnings = List.copyOf(warnings);
    }

    @Override
    public double[] theta() {
      return theta.clone();
    }

    @Override
    public double[] standardErrors() {
      return standardErrors.clone();
    }
  }

  /**
   * Maximises a log-likelihood.
   *
   * @param objective the log-likelihood and its gradient
   * @param start a starting point, all positive
   * @param customers the number of customers (scales the objective to one per customer)
   * @param names the parameter names, for warnings
   * @return the estimate, its standard errors and the diagnostics
   * @since 0.1.0
   */
  public static Result maximise(Objective objective, double[] start, double customers, String[] names) {
    int n = start.length;
    Cache cache = new Cache(objective, n, customers);
    double[] phi0 = new double[n];
    for (int i = 0; i < n; i++) {
      phi0[i] = Math.log(start[i]);
    }
    List<String> warnings = new ArrayList<>();
    NonLinearConjugateGradientOptimizer optimizer =
        new NonLinearConjugateGradientOptimizer(
            NonLinearConjugateGradientOptimizer.Formula.POLAK_RIBIERE,
            new SimpleValueChecker(1e-14, 1e-14),
            1e-12, 1e-12, 0.5);
    boolean stopped = false;
    try {
      PointValuePair p =
          optimizer.optimize(
              new MaxEval(50_000),
              new MaxIter(5_000),
              new InitialGuess(phi0),
              new ObjectiveFunction(cache::value),
              new ObjectiveFunctionGradient(cache::gradient),
              GoalType.MINIMIZE);
      cache.offer(p.getPoint());
    } catch (MathIllegalStateException e) {
      stopped = true;
      warnings.add("the optimiser stopped before converging (" + e.getMessage() + ")");
    }
    double[] phi = cache.best.clone();
    double[] g = cache.gradientAt(phi);
    double gmax = 0;
    for (double v : g) {
      gmax = Math.max(gmax, Math.abs(v));
    }
    boolean converged = !stopped && Double.isFinite(cache.bestValue) && gmax < GRADIENT_TOLERANCE;
    if (!stopped && !converged) {
      warnings.add(String.format(java.util.Locale.ROOT,
          "the fit did not converge: the gradient per customer is still %.2g", gmax));
    }
    double[] theta = new double[n];
    for (int i = 0; i < n; i++) {
      theta[i] = Math.exp(phi[i]);
      if (Math.abs(phi[i]) > 18) {
        warnings.add(names[i] + " = " + theta[i] + " runs to the edge of the parameter space:"
            + " the data cannot identify it");
      }
    }
    double[] se = standardErrors(cache, phi, theta, customers, names, warnings);
    return new Result(theta, -cache.bestValue * customers, se, converged, cache.evaluations, warnings);
  }

  private static double[] standardErrors(
      Cache cache, double[] phi, double[] theta, double customers, String[] names, List<String> warnings) {
    int n = phi.length;
    double[][] h = new double[n][n];
    for (int j = 0; j < n; j++) {
      double step = 1e-4;
      double[] up = phi.clone();
      double[] down = phi.clone();
      up[j] += step;
      down[j] -= step;
      double[] gu = cache.gradientAt(up);
      double[] gd = cache.gradientAt(down);
      for (int i = 0; i < n; i++) {
        // the cache holds the gradient of −LL / customers; the information is the Hessian of −LL
        h[i][j] = (gu[i] - gd[i]) / (2 * step) * customers;
      }
    }
    RealMatrix info = MatrixUtils.createRealMatrix(n, n);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        info.setEntry(i, j, 0.5 * (h[i][j] + h[j][i]));
      }
    }
    double[] se = new double[n];
    try {
      RealMatrix cov = new CholeskyDecomposition(info, 1e-12, 1e-14).getSolver().getInverse();
      for (int i = 0; i < n; i++) {
        se[i] = theta[i] * Math.sqrt(cov.getEntry(i, i));
      }
    } catch (RuntimeException e) {
      Arrays.fill(se, Double.NaN);
      warnings.add("the information matrix is not positive definite: the parameters ("
          + String.join(", ", names) + ") are not identified by these data and have no standard errors");
    }
    return se;
  }

  /** Evaluates once per point, shares value and gradient, remembers the best point. */
  private static final class Cache {
    private final Objective objective;
    private final double customers;
    private final double[] theta;
    private final double[] grad;
    private double[] point = new double[0];
    private double value;
    private final double[] gradient;
    double[] best;
    double bestValue = Double.POSITIVE_INFINITY;
    int evaluations;

    Cache(Objective objective, int n, double customers) {
      this.objective = objective;
      this.customers = customers;
      this.theta = new double[n];
      this.grad = new double[n];
      this.gradient = new double[n];
      this.best = new double[n];
    }

    double value(double[] phi) {
      evaluate(phi);
      return value;
    }

    double[] gradient(double[] phi) {
      evaluate(phi);
      return gradient.clone();
    }

    double[] gradientAt(double[] phi) {
      return gradient(phi);
    }

    void offer(double[] phi) {
      evaluate(phi);
    }

    private void evaluate(double[] phi) {
      if (Arrays.equals(phi, point)) {
        return;
      }
      point = phi.clone();
      evaluations++;
      for (int i = 0; i < theta.length; i++) {
        theta[i] = Math.exp(phi[i]);
        grad[i] = 0;
      }
      double ll = objective.evaluate(theta, grad);
      boolean ok = Double.isFinite(ll);
      for (int i = 0; i < theta.length; i++) {
        double g = -grad[i] * theta[i] / customers;
        ok &= Double.isFinite(g);
        gradient[i] = ok ? g : 0;
      }
      // Outside the model's domain (overflow, a parameter at 0 or infinity) the objective is a wall.
      value = ok ? -ll / customers : 1e30;
      if (ok && value < bestValue) {
        bestValue = value;
        best = point.clone();
      }
    }
  }
}
