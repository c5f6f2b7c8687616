package org.smoothcert.model;

import java.io.Serializable;
import java.util.Locale;
import org.apache.spark.ml.ann.ActivationFunction;
import org.apache.spark.ml.ann.SigmoidFunction;
import org.smoothcert.UserError;
import scala.Function1;

/**
 * The hidden layer's activation. Both are applied by MLlib's own {@code FunctionalLayer}; MLlib ships
 * the sigmoid (the only one {@code MultilayerPerceptronClassifier} uses), the ReLU is supplied here as
 * an {@link ActivationFunction} for that layer. As in MLlib, the derivative is a function of the
 * layer's output {@code a}, not of its input.
 */
public enum Activation {
  /** {@code 1 / (1 + exp(-x))}, derivative {@code (1 - a) a}: MLlib's {@code SigmoidFunction}. */
  SIGMOID {
    @Override
    double apply(double x) {
      return 1.0 / (1 + Math.exp(-x));
    }

    @Override
    double derivativeAtOutput(double a) {
      return (1 - a) * a;
    }

    @Override
    ActivationFunction mllib() {
      return new SigmoidFunction();
    }
  },
  /** {@code max(0, x)}, derivative 1 where the output is positive, else 0. */
  RELU {
    @Override
    double apply(double x) {
      return x > 0 ? x : 0.0;
    }

    @Override
    double derivativeAtOutput(double a) {
      return a > 0 ? 1.0 : 0.0;
    }

    @Override
    ActivationFunction mllib() {
      return new Relu();
    }
  };

  abstract double apply(double x);

  abstract double derivativeAtOutput(double a);

  /** The function for MLlib's {@code FunctionalLayer}. */
  abstract ActivationFunction mllib();

  /** The value as written in the config: lower case. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Activation parse(String value) {
    for (Activation a : values()) {
      if (a.key().equals(value)) {
        return a;
      }
    }
    throw new UserError(MlpConfig.ACTIVATION + " must be sigmoid or relu, got " + value);
  }

  /** The ReLU as MLlib's {@code FunctionalLayer} calls it (boxed {@code Function1[Double, Double]}). */
  private static final class Relu implements ActivationFunction {
    private static final long serialVersionUID = 1L;

    @Override
    public Function1<Object, Object> eval() {
      return (Function1<Object, Object> & Serializable) x -> RELU.apply((Double) x);
    }

    @Override
    public Function1<Object, Object> derivative() {
      return (Function1<Object, Object> & Serializable) a -> RELU.derivativeAtOutput((Double) a);
    }
  }
}
