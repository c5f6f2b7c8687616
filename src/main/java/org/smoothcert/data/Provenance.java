package org.smoothcert.data;

import java.util.List;

/**
 * Where a {@link DataSample} came from, for the run's summary.
 *
 * @param dir the folder read
 * @param digits the source labels kept, in class order
 * @param oneSplit true when the folder had one split and both sides were drawn from it, disjointly
 * @param validation drawn from the training split after the other sides, disjoint from them (empty when no
 *     validation examples were asked for)
 */
public record Provenance(String dir, List<Integer> digits, int levels, long seed, boolean oneSplit, Side train,
    Side test, Side validation) implements SampleOrigin {
  public Provenance {
    digits = List.copyOf(digits);
  }

  @Override
  public List<Integer> sourceIndices(CertifiedPoints points) {
    return (points == CertifiedPoints.VALIDATION ? validation : test).sourceIndices();
  }

  /**
   * One side (train, test or validation) of the sample.
   *
   * @param split the split it was drawn from
   * @param availablePerClass examples of each class in that split, in the order of the digits
   * @param drawnPerClass examples of each class drawn
   * @param otherDigits examples of that split with a label not chosen, skipped
   * @param sourceIndices index in the split's files of each example drawn, in the order of the rows of
   *     the {@link Examples}
   */
  public record Side(Split split, String imagesFile, String labelsFile, List<Integer> availablePerClass,
      List<Integer> drawnPerClass, int otherDigits, List<Integer> sourceIndices) {
    public Side {
      availablePerClass = List.copyOf(availablePerClass);
      drawnPerClass = List.copyOf(drawnPerClass);
      sourceIndices = List.copyOf(sourceIndices);
    }
  }
}
