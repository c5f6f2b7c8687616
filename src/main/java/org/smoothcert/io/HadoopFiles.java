package org.smoothcert.io;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FSError;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.smoothcert.UserError;

/** File access through Hadoop's FileSystem, so that file://, hdfs:// and s3a:// paths all work. */
public final class HadoopFiles {
  private HadoopFiles() {}

  /**
   * A path as the user typed it. One without a scheme is a local path, relative to the working
   * directory, even where the cluster's default file system is HDFS.
   */
  public static Path resolve(String path, Configuration conf) {
    if (path == null || path.isBlank()) {
      throw new UserError("empty path");
    }
    try {
      Path p = new Path(path);
      return p.toUri().getScheme() == null ? FileSystem.getLocal(conf).makeQualified(p) : p;
    } catch (IllegalArgumentException e) {
      throw new UserError("'" + path + "' is not a valid path: " + e.getMessage());
    } catch (IOException e) {
      throw new UserError("cannot resolve '" + path + "': " + e.getMessage(), e);
    }
  }

  /** Opens a file for reading; a missing file or a folder is a user error naming it. */
  public static InputStream open(Path file, Configuration conf) {
    try {
      FileSystem fs = file.getFileSystem(conf);
      if (fs.getFileStatus(file).isDirectory()) {
        throw new UserError(file + ": is a folder, expected a file");
      }
      return fs.open(file);
    } catch (FileNotFoundException e) {
      throw new UserError(file + ": no such file");
    } catch (IOException e) {
      throw new UserError(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** A whole text file (UTF-8); a missing file or a folder is a user error naming it. */
  public static String readText(Path file, Configuration conf) {
    return new String(readBytes(file, conf), java.nio.charset.StandardCharsets.UTF_8);
  }

  /** A whole file; a missing file or a folder is a user error naming it. */
  public static byte[] readBytes(Path file, Configuration conf) {
    try (InputStream in = open(file, conf)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UserError(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** Whether a file or folder is there. */
  public static boolean exists(Path path, Configuration conf) {
    return statusOrNull(path, conf) != null;
  }

  /** The status of a file or folder, or null when nothing is there. */
  public static FileStatus statusOrNull(Path path, Configuration conf) {
    try {
      return path.getFileSystem(conf).getFileStatus(path);
    } catch (FileNotFoundException e) {
      return null;
    } catch (IOException e) {
      throw new UserError(path + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** A file's length in bytes. */
  public static long length(Path file, Configuration conf) {
    FileStatus status = statusOrNull(file, conf);
    if (status == null) {
      throw new UserError(file + ": no such file");
    }
    return status.getLen();
  }

  /** Something that writes a whole file's bytes; it may close the stream when done. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Writes {@code target} under a temporary name in the same folder, then renames it, so a reader sees
   * the old file or the whole new one, never a partial one; a failed write leaves the old file. On a checksummed file system (the local
   * one) the bytes go through the raw file system underneath, so no {@code .crc} side file appears;
   * the shared cached FileSystem instance is left as it was. A full disk is a {@link UserError} naming the file,
   * whether the file system reports it as an IOException (HDFS) or as an FSError (the local one).
   */
  public static void writeAtomically(Path target, Configuration conf, Content content) {
    try {
      FileSystem fs = target.getFileSystem(conf);
      FileSystem writer = unchecksummed(fs);
      Path temp = new Path(target.getParent(), "." + target.getName() + ".writing");
      try (OutputStream out = writer.create(temp, true)) {
        content.writeTo(out);
      } catch (IOException | RuntimeException | FSError e) {
        writer.delete(temp, false);
        throw e;
      }
      // rename() does not replace an existing file on every file system (HDFS refuses); the
      // checksummed delete also removes a stale .crc that would fail the next read.
      if (fs.exists(target) && !fs.delete(target, false)) {
        throw new IOException("cannot replace " + target);
      }
      if (!fs.rename(temp, target)) {
        throw new IOException("cannot rename " + temp + " to " + target);
      }
    } catch (IOException | FSError e) {
      throw new UserError(target + ": cannot write: " + reason(e), e);
    }
  }

  /** The file system under a checksummed one (the local one), which writes no {@code .crc} side file. */
  public static FileSystem unchecksummed(FileSystem fs) {
    return fs instanceof ChecksumFileSystem checksummed ? checksummed.getRawFileSystem() : fs;
  }

  /**
   * What went wrong with a file, for a one-line message: the IOException's message, also when the local file
   * system wraps it in an FSError (as it does for a full disk).
   */
  public static String reason(Throwable failure) {
    Throwable cause = failure instanceof FSError && failure.getCause() != null ? failure.getCause() : failure;
    return cause.getMessage();
  }

  /** SHA-256 of a file's bytes as stored (for a .gz file, of the compressed bytes), lower-case hex. */
  public static String sha256(Path file, Configuration conf) {
    MessageDigest digest = newSha256();
    try (InputStream in = new DigestInputStream(open(file, conf), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw new UserError(file + ": cannot read: " + e.getMessage(), e);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** SHA-256 of bytes in memory. */
  public static byte[] sha256Bytes(byte[] bytes) {
    return newSha256().digest(bytes);
  }

  public static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
