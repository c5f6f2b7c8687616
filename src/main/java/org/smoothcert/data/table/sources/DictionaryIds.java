package org.smoothcert.data.table.sources;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The dictionary ids of a dictionary-encoded Parquet page: its bit width (a byte), then runs of the
 * RLE / bit-packing hybrid encoding, decoded here without parquet-column's per-run copies.
 */
final class DictionaryIds {
  private final ByteBuffer in;
  private final int bitWidth;
  private final int[] group = new int[8];
  private int left;
  private boolean repeated;
  private int value;
  private int at = 8;

  DictionaryIds(ByteBuffer in) {
    this.in = in;
    this.bitWidth = in.get() & 0xFF;
  }

  int next() throws IOException {
    if (left == 0) {
      run();
    }
    left--;
    if (repeated) {
      return value;
    }
    if (at == 8) {
      unpack();
    }
    return group[at++];
  }

  /** The next {@code count} ids into {@code out}. */
  void next(int[] out, int count) throws IOException {
    int i = 0;
    while (i < count) {
      if (left == 0) {
        run();
      }
      if (repeated) {
        int n = Math.min(left, count - i);
        java.util.Arrays.fill(out, i, i + n, value);
        left -= n;
        i += n;
      } else {
        if (at == 8) {
          unpack();
        }
        int n = Math.min(Math.min(left, count - i), 8 - at);
        System.arraycopy(group, at, out, i, n);
        at += n;
        left -= n;
        i += n;
      }
    }
  }

  private void run() throws IOException {
    if (!in.hasRemaining()) {
      throw new IOException("a dictionary-encoded page ends before its values");
    }
    int header = varInt();
    repeated = (header & 1) == 0;
    if (repeated) {
      left = header >>> 1;
      value = 0;
      for (int b = 0, bytes = (bitWidth + 7) / 8; b < bytes; b++) {
        value |= (in.get() & 0xFF) << (8 * b);
      }
    } else {
      left = (header >>> 1) * 8;
      at = 8;
    }
  }

  /** Eight values of {@code bitWidth} bits, least significant bit first. */
  private void unpack() {
    if (bitWidth <= 8 && in.remaining() >= bitWidth) {
      long word = 0;
      for (int b = 0; b < bitWidth; b++) {
        word |= (long) (in.get() & 0xFF) << (8 * b);
      }
      int mask = (1 << bitWidth) - 1;
      for (int k = 0; k < 8; k++) {
        group[k] = (int) (word >>> (k * bitWidth)) & mask;
      }
      at = 0;
      return;
    }
    long bits = 0;
    int held = 0;
    int mask = (1 << bitWidth) - 1;
    for (int k = 0; k < 8; k++) {
      while (held < bitWidth) {
        bits |= (long) (in.hasRemaining() ? in.get() & 0xFF : 0) << held;
        held += 8;
      }
      group[k] = (int) (bits & mask);
      bits >>>= bitWidth;
      held -= bitWidth;
    }
    at = 0;
  }

  private int varInt() {
    int result = 0;
    for (int shift = 0; ; shift += 7) {
      int b = in.get() & 0xFF;
      result |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
    }
  }
}
