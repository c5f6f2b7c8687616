package org.smoothcert.app;

import java.io.PrintStream;
import java.io.Writer;

/**
 * picocli writes to a {@link java.io.PrintWriter}; this one hands the characters to the caller's
 * {@link PrintStream}, which encodes them in its own charset as its print methods always did.
 */
final class StreamWriter extends Writer {
  private final PrintStream stream;

  StreamWriter(PrintStream stream) {
    this.stream = stream;
  }

  @Override
  public void write(char[] chars, int offset, int length) {
    stream.print(new String(chars, offset, length));
  }

  @Override
  public void flush() {
    stream.flush();
  }

  /** The stream belongs to the caller (System.out, or a test's buffer): it is flushed, never closed. */
  @Override
  public void close() {
    stream.flush();
  }
}
