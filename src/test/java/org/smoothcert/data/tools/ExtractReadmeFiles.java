package org.smoothcert.data.tools;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.smoothcert.io.HadoopFiles;

/** Reads the table of written files back out of an extract's README.md, and checks files against it. */
final class ExtractReadmeFiles {
  /** One row of the table. */
  record Row(long bytes, String sha256, String idxSha256) {}

  private ExtractReadmeFiles() {}

  /** The rows of the "## Files" section, by file name, in order. */
  static Map<String, Row> rows(String readme) {
    String section = readme.substring(readme.indexOf(ExtractReadme.FILES_HEADING));
    section = section.substring(0, section.indexOf("\n## ", 1));
    Map<String, Row> rows = new LinkedHashMap<>();
    for (String line : section.split("\n")) {
      String[] cells = line.split("\\|");
      if (cells.length == 5 && cells[1].strip().endsWith(".gz")) {
        Row row = new Row(Long.parseLong(cells[2].strip()), cells[3].strip(), cells[4].strip());
        rows.put(cells[1].strip(), row);
      }
    }
    return rows;
  }

  static String sha256(java.nio.file.Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return sha256(in);
    }
  }

  static String sha256OfDecompressed(java.nio.file.Path gzipFile) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(gzipFile))) {
      return sha256(in);
    }
  }

  private static String sha256(InputStream in) throws IOException {
    MessageDigest digest = HadoopFiles.newSha256();
    try (DigestInputStream digesting = new DigestInputStream(in, digest)) {
      digesting.transferTo(OutputStream.nullOutputStream());
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
