package org.smoothcert.data;

import java.util.List;
import org.smoothcert.UserError;

/**
 * What data a run uses. Its keys are declared in {@code config.ConfigKeys}, which takes the names below
 * from here: loading the data names them in its own errors.
 *
 * @param dir folder with the MNIST-style IDX files (a Hadoop path; one without a scheme is local)
 * @param digits source labels to keep, in class order ({@code 1,7}: digit 1 is class 0, digit 7 class 1)
 * @param trainSize training examples to draw from the training split
 * @param testSize test examples to draw from the test split
 * @param levels quantization levels K of a pixel (2 = the paper's binarization, 256 = raw pixels)
 * @param seed seed of the sampling; the same seed draws the same examples on any JVM
 * @param sourceClasses how many labels the source has (10 for MNIST); a label outside is an error
 * @param validationSize validation examples to draw from the training split, disjoint from the training
 *     examples (and never from the test split)
 * @param certified which examples are certified: the test examples or the validation examples
 */
public record DataSpec(String dir, List<Integer> digits, int trainSize, int testSize, int levels, long seed,
    int sourceClasses, int validationSize, CertifiedPoints certified) {
  /**
   * A size of {@code all}: the whole split. For the training examples, all of the training split but the
   * validation examples (drawn first); a run resolves the test size to the count it drew.
   */
  public static final int ALL = 0;

  public static final String KEY_DIR = "data.dir";
  public static final String KEY_DIGITS = "data.digits";
  public static final String KEY_TRAIN_SIZE = "data.train-size";
  public static final String KEY_TEST_SIZE = "data.test-size";
  public static final String KEY_VALIDATION_SIZE = "data.validation-size";
  public static final String KEY_CERTIFY_ON = "data.certify-on";

  /** The paper's setting: MNIST 1 vs 7, binarized, 100 training and 1000 test examples. */
  public static final List<Integer> PAPER_DIGITS = List.of(1, 7);
  public static final int PAPER_TRAIN_SIZE = 100;
  public static final int PAPER_TEST_SIZE = 1000;
  public static final int PAPER_LEVELS = 2;
  public static final int MNIST_CLASSES = 10;

  /**
   * Checks what involves two keys, the digits against the source's classes and the certified points
   * against the validation size; each key's own range is checked when it is read ({@code config.ConfigKeys}).
   */
  public DataSpec {
    digits = List.copyOf(new DigitSelection(digits, sourceClasses, KEY_DIGITS).digits());
    if (digits.size() < 2) {
      throw new UserError(KEY_DIGITS + ": choose at least two digits (a classifier needs two classes), got "
          + digits);
    }
    if (certified == CertifiedPoints.VALIDATION && validationSize == 0) {
      throw new UserError(KEY_CERTIFY_ON + " = validation needs " + KEY_VALIDATION_SIZE
          + " above 0: the validation examples are the points certified");
    }
  }

  /** Without validation examples: the test examples are certified. */
  public DataSpec(String dir, List<Integer> digits, int trainSize, int testSize, int levels, long seed,
      int sourceClasses) {
    this(dir, digits, trainSize, testSize, levels, seed, sourceClasses, 0, CertifiedPoints.TEST);
  }

  /** m: how many points are certified (the Bonferroni correction is over them). */
  public int certifiedSize() {
    return certified == CertifiedPoints.VALIDATION ? validationSize : testSize;
  }

  /** The same data read from another folder. */
  public DataSpec inDir(String otherDir) {
    return new DataSpec(otherDir, digits, trainSize, testSize, levels, seed, sourceClasses, validationSize, certified);
  }

  /** The paper's setting on the MNIST files in {@code dir}. */
  public static DataSpec paper(String dir, long seed) {
    return new DataSpec(dir, PAPER_DIGITS, PAPER_TRAIN_SIZE, PAPER_TEST_SIZE, PAPER_LEVELS, seed,
        MNIST_CLASSES);
  }

  public DigitSelection selection() {
    return new DigitSelection(digits, sourceClasses, KEY_DIGITS);
  }
}
