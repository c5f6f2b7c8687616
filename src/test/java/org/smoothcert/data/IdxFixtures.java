package org.smoothcert.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/** Hand-made IDX bytes and folders for the tests, written without the code under test. */
final class IdxFixtures {
  static final Configuration CONF = new Configuration();

  private IdxFixtures() {}

  /** An IDX header (magic bytes 0, 0, type, dims, then the sizes) followed by {@code data}. */
  static byte[] idx(int type, byte[] data, int... sizes) {
    ByteBuffer b = ByteBuffer.allocate(4 + 4 * sizes.length + data.length);
    b.put((byte) 0).put((byte) 0).put((byte) type).put((byte) sizes.length);
    for (int size : sizes) {
      b.putInt(size);
    }
    return b.put(data).array();
  }

  static byte[] images(int count, int rows, int cols, byte[] pixels) {
    return idx(0x08, pixels, count, rows, cols);
  }

  static byte[] labels(byte[] labels) {
    return idx(0x08, labels, labels.length);
  }

  static byte[] gzip(byte[] plain) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(plain);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Writes {@code bytes} to {@code dir/name} and returns it as a Hadoop path. */
  static Path file(java.nio.file.Path dir, String name, byte[] bytes) {
    try {
      Files.createDirectories(dir);
      return new Path(Files.write(dir.resolve(name), bytes).toUri());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
