package org.smoothcert.data.idx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.smoothcert.data.Split;

/** Hand-made IDX bytes and folders for the tests, written without the code under test. */
public final class IdxFixtures {
  public static final Configuration CONF = new Configuration();

  private IdxFixtures() {}

  /** An IDX header (magic bytes 0, 0, type, dims, then the sizes) followed by {@code data}. */
  public static byte[] idx(int type, byte[] data, int... sizes) {
    ByteBuffer b = ByteBuffer.allocate(4 + 4 * sizes.length + data.length);
    b.put((byte) 0).put((byte) 0).put((byte) type).put((byte) sizes.length);
    for (int size : sizes) {
      b.putInt(size);
    }
    return b.put(data).array();
  }

  public static byte[] images(int count, int rows, int cols, byte[] pixels) {
    return idx(0x08, pixels, count, rows, cols);
  }

  public static byte[] labels(byte[] labels) {
    return idx(0x08, labels, labels.length);
  }

  public static byte[] gzip(byte[] plain) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(plain);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Writes {@code bytes} to {@code dir/name} and returns it as a Hadoop path. */
  public static Path file(java.nio.file.Path dir, String name, byte[] bytes) {
    try {
      Files.createDirectories(dir);
      return new Path(Files.write(dir.resolve(name), bytes).toUri());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A split of {@code labels.length} 2x3 images whose pixels encode the example: pixel 0 is the index
   * mod 256, pixel 1 the index / 256, pixel 2 the label, pixels 3 to 5 are 0, 128 and 255.
   */
  public static void split(java.nio.file.Path dir, Split split, byte[] labels, boolean gzip) {
    byte[] pixels = new byte[labels.length * 6];
    for (int i = 0; i < labels.length; i++) {
      byte[] image = {(byte) i, (byte) (i >>> 8), labels[i], 0, (byte) 128, (byte) 255};
      System.arraycopy(image, 0, pixels, 6 * i, 6);
    }
    byte[] images = images(labels.length, 2, 3, pixels);
    byte[] labelFile = labels(labels);
    String suffix = gzip ? ".gz" : "";
    file(dir, split.imagesFileName() + suffix, gzip ? gzip(images) : images);
    file(dir, split.labelsFileName() + suffix, gzip ? gzip(labelFile) : labelFile);
  }

  /** {@code count} labels cycling through 0 to {@code classes - 1}. */
  public static byte[] cyclingLabels(int count, int classes) {
    byte[] labels = new byte[count];
    for (int i = 0; i < count; i++) {
      labels[i] = (byte) (i % classes);
    }
    return labels;
  }
}
