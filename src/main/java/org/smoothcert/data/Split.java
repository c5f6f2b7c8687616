package org.smoothcert.data;

/** The two splits of the MNIST distribution and their standard file names. */
public enum Split {
  TRAIN("train", "train"),
  TEST("test", "t10k");

  private final String label;
  private final String filePrefix;

  Split(String label, String filePrefix) {
    this.label = label;
    this.filePrefix = filePrefix;
  }

  /** The standard image file name, without {@code .gz}. */
  public String imagesFileName() {
    return filePrefix + "-images-idx3-ubyte";
  }

  /** The standard label file name, without {@code .gz}. */
  public String labelsFileName() {
    return filePrefix + "-labels-idx1-ubyte";
  }

  @Override
  public String toString() {
    return label;
  }
}
