package org.smoothcert.run;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.smoothcert.UserError;
import org.smoothcert.io.HadoopFiles;

/**
 * {@code outputs.sha256}: the list of a folder's outputs that belong together, each with the SHA-256 of its
 * bytes, in the format of {@code sha256sum} (so {@code sha256sum -c outputs.sha256} checks them too). It is
 * removed before the first output of a run is written and written after the last one, so its presence
 * means the set is complete: readers take an output only when the manifest lists it with these bytes.
 */
public final class OutputManifest {
  public static final String NAME = "outputs.sha256";
  private static final String SEPARATOR = "  ";

  private final String folder;
  private final Map<String, String> sha256;

  private OutputManifest(String folder, Map<String, String> sha256) {
    this.folder = folder;
    this.sha256 = sha256;
  }

  /** The manifest's text for outputs and the hex SHA-256 of each, sorted by name. */
  static String render(Map<String, String> sha256) {
    StringBuilder text = new StringBuilder();
    new TreeMap<>(sha256).forEach((name, hex) -> text.append(hex).append(SEPARATOR).append(name).append('\n'));
    return text.toString();
  }

  /** The lower-case hex SHA-256 of bytes, as the manifest lists it. */
  static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(HadoopFiles.sha256Bytes(bytes));
  }

  /** The manifest of {@code folder} as stored there; a folder without one holds an incomplete set of outputs. */
  static OutputManifest parse(String folder, String text) {
    Map<String, String> sha256 = new TreeMap<>();
    for (String line : text.lines().filter(l -> !l.isEmpty()).toList()) {
      int at = line.indexOf(SEPARATOR);
      if (at != 64) {
        throw new UserError(folder + "/" + NAME + " is damaged (line '" + line + "'): run the same command again");
      }
      sha256.put(line.substring(at + SEPARATOR.length()), line.substring(0, at));
    }
    return new OutputManifest(folder, sha256);
  }

  static UserError incomplete(String folder) {
    return new UserError(folder + ": the outputs are incomplete (no " + NAME + ", which smoothcert writes after the"
        + " last output): run the same command again");
  }

  /** An output's bytes, refused unless the manifest lists the output with exactly these bytes. */
  byte[] verified(String name, byte[] bytes) {
    String listed = sha256.get(name);
    if (listed == null) {
      throw new UserError(folder + "/" + name + " is not among the outputs " + NAME + " lists: it was not written"
          + " with them; run the same command again");
    }
    if (!listed.equals(sha256(bytes))) {
      throw new UserError(folder + "/" + name + " differs from what " + NAME + " lists: the outputs are incomplete"
          + " or were changed since; run the same command again");
    }
    return bytes;
  }

  /**
   * The text of an output of any folder, e.g. a run's curve.csv for a plot: a missing file is named as such,
   * and one that the folder's manifest does not list with these bytes is refused.
   */
  public static String readText(Path folder, String name, Configuration hadoop) {
    byte[] bytes = HadoopFiles.readBytes(new Path(folder, name), hadoop);
    Path manifest = new Path(folder, NAME);
    if (!HadoopFiles.exists(manifest, hadoop)) {
      throw incomplete(folder.toString());
    }
    parse(folder.toString(), HadoopFiles.readText(manifest, hadoop)).verified(name, bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
