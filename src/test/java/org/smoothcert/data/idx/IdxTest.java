package org.smoothcert.data.idx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smoothcert.data.idx.IdxFixtures.CONF;
import static org.smoothcert.data.idx.IdxFixtures.file;
import static org.smoothcert.data.idx.IdxFixtures.gzip;
import static org.smoothcert.data.idx.IdxFixtures.idx;
import static org.smoothcert.data.idx.IdxFixtures.images;
import static org.smoothcert.data.idx.IdxFixtures.labels;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smoothcert.UserError;
import org.smoothcert.data.tools.IdxWriter;
import org.smoothcert.io.HadoopFiles;

class IdxTest {
  private static final byte[] PIXELS = {0, 1, 127, (byte) 128, (byte) 254, (byte) 255, 3, 4, 5, 6, 7, 8};
  private static final byte[] LABELS = {9, 0};

  @TempDir java.nio.file.Path tmp;

  /**
   * A header announcing 2.7 million 28x28 images (2.1 GB) over a file of a few bytes fails as truncated,
   * having allocated only about what the file holds (measured on this thread), plain or gzip.
   */
  @ParameterizedTest(name = "gzip {0}")
  @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
  void aHeaderAnnouncingFarMoreThanTheFileHoldsAllocatesNothingLikeIt(boolean compressed) {
    byte[] plain = images(2_700_000, 28, 28, new byte[1000]);
    Path file = file(tmp, compressed ? "huge.gz" : "huge", compressed ? gzip(plain) : plain);
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    UserError e = assertThrows(UserError.class, () -> IdxReader.readImages(file, CONF));
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertTrue(e.getMessage().contains("truncated: the header announces 2700000 images of 28x28"
        + " (2116800000 bytes) but only 1000 bytes follow"), e.getMessage());
    assertTrue(allocated < 64L << 20, allocated + " bytes allocated to read a 1,016-byte file");
  }

  @Test
  void writtenFilesReadBack() throws IOException {
    Path images = new Path(tmp.resolve("out/images.gz").toUri());
    Path labels = new Path(tmp.resolve("out/labels.gz").toUri());
    IdxWriter.writeImages(images, CONF, new ImageShape(2, 3), 2, PIXELS);
    IdxWriter.writeLabels(labels, CONF, LABELS);

    IdxImages read = IdxReader.readImages(images, CONF);
    assertEquals(new ImageShape(2, 3), read.shape());
    assertEquals(2, read.count());
    assertArrayEquals(PIXELS, read.pixels());
    assertEquals(255, read.pixel(0, 5));
    assertEquals(8, read.pixel(1, 5));
    assertArrayEquals(LABELS, IdxReader.readLabels(labels, CONF));
    // Written as gzip, and nothing else left in the folder: no .crc side file, no temporary file.
    assertEquals(0x1f, Files.readAllBytes(tmp.resolve("out/images.gz"))[0]);
    try (Stream<java.nio.file.Path> files = Files.list(tmp.resolve("out"))) {
      assertEquals(List.of("images.gz", "labels.gz"), files.map(f -> f.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void writtenBytesAreTheDecompressedIdxAndDeterministic() throws IOException {
    Path first = new Path(tmp.resolve("a").toUri());
    Path second = new Path(tmp.resolve("b").toUri());
    String idxSha = IdxWriter.writeImages(first, CONF, new ImageShape(2, 3), 2, PIXELS);
    IdxWriter.writeImages(second, CONF, new ImageShape(2, 3), 2, PIXELS);

    assertArrayEquals(Files.readAllBytes(tmp.resolve("a")), Files.readAllBytes(tmp.resolve("b")));
    Path plain = file(tmp, "plain", images(2, 2, 3, PIXELS));
    assertEquals(HadoopFiles.sha256(plain, CONF), idxSha);
  }

  @Test
  void rewritingReplacesTheFileAndAStaleChecksum() throws IOException {
    Path labels = new Path(tmp.resolve("labels.gz").toUri());
    IdxWriter.writeLabels(labels, CONF, new byte[] {1, 2, 3});
    // A .crc left by an earlier checksummed write would fail the next read through the local FS.
    Files.write(tmp.resolve(".labels.gz.crc"), new byte[] {'c', 'r', 'c', 0, 0, 0, 2, 0, 1, 2, 3, 4});
    IdxWriter.writeLabels(labels, CONF, LABELS);

    assertArrayEquals(LABELS, IdxReader.readLabels(labels, CONF));
    assertTrue(Files.notExists(tmp.resolve(".labels.gz.crc")));
  }

  @Test
  void aFailedWriteLeavesTheOldFileAndNoTemporaryOne() throws IOException {
    Path labels = new Path(tmp.resolve("labels.gz").toUri());
    IdxWriter.writeLabels(labels, CONF, LABELS);
    UserError e = assertThrows(UserError.class, () -> HadoopFiles.writeAtomically(labels, CONF, out -> {
      out.write(1);
      throw new IOException("disk full");
    }));
    assertEquals(labels + ": cannot write: disk full", e.getMessage());
    assertArrayEquals(LABELS, IdxReader.readLabels(labels, CONF));
    try (Stream<java.nio.file.Path> files = Files.list(tmp)) {
      assertEquals(List.of("labels.gz"), files.map(f -> f.getFileName().toString()).toList());
    }
  }

  @Test
  void plainAndGzipAreToldApartByContentNotName() {
    byte[] plain = images(2, 2, 3, PIXELS);
    for (Path file : List.of(file(tmp, "plain.gz", plain), file(tmp, "zipped", gzip(plain)))) {
      assertArrayEquals(PIXELS, IdxReader.readImages(file, CONF).pixels(), file.toString());
    }
    assertArrayEquals(LABELS, IdxReader.readLabels(file(tmp, "labels", labels(LABELS)), CONF));
  }

  @Test
  void emptyFilesAreValid() {
    assertEquals(0, IdxReader.readImages(file(tmp, "none", images(0, 28, 28, new byte[0])), CONF).count());
    assertEquals(0, IdxReader.readLabels(file(tmp, "nolabels", labels(new byte[0])), CONF).length);
  }

  @Test
  void relativePathsAreLocal() {
    Path resolved = HadoopFiles.resolve("some/relative/folder", CONF);
    assertEquals("file", resolved.toUri().getScheme());
    assertEquals(new java.io.File("some/relative/folder").getAbsolutePath(), resolved.toUri().getPath());
    assertEquals("hdfs", HadoopFiles.resolve("hdfs://namenode:8020/mnist", CONF).toUri().getScheme());
  }

  static Stream<Arguments> malformedImageFiles() {
    byte[] good = images(2, 2, 3, PIXELS);
    return Stream.of(
        Arguments.of("empty", new byte[0], "truncated"),
        Arguments.of("header cut", Arrays.copyOf(good, 9), "truncated inside the IDX header"),
        Arguments.of("data cut", Arrays.copyOf(good, good.length - 1), "only 11 bytes follow"),
        Arguments.of("data cut, gzip", gzip(Arrays.copyOf(good, good.length - 1)), "only 11 bytes follow"),
        Arguments.of("gzip stream cut", Arrays.copyOf(gzip(good), gzip(good).length - 10), "gzip stream ends early"),
        Arguments.of("gzip corrupt", corruptGzip(good), "corrupt gzip"),
        Arguments.of("trailing garbage", concat(good, new byte[] {1, 2, 3}), "3 bytes of trailing garbage"),
        Arguments.of("trailing garbage, gzip", gzip(concat(good, new byte[] {1})), "1 byte of trailing garbage"),
        Arguments.of("labels magic", labels(LABELS), "holds labels (magic 2049"),
        Arguments.of("not idx", "P5\n28 28\n255\n".getBytes(), "not an IDX file"),
        Arguments.of("int type", idx(0x0C, new byte[48], 2, 2, 3), "element type 0x0c is not supported"),
        Arguments.of("negative size", idx(0x08, new byte[0], -1, 2, 3), "negative size"),
        Arguments.of("zero rows", idx(0x08, new byte[0], 2, 0, 3), "images of 0x3 pixels are not supported"),
        Arguments.of("huge images", idx(0x08, new byte[0], 1, 65536, 65536), "65536x65536 pixels are not"),
        Arguments.of("too many", idx(0x08, new byte[0], 70000, 28 * 28, 28 * 28), "more than one array"),
        Arguments.of("wrong size", images(2, 3, 2, PIXELS), "images are 3x2 pixels, expected 2x3"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedImageFiles")
  void malformedImagesAreOneUserErrorNamingTheFile(String name, byte[] bytes, String fault) {
    Path file = file(tmp, name.replace(' ', '-'), bytes);
    ImageShape expected = name.equals("wrong size") ? new ImageShape(2, 3) : null;
    UserError e = assertThrows(UserError.class, () -> IdxReader.readImages(file, CONF, expected));
    assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
    assertTrue(e.getMessage().contains(fault), e.getMessage());
  }

  static Stream<Arguments> malformedLabelFiles() {
    return Stream.of(
        Arguments.of("images magic", images(2, 2, 3, PIXELS), "holds images (magic 2051"),
        Arguments.of("cut", Arrays.copyOf(labels(LABELS), 9), "header announces 2 labels (2 bytes) but only 1"),
        Arguments.of("garbage", concat(labels(LABELS), new byte[] {7}), "trailing garbage after the 2 labels"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedLabelFiles")
  void malformedLabelsAreOneUserErrorNamingTheFile(String name, byte[] bytes, String fault) {
    Path file = file(tmp, name, bytes);
    UserError e = assertThrows(UserError.class, () -> IdxReader.readLabels(file, CONF));
    assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
    assertTrue(e.getMessage().contains(fault), e.getMessage());
  }

  @Test
  void missingFileAndFolderAreUserErrors() throws IOException {
    Path missing = new Path(tmp.resolve("missing").toUri());
    assertEquals(missing + ": no such file",
        assertThrows(UserError.class, () -> IdxReader.readLabels(missing, CONF)).getMessage());
    Files.createDirectory(tmp.resolve("folder"));
    Path folder = new Path(tmp.resolve("folder").toUri());
    assertTrue(assertThrows(UserError.class, () -> IdxReader.readImages(folder, CONF)).getMessage()
        .startsWith(folder + ": is a folder"));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  /** A gzip stream whose deflate block header is invalid (block type 3 is reserved). */
  private static byte[] corruptGzip(byte[] plain) {
    byte[] z = gzip(plain);
    z[10] = (byte) 0xff;
    return z;
  }
}
