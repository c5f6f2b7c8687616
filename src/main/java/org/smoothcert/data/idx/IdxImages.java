package org.smoothcert.data.idx;

/** The contents of one IDX image file: {@code count} images of one shape, row-major unsigned bytes. */
public final class IdxImages {
  private final ImageShape shape;
  private final int count;
  private final byte[] pixels;

  IdxImages(ImageShape shape, int count, byte[] pixels) {
    if (pixels.length != (long) count * shape.pixels()) {
      throw new IllegalArgumentException(pixels.length + " pixels for " + count + " images of " + shape);
    }
    this.shape = shape;
    this.count = count;
    this.pixels = pixels;
  }

  public ImageShape shape() {
    return shape;
  }

  public int count() {
    return count;
  }

  /** All images one after the other. Shared, not copied: do not modify. */
  public byte[] pixels() {
    return pixels;
  }

  /** Pixel {@code j} (row-major) of image {@code image}, 0 to 255. */
  public int pixel(int image, int j) {
    return pixels[image * shape.pixels() + j] & 0xFF;
  }
}
