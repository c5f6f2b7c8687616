package org.smoothcert.model;

import java.util.Locale;

/**
 * The hidden layer's activation. As in MLlib, the derivative is a function of the layer's output
 * {@code a}, not of its input. MLlib ships the sigmoid (the only one {@code MultilayerPerceptronClassifier}
 * uses); the MLlib path hands the ReLU to MLlib's own {@code FunctionalLayer} as a function of its own
 * ({@code model.mllib.MlpNetwork}).
 */
public enum Activation {
  /** {@code 1 / (1 + exp(-x))}, derivative {@code (1 - a) a}: MLlib's {@code SigmoidFunction}. */
  SIGMOID {
    @Override
    public double apply(double x) {
      return 1.0 / (1 + Math.exp(-x));
    }

    @Override
    public double derivativeAtOutput(double a) {
      return (1 - a) * a;
    }
  },
  /** {@code max(0, x)}, derivative 1 where the output is positive, else 0. */
  RELU {
    @Override
    public double apply(double x) {
      return x > 0 ? x : 0.0;
    }

    @Override
    public double derivativeAtOutput(double a) {
      return a > 0 ? 1.0 : 0.0;
    }
  };

  public abstract double apply(double x);

  public abstract double derivativeAtOutput(double a);

  /** The value as written in the config: lower case. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
