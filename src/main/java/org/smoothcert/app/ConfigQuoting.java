package org.smoothcert.app;

/** Turns a command-line value into a HOCON string literal for a --set override. */
final class ConfigQuoting {
  private ConfigQuoting() {}

  static String quote(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
