package org.smoothcert.data.table.sources;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.smoothcert.UserError;
import org.smoothcert.io.HadoopFiles;

/** The files a table's path names, as every table reader takes them. */
public final class TablePaths {
  private TablePaths() {}

  /**
   * A file, or a folder's files (names starting with _ or . left out) in name order; none may be empty,
   * nor be a folder.
   * A path without a scheme is local, as everywhere in smoothcert, even where the default file system is
   * HDFS. The path is taken literally: no globbing, so [ ] { } * ? in a name name themselves.
   */
  public static List<Path> files(String path, Configuration hadoop) {
    Path p = HadoopFiles.resolve(path, hadoop);
    try {
      FileSystem fs = p.getFileSystem(hadoop);
      FileStatus status = fs.getFileStatus(p);
      List<FileStatus> found = new ArrayList<>();
      if (status.isDirectory()) {
        FileStatus[] listed = Arrays.stream(fs.listStatus(p)).filter(s -> !s.getPath().getName().startsWith("_")
            && !s.getPath().getName().startsWith(".")).toArray(FileStatus[]::new);
        for (FileStatus s : listed) {
          if (s.isDirectory()) {
            // Its rows would be left out unsaid: Spark's reader of the folder reads them, or refuses the layout.
            throw new UserError(path + ": a folder inside the table's folder: " + s.getPath().getName() + " (a"
                + " table is a file, or a folder of files; partitioned folders are not read)");
          }
        }
        Arrays.stream(listed).sorted(Comparator.comparing(s -> s.getPath().getName())).forEach(found::add);
        if (found.isEmpty()) {
          throw new UserError(path + ": a folder without a data file");
        }
      } else {
        found.add(status);
      }
      for (FileStatus file : found) {
        if (file.getLen() == 0) {
          throw new UserError(file.getPath() + ": is empty");
        }
      }
      return found.stream().map(FileStatus::getPath).toList();
    } catch (FileNotFoundException e) {
      throw new UserError(path + ": no such file or folder");
    } catch (IOException e) {
      throw new UserError(path + ": cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * A text file's bytes, decompressed as Spark's text readers decompress them: by the codec its name's
   * ending names (.gz, .bz2, .deflate, ... as Hadoop's CompressionCodecFactory knows them), else as they are.
   */
  static java.io.InputStream open(Path file, Configuration hadoop) throws IOException {
    java.io.InputStream in = file.getFileSystem(hadoop).open(file);
    org.apache.hadoop.io.compress.CompressionCodec codec =
        new org.apache.hadoop.io.compress.CompressionCodecFactory(hadoop).getCodec(file);
    if (codec == null) {
      return in;
    }
    try {
      return codec.createInputStream(in);
    } catch (IOException | RuntimeException e) {
      // A codec without its native library throws a RuntimeException: an IOException, as any fault of reading.
      in.close();
      throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
    }
  }

  /** The first line of the deepest cause's message: what the library that failed itself said. */
  public static String says(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return message.lines().findFirst().orElse("").strip();
  }
}
