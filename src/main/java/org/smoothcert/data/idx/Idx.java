package org.smoothcert.data.idx;

/**
 * The IDX format as MNIST uses it (see data/mnist/README.md): a 32-bit big-endian magic number
 * (two zero bytes, an element type, the number of dimensions), one 32-bit big-endian size per
 * dimension, then the elements in row-major order.
 */
public final class Idx {
  public static final int UNSIGNED_BYTE = 0x08;
  public static final int IMAGE_DIMENSIONS = 3;
  public static final int LABEL_DIMENSIONS = 1;
  /** The largest array a JVM reliably allocates. */
  public static final int MAX_ELEMENTS = Integer.MAX_VALUE - 8;

  private Idx() {}

  public static int magic(int dimensions) {
    return (UNSIGNED_BYTE << 8) | dimensions;
  }

  /** What an unsigned-byte IDX file with this many dimensions holds, for messages. */
  public static String describe(int dimensions) {
    return switch (dimensions) {
      case IMAGE_DIMENSIONS -> "images (magic " + magic(dimensions) + ", 3 dimensions)";
      case LABEL_DIMENSIONS -> "labels (magic " + magic(dimensions) + ", 1 dimension)";
      default -> "magic " + magic(dimensions) + " (" + dimensions + " dimensions)";
    };
  }
}
