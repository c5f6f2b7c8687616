package org.smoothcert;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.net.URI;
import org.apache.hadoop.fs.FSError;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * The local file system under the scheme {@code fulldisk://} (registered through META-INF/services), whose
 * disk can be made to fill up at a chosen moment: from then on every write fails with "No space left on
 * device", wrapped in an FSError as the local file system reports it, while reading, renaming and deleting
 * still work. {@code fulldisk:///tmp/x}
 * is the local {@code /tmp/x}. The state is global (one disk per test JVM): tests that use it run one at
 * a time and call {@link #free()} when done.
 */
public final class FullDiskFileSystem extends RawLocalFileSystem {
  public static final String SCHEME = "fulldisk";
  private static final Object LOCK = new Object();
  private static boolean full;
  /** The disk fills up while the {@code countdown}-th file whose name contains {@code trigger} is written. */
  private static String trigger;
  private static int countdown;

  @Override
  public URI getUri() {
    return URI.create(SCHEME + ":///");
  }

  @Override
  public String getScheme() {
    return SCHEME;
  }

  /** A local path as this file system names it. */
  public static String uri(java.nio.file.Path local) {
    return SCHEME + "://" + local.toAbsolutePath();
  }

  /** The disk is full from now on. */
  public static void fill() {
    synchronized (LOCK) {
      full = true;
      trigger = null;
    }
  }

  /** The disk fills up while the {@code count}-th file whose name contains {@code name} is written. */
  public static void fillWhileWriting(String name, int count) {
    synchronized (LOCK) {
      full = false;
      trigger = name;
      countdown = count;
    }
  }

  /** Space is freed: every write succeeds again. */
  public static void free() {
    synchronized (LOCK) {
      full = false;
      trigger = null;
    }
  }

  @Override
  protected OutputStream createOutputStream(Path f, boolean append) throws IOException {
    return new Filling(super.createOutputStream(f, append), armed(f));
  }

  @Override
  protected OutputStream createOutputStreamWithMode(Path f, boolean append, FsPermission permission)
      throws IOException {
    return new Filling(super.createOutputStreamWithMode(f, append, permission), armed(f));
  }

  /** Whether the disk fills up during this file's writing. */
  private static boolean armed(Path f) {
    synchronized (LOCK) {
      return trigger != null && f.getName().contains(trigger) && --countdown == 0;
    }
  }

  /** Passes writes on while there is space; the write that fills the disk gets half its bytes written. */
  private static final class Filling extends OutputStream {
    private final OutputStream out;
    private final boolean fillsTheDisk;

    Filling(OutputStream out, boolean fillsTheDisk) {
      this.out = out;
      this.fillsTheDisk = fillsTheDisk;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      synchronized (LOCK) {
        if (fillsTheDisk && !full) {
          out.write(b, off, len / 2);
          full = true;
        }
        if (full) {
          throw noSpace();
        }
      }
      out.write(b, off, len);
    }

    /** What RawLocalFileSystem's stream throws when the disk is full (FSError's constructor is not public). */
    private static FSError noSpace() {
      try {
        Constructor<FSError> error = FSError.class.getDeclaredConstructor(Throwable.class);
        error.setAccessible(true);
        return error.newInstance(new IOException("No space left on device"));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
