package org.smoothcert.data.tools;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.smoothcert.data.idx.Idx;
import org.smoothcert.data.idx.ImageShape;
import org.smoothcert.io.HadoopFiles;

/**
 * Writes unsigned-byte IDX files, always gzip, atomically (see {@link HadoopFiles#writeAtomically}).
 * The bytes depend only on the data and the JVM's zlib: Java's gzip header carries no file name and a
 * zero time stamp. Each write returns the SHA-256 of the IDX bytes before compression, which does not
 * depend on zlib at all.
 */
public final class IdxWriter {
  private static final int BUFFER = 1 << 16;

  private IdxWriter() {}

  /**
   * Writes {@code count} images of {@code shape}, row-major, as an IDX image file (magic 2051).
   *
   * @return SHA-256 of the uncompressed IDX bytes, lower-case hex
   */
  public static String writeImages(Path file, Configuration conf, ImageShape shape, int count, byte[] pixels) {
    if (pixels.length != (long) count * shape.pixels()) {
      throw new IllegalArgumentException(pixels.length + " pixels for " + count + " images of " + shape);
    }
    return write(file, conf, pixels, Idx.IMAGE_DIMENSIONS, count, shape.rows(), shape.cols());
  }

  /**
   * Writes one unsigned byte per label as an IDX label file (magic 2049).
   *
   * @return SHA-256 of the uncompressed IDX bytes, lower-case hex
   */
  public static String writeLabels(Path file, Configuration conf, byte[] labels) {
    return write(file, conf, labels, Idx.LABEL_DIMENSIONS, labels.length);
  }

  private static String write(Path file, Configuration conf, byte[] data, int dimensions, int... sizes) {
    MessageDigest digest = HadoopFiles.newSha256();
    HadoopFiles.writeAtomically(file, conf, out -> {
      try (DataOutputStream idx = new DataOutputStream(new BufferedOutputStream(
          new DigestOutputStream(new GZIPOutputStream(out, BUFFER), digest), BUFFER))) {
        idx.writeInt(Idx.magic(dimensions));
        for (int size : sizes) {
          idx.writeInt(size);
        }
        idx.write(data);
      }
    });
    return HexFormat.of().formatHex(digest.digest());
  }
}
