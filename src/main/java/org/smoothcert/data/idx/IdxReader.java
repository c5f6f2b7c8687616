package org.smoothcert.data.idx;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.smoothcert.UserError;
import org.smoothcert.io.HadoopFiles;

/**
 * Reads unsigned-byte IDX files, plain or gzip (told apart by the first two bytes, not by the name).
 * Anything malformed is a {@link UserError} naming the file and the fault; the reader never returns a
 * partial or padded data set.
 */
public final class IdxReader {
  private static final int GZIP_MAGIC_1 = 0x1f;
  private static final int GZIP_MAGIC_2 = 0x8b;
  private static final int BUFFER = 1 << 16;

  private IdxReader() {}

  /** Reads an image file (magic 2051: count, rows, cols) of any image size. */
  public static IdxImages readImages(Path file, Configuration conf) {
    return readImages(file, conf, null);
  }

  /** Reads an image file whose images must be {@code expected}; null accepts any size. */
  public static IdxImages readImages(Path file, Configuration conf, ImageShape expected) {
    try (InputStream in = openDecompressed(file, conf)) {
      int[] sizes = readHeader(file, in, Idx.IMAGE_DIMENSIONS);
      long pixelsPerImage = (long) sizes[1] * sizes[2];
      if (pixelsPerImage == 0 || pixelsPerImage > Idx.MAX_ELEMENTS) {
        throw new UserError(file + ": images of " + sizes[1] + "x" + sizes[2] + " pixels are not supported");
      }
      ImageShape shape = new ImageShape(sizes[1], sizes[2]);
      if (expected != null && !shape.equals(expected)) {
        throw new UserError(file + ": images are " + shape + " pixels, expected " + expected);
      }
      int count = sizes[0];
      byte[] pixels = readBody(file, in, (long) count * shape.pixels(), count + " images of " + shape);
      return new IdxImages(shape, count, pixels);
    } catch (IOException e) {
      throw readError(file, e);
    }
  }

  /** Reads a label file (magic 2049: count), one unsigned byte per label, not range-checked here. */
  public static byte[] readLabels(Path file, Configuration conf) {
    try (InputStream in = openDecompressed(file, conf)) {
      int count = readHeader(file, in, Idx.LABEL_DIMENSIONS)[0];
      return readBody(file, in, count, count + " labels");
    } catch (IOException e) {
      throw readError(file, e);
    }
  }

  private static InputStream openDecompressed(Path file, Configuration conf) throws IOException {
    BufferedInputStream raw = new BufferedInputStream(HadoopFiles.open(file, conf), BUFFER);
    try {
      raw.mark(2);
      boolean gzip = raw.read() == GZIP_MAGIC_1 && raw.read() == GZIP_MAGIC_2;
      raw.reset();
      return gzip ? new BufferedInputStream(new GZIPInputStream(raw, BUFFER), BUFFER) : raw;
    } catch (IOException e) {
      raw.close();
      throw e;
    }
  }

  /** Checks the magic number and returns the size of each dimension. */
  private static int[] readHeader(Path file, InputStream in, int dimensions) throws IOException {
    byte[] magic = in.readNBytes(4);
    if (magic.length < 4) {
      throw new UserError(file + ": truncated: " + magic.length + " bytes, too short for an IDX header");
    }
    if (magic[0] != 0 || magic[1] != 0) {
      throw new UserError(String.format("%s: not an IDX file (it starts with 0x%02x%02x%02x%02x; IDX starts"
          + " with two zero bytes)", file, magic[0], magic[1], magic[2], magic[3]));
    }
    if (magic[2] != Idx.UNSIGNED_BYTE) {
      throw new UserError(String.format("%s: IDX element type 0x%02x is not supported (only 0x08, unsigned"
          + " byte)", file, magic[2]));
    }
    if (magic[3] != dimensions) {
      throw new UserError(file + ": holds " + Idx.describe(magic[3]) + ", expected " + Idx.describe(dimensions));
    }
    byte[] header = in.readNBytes(4 * dimensions);
    if (header.length < 4 * dimensions) {
      throw new UserError(file + ": truncated inside the IDX header (" + dimensions + " sizes expected)");
    }
    ByteBuffer sizes = ByteBuffer.wrap(header);
    int[] result = new int[dimensions];
    for (int d = 0; d < dimensions; d++) {
      result[d] = sizes.getInt();
      if (result[d] < 0) {
        throw new UserError(file + ": IDX header gives a negative size, " + result[d]);
      }
    }
    return result;
  }

  /** Reads exactly {@code length} bytes and then requires the end of the data. */
  private static byte[] readBody(Path file, InputStream in, long length, String what) throws IOException {
    if (length > Idx.MAX_ELEMENTS) {
      throw new UserError(file + ": " + what + " (" + length + " bytes) is more than one array can hold");
    }
    // readNBytes(int) grows its buffer with what actually arrives, so a header announcing more than the
    // file holds costs the bytes that are there, never the announced size.
    byte[] data = in.readNBytes((int) length);
    int read = data.length;
    if (read < length) {
      throw new UserError(file + ": truncated: the header announces " + what + " (" + length
          + " bytes) but only " + read + " bytes follow");
    }
    long extra = in.transferTo(OutputStream.nullOutputStream());
    if (extra > 0) {
      throw new UserError(file + ": " + extra + (extra == 1 ? " byte" : " bytes") + " of trailing garbage after"
          + " the " + what + " the header announces");
    }
    return data;
  }

  private static UserError readError(Path file, IOException e) {
    if (e instanceof EOFException) {
      return new UserError(file + ": truncated: the gzip stream ends early", e);
    }
    if (e instanceof ZipException) {
      return new UserError(file + ": corrupt gzip data: " + e.getMessage(), e);
    }
    return new UserError(file + ": cannot read: " + e.getMessage(), e);
  }
}
