package org.smoothcert.model.mllib;

import breeze.linalg.DenseMatrix;
import breeze.linalg.DenseMatrix$mcD$sp;
import breeze.linalg.DenseVector;
import breeze.linalg.DenseVector$;
import breeze.linalg.DenseVector$mcD$sp;
import breeze.optimize.CachedDiffFunction;
import breeze.optimize.DiffFunction;
import breeze.optimize.FirstOrderMinimizer;
import breeze.optimize.LBFGS;
import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaConversionException;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import scala.Tuple2;
import scala.collection.Iterator;
import org.smoothcert.model.Minimizer;
import org.smoothcert.model.MlpConfig;
import scala.reflect.ClassTag$;

/**
 * The one place that speaks Scala to Breeze. It builds Breeze's double matrices for MLlib's ANN code,
 * and runs Breeze's L-BFGS on a plain-Java {@link Objective} the way mllib's
 * {@code optimization.LBFGS.runLBFGS} does: {@code new LBFGS(maxIter, m, tol)} on a
 * {@link CachedDiffFunction}, iterated to the last state.
 *
 * <p>Two Scala details make this class necessary. Implicits are passed by hand (the vector space and
 * the copy operation of {@code DenseVector[Double]}), and the specialised {@code $mcD$sp} classes are
 * constructed directly. And javac cannot implement {@link DiffFunction}: its {@code double apply(T)}
 * clashes with {@code Function1.apply}, which Scala reconciles with bridge methods javac does not
 * write. So the DiffFunction is spun by {@link LambdaMetafactory} around {@link Calculation#calculate},
 * the one abstract method Breeze's L-BFGS and CachedDiffFunction call (they use {@code calculate},
 * {@code valueAt}, {@code gradientAt}; calling {@code apply} on it would fail with
 * AbstractMethodError). The lambda class is spun once, in the static initialiser: spinning one per
 * model would define a new class for each of the thousands of models a task trains.
 */
public final class BreezeAdapter implements Minimizer {
  private static final MethodHandle NEW_DIFF_FUNCTION = diffFunctionFactory();

  private final LBFGS<DenseVector<Object>> lbfgs;

  public BreezeAdapter(int maxIter, int memory, double tol) {
    this.lbfgs = new LBFGS<>(maxIter, memory, tol, DenseVector$.MODULE$.space_Double());
  }

  /** Breeze's L-BFGS as fit() configures it: the learner's maxIter, memory and tol. */
  public BreezeAdapter(MlpConfig config) {
    this(config.maxIter(), config.lbfgsMemory(), config.tol());
  }

  /** A column-major {@code rows x cols} view of {@code data} starting at {@code offset}; no copy. */
  static DenseMatrix<Object> matrix(int rows, int cols, double[] data, int offset) {
    return new DenseMatrix$mcD$sp(rows, cols, data, offset);
  }

  /** The backing array of a matrix MLlib allocated itself (offset 0, column-major, not transposed). */
  static double[] data(DenseMatrix<Object> m) {
    if (m.offset() != 0 || m.isTranspose()) {
      throw new IllegalArgumentException("expected a plain matrix, got offset " + m.offset());
    }
    return m.data$mcD$sp();
  }

  @Override
  public Minimum minimize(Objective objective, double[] initial) {
    Calculation calculation = new Calculation(objective);
    DiffFunction<DenseVector<Object>> cached = new CachedDiffFunction<>(
        diffFunction(calculation), DenseVector$.MODULE$.canCopyDenseVector(ClassTag$.MODULE$.Double()));
    Iterator<FirstOrderMinimizer.State<DenseVector<Object>, Object, Object>> states =
        lbfgs.iterations(cached, new DenseVector$mcD$sp(initial.clone()));
    FirstOrderMinimizer.State<DenseVector<Object>, Object, Object> state = states.next();
    while (states.hasNext()) {
      state = states.next();
    }
    return new Minimum(toArray(state.x()), state.iter(), calculation.evaluations, calculation.nanos);
  }

  private static double[] toArray(DenseVector<Object> v) {
    double[] data = v.data$mcD$sp();
    if (v.offset() == 0 && v.stride() == 1 && data.length == v.length()) {
      return data;
    }
    double[] copy = new double[v.length()];
    for (int i = 0; i < copy.length; i++) {
      copy[i] = v.apply$mcD$sp(i);
    }
    return copy;
  }

  @SuppressWarnings("unchecked")
  private static DiffFunction<DenseVector<Object>> diffFunction(Calculation calculation) {
    try {
      return (DiffFunction<DenseVector<Object>>) NEW_DIFF_FUNCTION.invoke(calculation);
    } catch (Throwable t) {
      throw new IllegalStateException("cannot create Breeze DiffFunction", t);
    }
  }

  private static MethodHandle diffFunctionFactory() {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      MethodType calculate = MethodType.methodType(Tuple2.class, Object.class);
      CallSite site = LambdaMetafactory.metafactory(
          lookup,
          "calculate",
          MethodType.methodType(DiffFunction.class, Calculation.class),
          calculate,
          lookup.findVirtual(Calculation.class, "calculate", calculate),
          calculate);
      return site.getTarget();
    } catch (ReflectiveOperationException | LambdaConversionException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Breeze's {@code calculate(x): (value, gradient)} over an {@link Objective}, counting calls. */
  private static final class Calculation {
    private final Objective objective;
    private int evaluations;
    private long nanos;

    Calculation(Objective objective) {
      this.objective = objective;
    }

    @SuppressWarnings("unchecked")
    Tuple2<Object, DenseVector<Object>> calculate(Object x) {
      evaluations++;
      long start = System.nanoTime();
      double[] gradient = new double[((DenseVector<Object>) x).length()];
      double value = objective.valueAndGradient(toArray((DenseVector<Object>) x), gradient);
      nanos += System.nanoTime() - start;
      return new Tuple2<>(value, new DenseVector$mcD$sp(gradient));
    }
  }
}
