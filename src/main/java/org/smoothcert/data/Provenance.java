package org.smoothcert.data;

import java.util.List;

/**
 * Where a {@link DataSample} came from, for the run's summary.
 *
 * @param dir the folder read
 * @param drawing which labels were kept and how the examples were drawn and quantized
 * @param oneSplit true when the folder had one split and both sides were drawn from it, disjointly
 * @param sides the training, test and validation sides; validation is drawn from the training split after
 *     the other sides, disjoint from them (empty when no validation examples were asked for)
 */
public record Provenance(String dir, Drawing drawing, boolean oneSplit, DataSample.Sides<Side> sides) implements SampleOrigin {
  /**
   * Which labels were kept and how the examples were drawn and quantized.
   *
   * @param digits the source labels kept, in class order
   */
  public record Drawing(List<Integer> digits, int levels, long seed) {
    public Drawing {
      digits = List.copyOf(digits);
    }
  }

  public List<Integer> digits() {
    return drawing.digits();
  }

  public int levels() {
    return drawing.levels();
  }

  public long seed() {
    return drawing.seed();
  }

  public Side train() {
    return sides.train();
  }

  public Side test() {
    return sides.test();
  }

  public Side validation() {
    return sides.validation();
  }

  @Override
  public List<Integer> sourceIndices(CertifiedPoints points) {
    return (points == CertifiedPoints.VALIDATION ? validation() : test()).sourceIndices();
  }

  /**
   * One side (train, test or validation) of the sample.
   *
   * @param files the split it was drawn from and that split's files
   * @param counts the examples of each class, available and drawn
   * @param sourceIndices index in the split's files of each example drawn, in the order of the rows of
   *     the {@link Examples}
   */
  public record Side(Files files, Counts counts, List<Integer> sourceIndices) {
    public Side {
      sourceIndices = List.copyOf(sourceIndices);
    }

    /**
     * The split a side was drawn from, and its files.
     *
     * @param split the split it was drawn from
     */
    public record Files(Split split, String imagesFile, String labelsFile) {}

    /**
     * A side's examples of each class.
     *
     * @param availablePerClass examples of each class in that split, in the order of the digits
     * @param drawnPerClass examples of each class drawn
     * @param otherDigits examples of that split with a label not chosen, skipped
     */
    public record Counts(List<Integer> availablePerClass, List<Integer> drawnPerClass, int otherDigits) {
      public Counts {
        availablePerClass = List.copyOf(availablePerClass);
        drawnPerClass = List.copyOf(drawnPerClass);
      }
    }

    public Split split() {
      return files.split();
    }

    public String imagesFile() {
      return files.imagesFile();
    }

    public String labelsFile() {
      return files.labelsFile();
    }

    public List<Integer> availablePerClass() {
      return counts.availablePerClass();
    }

    public List<Integer> drawnPerClass() {
      return counts.drawnPerClass();
    }

    public int otherDigits() {
      return counts.otherDigits();
    }
  }
}
