package org.smoothcert.data;

import java.util.List;
import org.smoothcert.UserError;

/**
 * What data a run uses, in sections: where the examples come from, how many are drawn, and how they are
 * quantized and sampled. Its keys are declared in {@code config.ConfigKeys}, which takes the names below
 * from here: loading the data names them in its own errors, and {@link #from} reads them by these names.
 *
 * @param source the folder and the labels kept
 * @param sizes how many examples are drawn, and which of them are certified
 * @param levels quantization levels K of a pixel (2 = the paper's binarization, 256 = raw pixels)
 * @param seed seed of the sampling; the same seed draws the same examples on any JVM
 */
public record DataSpec(Source source, Sizes sizes, int levels, long seed) {
  /**
   * Where the examples come from.
   *
   * @param dir folder with the MNIST-style IDX files (a Hadoop path; one without a scheme is local)
   * @param digits source labels to keep, in class order ({@code 1,7}: digit 1 is class 0, digit 7 class 1)
   * @param sourceClasses how many labels the source has (10 for MNIST); a label outside is an error
   */
  public record Source(String dir, List<Integer> digits, int sourceClasses) {
    /** Checks the digits against the source's classes; each key's own range is checked when it is read. */
    public Source {
      digits = List.copyOf(new DigitSelection(digits, sourceClasses, KEY_DIGITS).digits());
      if (digits.size() < 2) {
        throw new UserError(KEY_DIGITS + ": choose at least two digits (a classifier needs two classes), got "
            + digits);
      }
    }

    /** The digits {@code digits} of MNIST (ten labels) in {@code dir}. */
    public static Source mnist(String dir, List<Integer> digits) {
      return new Source(dir, digits, MNIST_CLASSES);
    }
  }

  /**
   * How many examples are drawn.
   *
   * @param train training examples to draw from the training split
   * @param test test examples to draw from the test split
   * @param validation validation examples to draw from the training split, disjoint from the training
   *     examples (and never from the test split)
   * @param certified which examples are certified: the test examples or the validation examples
   */
  public record Sizes(int train, int test, int validation, CertifiedPoints certified) {
    /** Checks the certified points against the validation size. */
    public Sizes {
      if (certified == CertifiedPoints.VALIDATION && validation == 0) {
        throw new UserError(KEY_CERTIFY_ON + " = validation needs " + KEY_VALIDATION_SIZE
            + " above 0: the validation examples are the points certified");
      }
    }

    /** Without validation examples: the test examples are certified. */
    public static Sizes of(int train, int test) {
      return new Sizes(train, test, 0, CertifiedPoints.TEST);
    }
  }

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
  public static final String KEY_LEVELS = "data.levels";
  public static final String KEY_SEED = "data.seed";
  public static final String KEY_SOURCE_CLASSES = "data.source-classes";

  /** The paper's setting: MNIST 1 vs 7, binarized, 100 training and 1000 test examples. */
  public static final List<Integer> PAPER_DIGITS = List.of(1, 7);
  public static final int PAPER_TRAIN_SIZE = 100;
  public static final int PAPER_TEST_SIZE = 1000;
  public static final int PAPER_LEVELS = 2;
  public static final int MNIST_CLASSES = 10;

  /** Reads the {@code data.*} keys of a run (in the order config has always read them) and checks them. */
  public static DataSpec from(KeyValues values) {
    String dir = values.read(KEY_DIR);
    List<Integer> digits = values.read(KEY_DIGITS);
    int trainSize = values.read(KEY_TRAIN_SIZE);
    int testSize = values.read(KEY_TEST_SIZE);
    int levels = values.read(KEY_LEVELS);
    long seed = values.read(KEY_SEED);
    int sourceClasses = values.read(KEY_SOURCE_CLASSES);
    int validationSize = values.read(KEY_VALIDATION_SIZE);
    CertifiedPoints certified = values.read(KEY_CERTIFY_ON);
    return new DataSpec(new Source(dir, digits, sourceClasses),
        new Sizes(trainSize, testSize, validationSize, certified), levels, seed);
  }

  /** The paper's setting on the MNIST files in {@code dir}. */
  public static DataSpec paper(String dir, long seed) {
    return new DataSpec(Source.mnist(dir, PAPER_DIGITS), Sizes.of(PAPER_TRAIN_SIZE, PAPER_TEST_SIZE), PAPER_LEVELS,
        seed);
  }

  /** The same data read from another folder. */
  public DataSpec inDir(String otherDir) {
    return new DataSpec(new Source(otherDir, source.digits(), source.sourceClasses()), sizes, levels, seed);
  }

  /** The same data drawn in other numbers. */
  public DataSpec withSizes(Sizes otherSizes) {
    return new DataSpec(source, otherSizes, levels, seed);
  }

  public String dir() {
    return source.dir();
  }

  public List<Integer> digits() {
    return source.digits();
  }

  public int sourceClasses() {
    return source.sourceClasses();
  }

  public int trainSize() {
    return sizes.train();
  }

  public int testSize() {
    return sizes.test();
  }

  public int validationSize() {
    return sizes.validation();
  }

  public CertifiedPoints certified() {
    return sizes.certified();
  }

  /** m: how many points are certified (the Bonferroni correction is over them). */
  public int certifiedSize() {
    return certified() == CertifiedPoints.VALIDATION ? validationSize() : testSize();
  }

  public DigitSelection selection() {
    return new DigitSelection(source.digits(), source.sourceClasses(), KEY_DIGITS);
  }
}
