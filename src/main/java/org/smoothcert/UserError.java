package org.smoothcert;

/**
 * An error the user can cause and fix: bad argument, bad config value, unreadable or malformed input.
 * The CLI prints its message as one line and exits with status 2; it never shows a stack trace.
 * Anything else that escapes is a bug and keeps its stack trace.
 */
public class UserError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UserError(String message) {
    super(message);
  }

  public UserError(String message, Throwable cause) {
    super(message, cause);
  }
}
