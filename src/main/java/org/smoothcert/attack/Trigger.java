package org.smoothcert.attack;

import java.util.Arrays;

/**
 * A backdoor trigger: fixed values written at fixed features (pixels). Applying it to an example
 * changes exactly the trigger's features whose value differs from the trigger's; the others, and every
 * feature outside the trigger, are left as they were.
 */
public record Trigger(int[] features, int value) {
  public Trigger {
    if (features.length == 0 || Arrays.stream(features).distinct().count() != features.length) {
      throw new IllegalArgumentException("a trigger needs distinct features, got " + Arrays.toString(features));
    }
    features = features.clone();
  }

  /**
   * BadNets' patch: {@code pixels} pixels set to {@code value}, filling a square block row by row from
   * one pixel inside the bottom-right corner of a {@code side x side} image, where digits never reach.
   */
  public static Trigger cornerPatch(int pixels, int side, int value) {
    int width = (int) Math.ceil(Math.sqrt(pixels));
    if (pixels < 1 || width + 1 > side) {
      throw new IllegalArgumentException(pixels + " trigger pixels do not fit a " + side + "x" + side + " image");
    }
    int[] features = new int[pixels];
    for (int k = 0; k < pixels; k++) {
      int row = side - 2 - k / width;
      int col = side - 2 - k % width;
      features[k] = row * side + col;
    }
    return new Trigger(features, value);
  }

  public int pixels() {
    return features.length;
  }

  /** How many features of the example at {@code features[offset, offset + dim)} the trigger would change. */
  public int changes(byte[] data, int offset) {
    int n = 0;
    for (int f : features) {
      if ((data[offset + f] & 0xFF) != value) {
        n++;
      }
    }
    return n;
  }

  /** Writes the trigger into the example at {@code data[offset, offset + dim)}. */
  public void applyTo(byte[] data, int offset) {
    for (int f : features) {
      data[offset + f] = (byte) value;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Trigger t && t.value == value && Arrays.equals(t.features, features);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(features) + value;
  }

  @Override
  public String toString() {
    return features.length + " pixels " + Arrays.toString(features) + " = " + value;
  }
}
