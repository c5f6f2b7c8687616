package org.smoothcert.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smoothcert.FullDiskFileSystem;
import org.smoothcert.UserError;
import org.smoothcert.io.HadoopFiles;

/**
 * A folder's outputs change as one set (outputs.sha256 removed first, written last, and readers take an
 * output only as it lists it); the leftovers of a killed run are removed by the next; a folder of the
 * user's own files is written into only when asked.
 */
class RunDirectoryOutputsTest {
  private static final Configuration HADOOP = new Configuration();

  @TempDir
  java.nio.file.Path tmp;

  private static String sha256(String text) {
    return HexFormat.of().formatHex(HadoopFiles.sha256Bytes(text.getBytes(StandardCharsets.UTF_8)));
  }

  private List<String> names(java.nio.file.Path folder) throws IOException {
    try (Stream<java.nio.file.Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private String readCurve(java.nio.file.Path folder) {
    return OutputManifest.readText(new Path(folder.toUri()), "curve.csv", HADOOP);
  }

  @Test
  void theManifestListsTheSetWrittenAndIsGoneWhileTheNextIsWritten() throws IOException {
    java.nio.file.Path out = tmp.resolve("out");
    try (RunDirectory dir = RunDirectory.create(out.toString(), HADOOP, false)) {
      dir.writeText("curve.csv", "radius,certified_accuracy\n0,0.5\n");
      dir.writeText("points.csv", "p\n");
      dir.seal();
    }
    assertEquals(sha256("radius,certified_accuracy\n0,0.5\n") + "  curve.csv\n" + sha256("p\n") + "  points.csv\n",
        Files.readString(out.resolve(OutputManifest.NAME)), "sha256sum's format, sorted by name");
    assertEquals("radius,certified_accuracy\n0,0.5\n", readCurve(out));
    assertEquals(List.of(".smoothcert", "curve.csv", OutputManifest.NAME, "points.csv"), names(out));

    try (RunDirectory dir = RunDirectory.create(out.toString(), HADOOP, false)) {
      assertFalse(Files.exists(out.resolve(OutputManifest.NAME)), "removed before the first output is written");
      dir.writeText("curve.csv", "radius,certified_accuracy\n0,0.25\n");
      UserError e = assertThrows(UserError.class, () -> readCurve(out));
      assertTrue(e.getMessage().contains("the outputs are incomplete"), e.getMessage());
    }
  }

  @Test
  void anOutputChangedOrNotListedIsRefused() throws IOException {
    java.nio.file.Path out = tmp.resolve("out");
    try (RunDirectory dir = RunDirectory.create(out.toString(), HADOOP, false)) {
      dir.writeText("curve.csv", "radius,certified_accuracy\n0,0.5\n");
      dir.seal();
    }
    Files.writeString(out.resolve("curve.csv"), "radius,certified_accuracy\n0,0.9\n");
    UserError changed = assertThrows(UserError.class, () -> readCurve(out));
    assertTrue(changed.getMessage().endsWith("curve.csv differs from what outputs.sha256 lists: the outputs are"
        + " incomplete or were changed since; run the same command again"), changed.getMessage());
    Files.writeString(out.resolve(OutputManifest.NAME), sha256("x") + "  points.csv\n");
    UserError unlisted = assertThrows(UserError.class, () -> readCurve(out));
    assertTrue(unlisted.getMessage().contains("curve.csv is not among the outputs outputs.sha256 lists"),
        unlisted.getMessage());
    Files.delete(out.resolve("curve.csv"));
    UserError missing = assertThrows(UserError.class, () -> readCurve(out));
    assertTrue(missing.getMessage().endsWith("curve.csv: no such file"), missing.getMessage());
  }

  @Test
  void theLeftoversOfAKilledRunAreRemovedAndSetAsideSlicesKept() throws IOException {
    java.nio.file.Path out = Files.createDirectories(tmp.resolve("out/votes"));
    List<String> leftovers = List.of(".points.csv.writing", ".0b5e7a1c-3d2f-4e6a-9b8c-1d2e3f4a5b6c.probe", ".smoothcert.lock.0b5e7a1c-3d2f-4e6a-9b8c-1d2e3f4a5b6c.writing",
        ".smoothcert.lock.stale-0b5e7a1c-3d2f-4e6a-9b8c-1d2e3f4a5b6c", "votes/.slice-0000000000-0000000010.votes.writing");
    for (String name : leftovers) {
      Files.writeString(tmp.resolve("out").resolve(name), "cut short");
    }
    Files.writeString(out.resolve(".slice-0000000000-0000000010.votes.corrupt-1234"), "kept for a look");
    Files.writeString(tmp.resolve("out/.smoothcert"), "smoothcert's");
    RunDirectory.create(tmp.resolve("out").toString(), HADOOP, false).close();
    assertEquals(List.of(".smoothcert", "votes"), names(tmp.resolve("out")));
    assertEquals(List.of(".slice-0000000000-0000000010.votes.corrupt-1234"), names(out));
  }

  @Test
  void aFolderOfTheUsersFilesIsRefusedNamingThemUnlessForced() throws IOException {
    java.nio.file.Path mine = Files.createDirectories(tmp.resolve("mine"));
    for (String name : List.of("a.txt", "b.txt", "c.txt", "d.txt", "e.txt", "f.txt", "points.csv")) {
      Files.writeString(mine.resolve(name), name);
    }
    UserError e = assertThrows(UserError.class, () -> RunDirectory.writable(mine.toString(), HADOOP, false));
    assertEquals(mine + " holds files smoothcert did not write (a.txt, b.txt, c.txt, d.txt, e.txt and 2 more); write"
        + " into a new or empty folder, or add --set job.force=true to write into this one (its files of the same"
        + " names are replaced)", e.getMessage());

    try (RunDirectory forced = RunDirectory.create(mine.toString(), HADOOP, true)) {
      forced.writeText("points.csv", "smoothcert's\n");
      forced.seal();
    }
    assertEquals("a.txt", Files.readString(mine.resolve("a.txt")), "only files of the outputs' names are replaced");
    RunDirectory.writable(mine.toString(), HADOOP, false);
  }

  @Test
  void anEmptyFolderOrOneWithOnlyALeftoverIsWrittenIntoWithoutAsking() throws IOException {
    java.nio.file.Path empty = Files.createDirectories(tmp.resolve("empty"));
    RunDirectory.writable(empty.toString(), HADOOP, false);
    Files.writeString(empty.resolve(".smoothcert.lock.0b5e7a1c-3d2f-4e6a-9b8c-1d2e3f4a5b6c.writing"), "cut short");
    RunDirectory.create(empty.toString(), HADOOP, false).close();
    assertEquals(List.of(".smoothcert"), names(empty));
  }

  @Test
  void onlyFilesSmoothcertNamesAreRemovedAndOnlyInFoldersItMarked() throws IOException {
    // An unmarked folder: the user's hidden draft is no leftover of smoothcert's; the folder is refused, kept.
    java.nio.file.Path user = Files.createDirectories(tmp.resolve("u"));
    Files.writeString(user.resolve(".thesis.tex.writing"), "draft");
    UserError e = assertThrows(UserError.class, () -> RunDirectory.writable(user.toString(), HADOOP, false));
    assertTrue(e.getMessage().contains(".thesis.tex.writing"), e.getMessage());
    assertEquals(List.of(".thesis.tex.writing"), names(user));

    // Written into when forced: files that only look like smoothcert's leftovers are kept.
    Files.createDirectories(user.resolve("votes"));
    for (String name : List.of(".probe", ".smoothcert.lock.bak", "votes/.draft.writing")) {
      Files.writeString(user.resolve(name), "the user's");
    }
    RunDirectory.create(user.toString(), HADOOP, true).close();
    assertEquals(List.of(".probe", ".smoothcert", ".smoothcert.lock.bak", ".thesis.tex.writing", "votes"), names(user));
    assertEquals(List.of(".draft.writing"), names(user.resolve("votes")));

    // A folder smoothcert marked: its own temporary names go, a name it never writes stays.
    java.nio.file.Path run = Files.createDirectories(tmp.resolve("marked"));
    Files.writeString(run.resolve(".smoothcert"), "smoothcert's");
    Files.writeString(run.resolve(".points.csv.writing"), "cut short");
    Files.writeString(run.resolve(".thesis.tex.writing"), "draft");
    RunDirectory.create(run.toString(), HADOOP, false).close();
    assertEquals(List.of(".smoothcert", ".thesis.tex.writing"), names(run));
  }

  @Test
  void aDiskThatFillsBeforeTheFolderIsTakenLeavesNoFolder() {
    // The probe still fits; the lock does not: the folders made for the run are removed again.
    String out = FullDiskFileSystem.uri(tmp.resolve("out/run"));
    RunDirectory dir = RunDirectory.writable(out, HADOOP, false);
    FullDiskFileSystem.fill();
    try {
      UserError e = assertThrows(UserError.class, () -> dir.claim(java.util.Map.of("data.sha256", "0")));
      assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
      e = assertThrows(UserError.class, () -> RunDirectory.create(out, HADOOP, false));
      assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
    } finally {
      FullDiskFileSystem.free();
    }
    assertFalse(Files.exists(tmp.resolve("out")), "nothing is left");
  }
}
