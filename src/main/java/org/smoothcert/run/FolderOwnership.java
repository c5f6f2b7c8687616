package org.smoothcert.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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

  /** A temporary file of a write, a probe or the lock's making that a killed run can leave behind. */
  static boolean isLeftover(String name) {
    return name.startsWith(".") && (name.endsWith(".writing") || name.endsWith(".probe"))
        || name.startsWith(DirectoryLock.NAME + ".");
  }
}
