package org.smoothcert.run;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FSError;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.util.ShutdownHookManager;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.smoothcert.UserError;
import org.smoothcert.io.HadoopFiles;

/**
 * One writer per folder at a time, through the Hadoop file system itself: {@code .smoothcert.lock} is created
 * only if absent (atomic on HDFS and local disks; on object stores such as S3 the check and the creation are
 * two steps) and holds who took it. While held it is touched every minute. A lock is stale, and taken over,
 * when its holder ran on this host and that process is gone, or when it ran elsewhere and the lock has not
 * been touched for {@link #STALE} (its holder was killed, or its machine lost). Released on {@link #close()}.
 */
final class DirectoryLock implements AutoCloseable {
  static final String NAME = ".smoothcert.lock";
  /** How long a lock of another host may go untouched before it counts as abandoned. */
  static final Duration STALE = Duration.ofMinutes(10);
  private static final Duration TOUCH = Duration.ofMinutes(1);
  private static final Logger LOG = LogManager.getLogger(DirectoryLock.class);

  private final FileSystem fs;
  private final Path file;
  private final Holder holder;
  private final ScheduledExecutorService toucher;
  /**
   * Releases the lock when the JVM exits before {@link #close} (SIGTERM or Ctrl-C while the outputs are
   * written: the exit does not unwind the thread that would close it). Hadoop's hook manager, at a priority
   * above the file systems' own hook, so the file system is still open.
   */
  private final Runnable onExit = this::release;
  private boolean released;

  private DirectoryLock(FileSystem fs, Path file, Holder holder) {
    this.fs = fs;
    this.file = file;
    this.holder = holder;
    ShutdownHookManager.get().addShutdownHook(onExit, FileSystem.SHUTDOWN_HOOK_PRIORITY + 1);
    this.toucher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "smoothcert lock " + file.getParent().getName());
      t.setDaemon(true);
      return t;
    });
    toucher.scheduleWithFixedDelay(this::touch, TOUCH.toSeconds(), TOUCH.toSeconds(), TimeUnit.SECONDS);
  }

  /**
   * Who holds a lock, as its file says; {@code token} tells this process's locks apart.
   *
   * @param owner the process that took it
   * @param since when it took it
   */
  record Holder(String token, Owner owner, Instant since) {
    /** A process: its user, its host and its pid there. */
    record Owner(String user, String host, long pid) {}

    static Holder ofThisProcess() {
      return new Holder(UUID.randomUUID().toString(),
          new Owner(System.getProperty("user.name"), thisHost(), ProcessHandle.current().pid()), Instant.now());
    }

    String user() {
      return owner.user();
    }

    String host() {
      return owner.host();
    }

    long pid() {
      return owner.pid();
    }

    String render() {
      return "token = " + token + "\nuser = " + user() + "\nhost = " + host() + "\npid = " + pid() + "\nsince = " + since
          + "\n";
    }

    /** The holder a lock file names, or empty when it is not readable as one (e.g. cut short). */
    static Optional<Holder> parse(String text) {
      Map<String, String> fields = RunDirectory.parse(text);
      try {
        return Optional.of(new Holder(fields.get("token"),
            new Owner(fields.get("user"), fields.get("host"), Long.parseLong(fields.get("pid"))),
            Instant.parse(fields.get("since"))));
      } catch (RuntimeException e) {
        return Optional.empty();
      }
    }

    String describe() {
      return "pid " + pid() + " on " + host() + " (user " + user() + ", since " + since + ")";
    }

    /** Whether the process that took the lock is gone: known only on its own host. */
    boolean goneFromThisHost() {
      if (!host().equals(thisHost())) {
        return false;
      }
      Optional<ProcessHandle> process = ProcessHandle.of(pid());
      // A process with the same pid that started after the lock was taken is another one (the pid was reused).
      return process.isEmpty() || process.get().info().startInstant().map(start -> start.isAfter(since)).orElse(false);
    }
  }

  private static String thisHost() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }

  /** Refuses a folder another live run holds; writes nothing (a stale lock is left for {@link #take}). */
  static void requireFree(FileSystem fs, Path folder, String location) {
    Path file = new Path(folder, NAME);
    try {
      Optional<String> heldBy = liveHolder(HadoopFiles.unchecksummed(fs), file);
      if (heldBy.isPresent()) {
        throw inUse(location, heldBy.get(), file);
      }
    } catch (IOException e) {
      throw new UserError("cannot read " + file + ": " + e.getMessage());
    }
  }

  /** Takes the folder's lock, taking over a stale one; refuses, naming the holder, when another run holds it. */
  static DirectoryLock take(FileSystem checksummed, Path folder, String location) {
    FileSystem fs = HadoopFiles.unchecksummed(checksummed);
    Path file = new Path(folder, NAME);
    Holder me = Holder.ofThisProcess();
    try {
      for (int attempt = 0; attempt < 3; attempt++) {
        if (create(fs, file, me)) {
          return new DirectoryLock(fs, file, me);
        }
        Optional<String> heldBy = liveHolder(fs, file);
        if (heldBy.isPresent()) {
          throw inUse(location, heldBy.get(), file);
        }
        setAsideStale(fs, file);
      }
    } catch (IOException | FSError e) {
      throw new UserError("cannot lock " + location + " (" + file + "): " + HadoopFiles.reason(e));
    }
    throw new UserError("cannot lock " + location + ": other runs keep taking " + file + "; try again");
  }

  /**
   * Creates the lock file, whole, if there is none; false if there is one. Its text is written under a
   * temporary name first and then put in place by an operation that fails when the lock exists: a hard link
   * on the local file system (whose rename would replace it), a rename elsewhere (HDFS refuses to rename
   * onto an existing file). So a run killed at any moment leaves a whole lock file or none, and at worst a
   * temporary file the next run removes.
   */
  private static boolean create(FileSystem fs, Path file, Holder me) throws IOException {
    Path temp = new Path(file.getParent(), NAME + "." + me.token() + ".writing");
    try {
      try (OutputStream out = fs.create(temp, true)) {
        out.write(me.render().getBytes(StandardCharsets.UTF_8));
      }
      if (fs instanceof RawLocalFileSystem local) {
        Files.createLink(local.pathToFile(file).toPath(), local.pathToFile(temp).toPath());
        return true;
      }
      return fs.rename(temp, file);
    } catch (FileAlreadyExistsException | java.nio.file.FileAlreadyExistsException e) {
      return false;
    } finally {
      fs.delete(temp, false);
    }
  }

  /**
   * Who holds the lock file, described for a message, or empty when there is none or it is stale. A lock
   * file that cannot be read as one (cut short) counts as held until it is as old as a stale one.
   */
  private static Optional<String> liveHolder(FileSystem fs, Path file) throws IOException {
    FileStatus status;
    String text;
    try {
      status = fs.getFileStatus(file);
      try (InputStream in = fs.open(file)) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (FileNotFoundException e) {
      return Optional.empty();
    }
    boolean untouched = Instant.now().minus(STALE).isAfter(Instant.ofEpochMilli(status.getModificationTime()));
    Optional<Holder> holder = Holder.parse(text);
    if (holder.isEmpty()) {
      return untouched ? Optional.empty() : Optional.of("a run whose lock file cannot be read");
    }
    boolean stale = holder.get().host().equals(thisHost()) ? holder.get().goneFromThisHost() : untouched;
    return stale ? Optional.empty() : Optional.of(holder.get().describe());
  }

  /** Moves a stale lock out of the way (a rename: of two runs taking it over at once, one succeeds). */
  private static void setAsideStale(FileSystem fs, Path file) throws IOException {
    Path aside = new Path(file.getParent(), NAME + ".stale-" + UUID.randomUUID());
    if (fs.rename(file, aside)) {
      LOG.info("took over the stale lock {}", file);
      fs.delete(aside, false);
    }
  }

  private static UserError inUse(String location, String holder, Path file) {
    return new UserError(location + " is in use by another smoothcert run: " + holder + "; wait for it to end, or"
        + " delete " + file + " if that run is gone");
  }

  /** Whether this process still holds the lock (another run may have taken it over, judging it stale). */
  private boolean stillMine() throws IOException {
    try (InputStream in = fs.open(file)) {
      return Holder.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .map(h -> h.token().equals(holder.token())).orElse(false);
    } catch (FileNotFoundException e) {
      return false;
    }
  }

  /** Marks the lock as alive (its modification time), so that no run on another host takes it over. */
  private void touch() {
    try {
      if (stillMine()) {
        fs.setTimes(file, System.currentTimeMillis(), -1);
      } else {
        LOG.warn("the lock {} was taken over by another run", file);
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot touch the lock {}: {}", file, e.getMessage());
    }
  }

  /** Releases the lock, if this process still holds it. */
  @Override
  public void close() {
    if (!ShutdownHookManager.get().isShutdownInProgress()) {
      ShutdownHookManager.get().removeShutdownHook(onExit);
    }
    release();
  }

  private synchronized void release() {
    if (released) {
      return;
    }
    released = true;
    toucher.shutdownNow();
    try {
      if (stillMine()) {
        fs.delete(file, false);
      }
    } catch (IOException e) {
      LOG.warn("cannot release the lock {}: {}", file, e.getMessage());
    }
  }
}
