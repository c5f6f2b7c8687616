package org.smoothcert.data.idx;

import org.smoothcert.data.Examples;

/** The size of every image in an IDX image file: {@code rows x cols} unsigned bytes. */
public record ImageShape(int rows, int cols) {
  public ImageShape {
    if (rows <= 0 || cols <= 0 || (long) rows * cols > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("rows=" + rows + ", cols=" + cols);
    }
  }

  /** Pixels per image: the {@link Examples#dim()} of examples made from these images. */
  public int pixels() {
    return rows * cols;
  }

  @Override
  public String toString() {
    return rows + "x" + cols;
  }
}
