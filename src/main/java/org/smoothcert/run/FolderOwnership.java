package org.smoothcert.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.smoothcert.UserError;

/**
 * Whose an existing output folder is: smoothcert's (its marker, a votes.id or a manifest), nobody's (empty,
 * or holding only what a killed run of smoothcert's left behind), or the user's, whose files a mistyped
 * --out must never replace.
 */
final class FolderOwnership {
  /** Written into every folder smoothcert writes, before anything else: what marks the folder as its own. */
  static final String MARKER = ".smoothcert";
  static final String MARKER_TEXT = "This folder is written by smoothcert; " + OutputManifest.NAME
      + " lists its outputs once they are complete.\n";
  /** Files that mark a folder as smoothcert's (votes.id also in run directories made before the marker). */
  private static final Set<String> MARKS = Set.of(MARKER, RunDirectory.IDENTITY, OutputManifest.NAME);
  private static final int NAMED = 5;

  private FolderOwnership() {}

  /** Refuses a folder of files smoothcert did not write, naming some of them, unless {@code force}. */
  static void refuseUsersFiles(FileSystem fs, Path folder, String location, boolean force) throws IOException {
    List<String> names = new ArrayList<>();
    for (FileStatus f : fs.listStatus(folder)) {
      names.add(f.getPath().getName());
    }
    if (force || names.stream().anyMatch(MARKS::contains)) {
      return;
    }
    List<String> users = names.stream().filter(n -> !n.equals(DirectoryLock.NAME) && !isLeftover(n)).sorted().toList();
    if (!users.isEmpty()) {
      String some = String.join(", ", users.subList(0, Math.min(NAMED, users.size())))
          + (users.size() > NAMED ? " and " + (users.size() - NAMED) + " more" : "");
      throw new UserError(location + " holds files smoothcert did not write (" + some + "); write into a new or"
          + " empty folder, or add --set job.force=true to write into this one (its files of the same names are"
          + " replaced)");
    }
  }

  private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
  /**
   * What smoothcert names before a folder is marked, so what a killed run can leave in any folder: the
   * probe, the lock's temporary file and a stale lock set aside (each with a random UUID), the marker's
   * temporary file.
   */
  private static final Pattern BEFORE_THE_MARKER = Pattern.compile("\\." + UUID + "\\.probe"
      + "|" + Pattern.quote(DirectoryLock.NAME) + "\\.(" + UUID + "\\.writing|stale-" + UUID + ")"
      + "|" + Pattern.quote("." + MARKER + ".writing"));
  /** The temporary file of a slice checkpoint, in votes/. */
  private static final Pattern SLICE_WRITING = Pattern.compile("\\.slice-\\d{10}-\\d{10}\\.votes\\.writing");
  /** The files smoothcert writes into a folder of its own (a run's, a study's, a sweep's or an attack's). */
  private static final Set<String> OWN_NAMES = Stream.concat(Stream.of(MARKER, RunDirectory.IDENTITY,
      OutputManifest.NAME, RunDirectory.CONFIG_FILE, RunDirectory.TEST_POINTS_FILE, CertificateHistory.FILE,
      "points.csv", "curve.csv", "summary.json", "certified-accuracy.png", "certified-accuracy.svg", "selection.md",
      "attack.csv", "attack.png", "attack.svg", "empirical-radius.csv", "violations.csv", "timings.csv",
      "radius.png", "radius.svg"), Stream.of("study", "validation", "test", "sweep")
          .flatMap(p -> Stream.of(".csv", "-summary.csv", ".md", ".png", ".svg").map(e -> p + e)))
      .collect(Collectors.toUnmodifiableSet());

  /**
   * A file a killed run can have left in a folder not (yet) marked as smoothcert's: only names smoothcert
   * makes with a random UUID, or the marker's temporary file. Any other is the user's.
   */
  static boolean isLeftover(String name) {
    return BEFORE_THE_MARKER.matcher(name).matches();
  }

  /**
   * A file a killed run left in a folder smoothcert had marked: those of {@link #isLeftover}, and the
   * temporary file ({@code .NAME.writing}) of a file it writes there.
   */
  static boolean isLeftoverInMarked(String name) {
    if (isLeftover(name)) {
      return true;
    }
    if (!name.startsWith(".") || !name.endsWith(".writing")) {
      return false;
    }
    String written = name.substring(1, name.length() - ".writing".length());
    return OWN_NAMES.contains(written);
  }

  /** A slice checkpoint's temporary file in the votes/ folder of a marked folder. */
  static boolean isSliceLeftover(String name) {
    return SLICE_WRITING.matcher(name).matches();
  }

  /** Whether smoothcert marked this folder as its own (by a run before this one). */
  static boolean isMarked(FileSystem fs, Path folder) throws IOException {
    for (String mark : MARKS) {
      if (fs.exists(new Path(folder, mark))) {
        return true;
      }
    }
    return false;
  }
}
