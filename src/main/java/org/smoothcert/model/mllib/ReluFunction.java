package org.smoothcert.model.mllib;

import java.io.Serializable;
import org.apache.spark.ml.ann.ActivationFunction;
import org.smoothcert.model.Activation;
import scala.Function1;

/**
 * The ReLU as MLlib's {@code FunctionalLayer} calls it (boxed {@code Function1[Double, Double]}): MLlib
 * ships only the sigmoid. As in MLlib, the derivative is taken at the layer's output.
 */
final class ReluFunction implements ActivationFunction {
  private static final long serialVersionUID = 1L;

  @Override
  public Function1<Object, Object> eval() {
    return (Function1<Object, Object> & Serializable) x -> Activation.RELU.apply((Double) x);
  }

  @Override
  public Function1<Object, Object> derivative() {
    return (Function1<Object, Object> & Serializable) a -> Activation.RELU.derivativeAtOutput((Double) a);
  }
}
