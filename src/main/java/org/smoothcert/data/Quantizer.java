package org.smoothcert.data;

/**
 * Maps a pixel in 0..255 to one of K levels: {@code level = floor(pixel * K / 256)}. K = 2 is the
 * paper's binarization (pixel / 255 >= 0.5 exactly when pixel >= 128); K = 256 keeps the raw pixel.
 */
public final class Quantizer {
  public static final int MIN_LEVELS = 2;
  public static final int MAX_LEVELS = 256;

  private final int levels;

  public Quantizer(int levels) {
    if (levels < MIN_LEVELS || levels > MAX_LEVELS) {
      throw new IllegalArgumentException("levels must be in [2, 256]: " + levels);
    }
    this.levels = levels;
  }

  public int levels() {
    return levels;
  }

  /** The level of a pixel given as 0..255. */
  public int level(int pixel) {
    return (pixel * levels) >>> 8;
  }
}
