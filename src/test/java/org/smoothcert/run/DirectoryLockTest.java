package org.smoothcert.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smoothcert.UserError;

/**
 * One writer per folder: a lock held by a live run is refused naming its holder; a stale one (its process
 * gone from this host, or untouched for {@link DirectoryLock#STALE} on another host) is taken over; a lock
 * is released on close, but never one another run has taken over.
 */
class DirectoryLockTest {
  @TempDir
  java.nio.file.Path tmp;
  private FileSystem fs;
  private Path folder;
  private java.nio.file.Path lockFile;

  @BeforeEach
  void localFolder() throws IOException {
    fs = FileSystem.getLocal(new Configuration());
    folder = new Path(tmp.toUri());
    lockFile = tmp.resolve(DirectoryLock.NAME);
  }

  private void writeLock(String host, long pid, Instant since) throws IOException {
    Files.writeString(lockFile, new DirectoryLock.Holder("their-token",
        new DirectoryLock.Holder.Owner("someone", host, pid), since).render());
  }

  private static String thisHost() throws IOException {
    return InetAddress.getLocalHost().getHostName();
  }

  private void age(long minutes) throws IOException {
    Files.setLastModifiedTime(lockFile, FileTime.from(Instant.now().minusSeconds(60 * minutes)));
  }

  private void assertHeld(String holder) {
    UserError e = assertThrows(UserError.class, () -> DirectoryLock.take(fs, folder, "OUT"));
    assertTrue(e.getMessage().startsWith("OUT is in use by another smoothcert run: " + holder), e.getMessage());
    UserError checked = assertThrows(UserError.class, () -> DirectoryLock.requireFree(fs, folder, "OUT"));
    assertEquals(e.getMessage(), checked.getMessage());
  }

  private void assertTakenOver() throws IOException {
    DirectoryLock.requireFree(fs, folder, "OUT");
    try (DirectoryLock lock = DirectoryLock.take(fs, folder, "OUT")) {
      assertTrue(Files.readString(lockFile).contains("pid = " + ProcessHandle.current().pid()));
    }
    assertFalse(Files.exists(lockFile), "released");
  }

  @Test
  void aSecondTakerIsRefusedUntilTheFirstReleases() throws IOException {
    try (DirectoryLock first = DirectoryLock.take(fs, folder, "OUT")) {
      assertHeld("pid " + ProcessHandle.current().pid() + " on " + thisHost());
    }
    assertTakenOver();
    try (var files = Files.list(tmp)) {
      assertEquals(0, files.count(), "no lock and no .crc file is left");
    }
  }

  @Test
  void aLockOfAProcessGoneFromThisHostIsTakenOver() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    assertTrue(gone.waitFor(30, TimeUnit.SECONDS));
    writeLock(thisHost(), gone.pid(), Instant.now());
    assertTakenOver();
  }

  @Test
  void aLockWhosePidNowNamesALaterProcessIsTakenOver() throws IOException {
    // This JVM is alive, but it started after the lock was taken: the lock's process is gone, its pid reused.
    writeLock(thisHost(), ProcessHandle.current().pid(), Instant.parse("2000-01-01T00:00:00Z"));
    assertTakenOver();
  }

  @Test
  void aLockOfAnotherHostHoldsUntilItGoesUntouchedForTheStatedAge() throws IOException {
    writeLock("another-host.example", 4242, Instant.now().minusSeconds(3600));
    age(DirectoryLock.STALE.toMinutes() - 1);
    assertHeld("pid 4242 on another-host.example (user someone, since ");
    age(DirectoryLock.STALE.toMinutes() + 1);
    assertTakenOver();
  }

  @Test
  void aLockFileCutShortHoldsUntilItIsAsOldAsAStaleOne() throws IOException {
    Files.writeString(lockFile, "token = x\nuser = ");
    assertHeld("a run whose lock file cannot be read");
    age(DirectoryLock.STALE.toMinutes() + 1);
    assertTakenOver();
  }

  @Test
  void aLockTakenOverByAnotherRunIsNotReleasedByTheFirst() throws IOException {
    DirectoryLock first = DirectoryLock.take(fs, folder, "OUT");
    writeLock("another-host.example", 4242, Instant.now());
    first.close();
    assertTrue(Files.readString(lockFile).contains("token = their-token"), "the other run's lock is kept");
  }

  @Test
  void aLockIsReleasedWhenTheProcessExitsWithoutClosingIt() throws Exception {
    for (int status : new int[] {130, 143}) {
      Process holder = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java")
          .toString(), "-cp", System.getProperty("java.class.path"), LockHolderMain.class.getName(), tmp.toString(),
          Integer.toString(status)).redirectErrorStream(true).start();
      String said = new String(holder.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertTrue(holder.waitFor(60, TimeUnit.SECONDS));
      assertEquals(status, holder.exitValue(), said);
      assertTrue(said.contains("taken"), said);
      assertFalse(Files.exists(lockFile), "the lock is released as the JVM exits (status " + status + ")");
    }
  }
}
