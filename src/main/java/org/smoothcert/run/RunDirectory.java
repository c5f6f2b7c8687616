package org.smoothcert.run;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSError;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.smoothcert.UserError;
import org.smoothcert.config.RunConfig;
import org.smoothcert.io.HadoopFiles;
import org.smoothcert.votes.SliceCodec;
import org.smoothcert.votes.SliceVotes;

/**
 * A run directory on any Hadoop file system: the slice checkpoints ({@code votes/}), the identity of
 * the votes stored there ({@code votes.id}), and the reports; also the folder of a study's, a sweep's or
 * an attack's own reports. Every file is written under a temporary name and renamed into place, so a
 * crash never leaves a half-written file under a real name; the reports change as one set: the old
 * {@link OutputManifest} is removed before the first is written and the new one written after the last.
 * One run writes into a directory at a time ({@link DirectoryLock}), and a folder of the user's own
 * files is not written into unless asked ({@code job.force}).
 *
 * <p>Uses Hadoop only (no Spark), so stored votes can be re-certified without starting Spark.
 */
public final class RunDirectory implements AutoCloseable {
  /** The run's config as it ran: what re-certification starts from. */
  public static final String CONFIG_FILE = "run.conf";
  /** The test points' classes and source indices: re-certification needs them, not the data. */
  public static final String TEST_POINTS_FILE = "test-points.csv";
  private static final Logger LOG = LogManager.getLogger(RunDirectory.class);
  private static final String VOTES = "votes";
  /** The identity the votes are stamped with. */
  public static final String IDENTITY = "votes.id";
  private static final String SLICE_SUFFIX = ".votes";
  private static final Pattern SLICE_NAME = Pattern.compile("slice-(\\d{10})-(\\d{10})\\.votes");
  private static final byte[] PROBE_BYTES = "probe\n".getBytes(StandardCharsets.UTF_8);

  private final Path root;
  private final FileSystem fs;
  private final Configuration hadoop;
  /** Whether reading may change the directory (move damaged or foreign slices aside): not when re-certifying. */
  private final boolean readOnly;
  /** The SHA-256 of the identity the slices are read and written under; null until claimed or opened. */
  private byte[] identityDigest;
  /**
   * Whether slices of format 1 (no identity of their own) can be trusted: only when votes.id was already
   * there, and matched, when the directory was claimed or opened (it was written beside them).
   */
  private boolean legacySlicesTrusted;
  /** The outermost folder made to take this directory, while nothing but the run's own is in it; else null. */
  private Path madeHere;
  /** Held while this process writes the directory; null otherwise. */
  private DirectoryLock lock;
  /** The outputs written since {@link #beginOutputs}, with their SHA-256: what {@link #seal} lists. */
  private final Map<String, String> outputs = new TreeMap<>();
  /** The outputs' manifest, read once when reading a stored run. */
  private OutputManifest manifest;

  private RunDirectory(Path root, FileSystem fs, Configuration hadoop, boolean readOnly) {
    this.root = root;
    this.fs = fs;
    this.hadoop = hadoop;
    this.readOnly = readOnly;
  }

  /**
   * A run directory that can be written, checked without leaving anything behind: an existing folder must
   * be smoothcert's, empty, or {@code force}d, and no other run may hold it; a probe file is written and
   * removed, and the folders made for it are removed again. Nothing is created until {@link #claim} (or
   * {@link #create}), so a run refused later leaves no output.
   */
  public static RunDirectory writable(String location, Configuration hadoop, boolean force) {
    RunDirectory dir = at(location, hadoop, false);
    Path probe = new Path(dir.root, "." + UUID.randomUUID() + ".probe");
    FileSystem raw = HadoopFiles.unchecksummed(dir.fs);
    try {
      Path madeHere = dir.topMissingFolder();
      if (madeHere == null) {
        if (!dir.fs.getFileStatus(dir.root).isDirectory()) {
          throw new UserError("output " + location + " exists and is not a directory");
        }
        FolderOwnership.refuseUsersFiles(dir.fs, dir.root, location, force);
        DirectoryLock.requireFree(dir.fs, dir.root, location);
      }
      try {
        dir.fs.mkdirs(dir.root);
        try (OutputStream out = raw.create(probe, true)) {
          out.write(PROBE_BYTES);
        }
      } finally {
        raw.delete(probe, false);
        if (madeHere != null) {
          dir.fs.delete(madeHere, true);
        }
      }
    } catch (IOException | FSError e) {
      throw new UserError("cannot write the run directory " + location + ": " + HadoopFiles.reason(e));
    }
    return dir;
  }

  /**
   * A writable folder taken now for a new set of outputs (a re-certification's, a study's, a sweep's or an
   * attack's); {@link #seal} them when they are written and {@link #close} it in any case.
   */
  public static RunDirectory create(String location, Configuration hadoop, boolean force) {
    RunDirectory dir = writable(location, hadoop, force);
    dir.begin();
    return dir;
  }

  /**
   * Takes this writable folder (making it if new, refusing it while another run holds it) and begins a new
   * set of outputs; {@link #seal} them when they are written and {@link #close} it in any case.
   */
  public void begin() {
    lock();
    try {
      beginOutputs();
    } catch (RuntimeException e) {
      abandon();
      throw e;
    }
    madeHere = null;
  }

  /**
   * A run directory that must already hold a run, opened for reading only (re-certification): its slices
   * are counted under the identity its votes.id states, and nothing in it is moved or written.
   */
  public static RunDirectory existing(String location, Configuration hadoop) {
    RunDirectory dir = at(location, hadoop, true);
    try {
      if (!dir.fs.exists(new Path(dir.root, IDENTITY))) {
        throw new UserError(location + " is not a run directory (no " + IDENTITY + ")");
      }
    } catch (IOException e) {
      throw new UserError("cannot read " + location + ": " + e.getMessage());
    }
    dir.identityDigest = digest(dir.storedIdentityText());
    dir.legacySlicesTrusted = true;
    return dir;
  }

  private static RunDirectory at(String location, Configuration hadoop, boolean readOnly) {
    try {
      Path root = new Path(location);
      FileSystem fs = root.getFileSystem(hadoop);
      return new RunDirectory(fs.makeQualified(root), fs, hadoop, readOnly);
    } catch (IOException | IllegalArgumentException e) {
      throw new UserError("bad output location " + location + ": " + e.getMessage());
    }
  }

  /** The outermost folder on the way to the root that does not exist yet, or null if the root exists. */
  private Path topMissingFolder() throws IOException {
    Path missing = null;
    for (Path p = root; p != null && !fs.exists(p); p = p.getParent()) {
      missing = p;
    }
    return missing;
  }

  /**
   * Takes the directory's lock (making the directory); released by {@link #close}. The folders made for it
   * are remembered until the directory holds a set of outputs begun, so a failure before then (a disk that
   * filled up since the probe) leaves none of them.
   */
  private void lock() {
    if (readOnly) {
      throw new IllegalStateException("a run directory opened for reading is not written");
    }
    if (lock == null) {
      try {
        madeHere = topMissingFolder();
      } catch (IOException e) {
        throw new UserError("cannot write the run directory " + location() + ": " + e.getMessage());
      }
      try {
        mkdirs(root);
        lock = DirectoryLock.take(fs, root, location());
      } catch (RuntimeException e) {
        abandon();
        throw e;
      }
    }
  }

  /** Releases the lock after a failure while taking the folder, removing the folders made for it. */
  private void abandon() {
    try {
      if (madeHere != null) {
        fs.delete(madeHere, true);
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot remove {}: {}", madeHere, e.getMessage());
    } finally {
      madeHere = null;
      close();
    }
  }

  /**
   * Starts a new set of outputs, under the lock: marks the folder as smoothcert's, removes what a killed run
   * left behind and the old manifest (from now on the outputs are incomplete until {@link #seal}).
   */
  private void beginOutputs() {
    try {
      // Only a folder smoothcert marked before this run can hold the temporary files of its outputs and
      // slices; in any other, only the names it makes before the marker are its own (the rest the user's).
      boolean marked = FolderOwnership.isMarked(fs, root);
      if (!exists(FolderOwnership.MARKER)) {
        store(FolderOwnership.MARKER, FolderOwnership.MARKER_TEXT.getBytes(StandardCharsets.UTF_8));
      }
      FileSystem raw = HadoopFiles.unchecksummed(fs);
      for (FileStatus f : fs.listStatus(root)) {
        String name = f.getPath().getName();
        if (marked ? FolderOwnership.isLeftoverInMarked(name) : FolderOwnership.isLeftover(name)) {
          raw.delete(f.getPath(), false);
        }
      }
      Path votes = new Path(root, VOTES);
      if (marked && fs.exists(votes)) {
        for (FileStatus f : fs.listStatus(votes)) {
          if (FolderOwnership.isSliceLeftover(f.getPath().getName())) {
            raw.delete(f.getPath(), false);
          }
        }
      }
      fs.delete(new Path(root, OutputManifest.NAME), false);
    } catch (IOException e) {
      throw new UserError("cannot write the run directory " + location() + ": " + e.getMessage());
    }
    outputs.clear();
  }

  /** Ends a set of outputs: the manifest of every output written since it began, written last. */
  public void seal() {
    requireLocked();
    store(OutputManifest.NAME, OutputManifest.render(outputs).getBytes(StandardCharsets.UTF_8));
  }

  /** Releases the directory's lock, if held (also after a failure). */
  @Override
  public void close() {
    if (lock != null) {
      lock.close();
      lock = null;
    }
  }

  private void requireLocked() {
    if (lock == null) {
      throw new IllegalStateException("a run directory is written only after claim() or create()");
    }
  }

  private void mkdirs(Path folder) {
    try {
      if (!fs.mkdirs(folder)) {
        throw new IOException("mkdirs failed");
      }
    } catch (IOException e) {
      throw new UserError("cannot make " + folder + ": " + e.getMessage());
    }
  }

  /** The directory, as the user should see it. */
  public String location() {
    return root.toString();
  }

  /**
   * Refuses a directory that holds the votes of another identity (every setting that changes what a
   * classifier votes), naming what differs. Writes nothing.
   */
  public void requireIdentity(Map<String, String> identity) {
    if (exists(IDENTITY)) {
      Map<String, String> stored = identity();
      if (!stored.equals(identity)) {
        throw new UserError("the run directory " + location() + " holds votes of another configuration ("
            + differences(stored, identity) + "); use another --out, or delete it to start over");
      }
    }
  }

  /**
   * Takes the directory for this run (making it if new, refusing it while another run holds it), binds it
   * to the identity of its votes (see {@link #requireIdentity}, checked again under the lock) and begins a
   * new set of outputs. From then on every slice is written stamped with that identity and only slices
   * stamped with it are read back. {@link #close} it in any case.
   */
  public void claim(Map<String, String> identity) {
    requireIdentity(identity);
    lock();
    boolean bound;
    try {
      requireIdentity(identity);
      beginOutputs();
      mkdirs(new Path(root, VOTES));
      bound = exists(IDENTITY);
      if (!bound) {
        store(IDENTITY, render(identity).getBytes(StandardCharsets.UTF_8));
      }
    } catch (RuntimeException e) {
      abandon();
      throw e;
    }
    madeHere = null;
    identityDigest = digest(render(identity));
    legacySlicesTrusted = bound;
  }

  /** The identity this directory is bound to. */
  public Map<String, String> identity() {
    return RunConfig.completeIdentity(parse(storedIdentityText()));
  }

  /**
   * The identity votes.id states, completed as {@link #identity} does where it can; as written where its
   * learner is a combination that can only be re-certified.
   */
  public Map<String, String> storedIdentity() {
    Map<String, String> raw = parse(storedIdentityText());
    try {
      return RunConfig.completeIdentity(raw);
    } catch (UserError e) {
      return raw;
    }
  }

  private String storedIdentityText() {
    return readText(IDENTITY);
  }

  /** SHA-256 of an identity as votes.id renders it. */
  private static byte[] digest(String renderedIdentity) {
    return HadoopFiles.sha256Bytes(renderedIdentity.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * All intact slice checkpoints made under this directory's identity. A damaged slice, or one made
   * under another identity, is never counted: it is named in a warning and, unless the directory is
   * open read-only, moved aside (kept, under a name starting with a dot) so that it is retrained.
   */
  public List<SliceVotes> readSlices() {
    if (identityDigest == null) {
      throw new IllegalStateException("slices are read under an identity: claim() or existing() first");
    }
    List<SliceVotes> slices = new ArrayList<>();
    try {
      Path dir = new Path(root, VOTES);
      if (!fs.exists(dir)) {
        return slices;
      }
      for (FileStatus f : fs.listStatus(dir)) {
        String name = f.getPath().getName();
        if (!name.endsWith(SLICE_SUFFIX) || name.startsWith(".")) {
          continue;
        }
        byte[] bytes = readBytes(f.getPath());
        try {
          SliceCodec.Stamped stamped = SliceCodec.decode(bytes);
          SliceVotes s = stamped.slice();
          if (!name.equals(sliceName(s))) {
            throw new SliceCodec.CorruptSliceException("its contents are slice " + sliceName(s));
          }
          if (stamped.identity() == null ? legacySlicesTrusted : stamped.madeUnder(identityDigest)) {
            slices.add(s);
          } else {
            setAside(f.getPath(), "foreign", stamped.identity() == null
                ? "it records no identity and " + IDENTITY + " was not there to vouch for it"
                : "it was made under another configuration than " + IDENTITY + " states");
          }
        } catch (SliceCodec.CorruptSliceException e) {
          setAside(f.getPath(), "corrupt", "it is damaged: " + e.getMessage());
        }
      }
    } catch (IOException e) {
      throw new UserError("cannot read the checkpoints in " + location() + ": " + e.getMessage());
    }
    return slices;
  }

  /** Warns that a slice is not counted and, unless read-only, moves it aside to be retrained. */
  private void setAside(Path slice, String kind, String why) throws IOException {
    if (readOnly) {
      LOG.warn("slice checkpoint {} is not counted: {}", slice, why);
      return;
    }
    Path aside = new Path(slice.getParent(), "." + slice.getName() + "." + kind + "-" + UUID.randomUUID());
    fs.rename(slice, aside);
    LOG.warn("slice checkpoint {} is not counted: {}; moved to {} and its classifiers will be retrained",
        slice, why, aside.getName());
  }

  /**
   * Classifiers covered by the slice files now in votes/, from their names alone (cheap enough for a
   * signal handler; no file is opened or checked: {@link #readSlices} decides what is counted).
   */
  public long checkpointedClassifiers() {
    long classifiers = 0;
    try {
      Path dir = new Path(root, VOTES);
      if (!fs.exists(dir)) {
        return 0;
      }
      for (FileStatus f : fs.listStatus(dir)) {
        Matcher m = SLICE_NAME.matcher(f.getPath().getName());
        if (m.matches()) {
          classifiers += Long.parseLong(m.group(2)) - Long.parseLong(m.group(1));
        }
      }
    } catch (IOException e) {
      throw new UserError("cannot list the checkpoints in " + location() + ": " + e.getMessage());
    }
    return classifiers;
  }

  public void writeSlice(SliceVotes slice) {
    if (readOnly || identityDigest == null) {
      throw new IllegalStateException("slices are written only into a claimed run directory");
    }
    requireLocked();
    store(VOTES + "/" + sliceName(slice), SliceCodec.encode(slice, identityDigest));
  }

  private static String sliceName(SliceVotes s) {
    return String.format("slice-%010d-%010d%s", s.from(), s.to(), SLICE_SUFFIX);
  }

  public boolean exists(String name) {
    try {
      return fs.exists(new Path(root, name));
    } catch (IOException e) {
      throw new UserError("cannot read " + new Path(root, name) + ": " + e.getMessage());
    }
  }

  private String readText(String name) {
    return new String(readBytes(new Path(root, name)), StandardCharsets.UTF_8);
  }

  /**
   * The text of one of the outputs of a stored run, refused unless its manifest lists it with these bytes
   * (a directory without a manifest holds an incomplete set: the run did not finish writing them).
   */
  public String readOutput(String name) {
    if (manifest == null) {
      if (!exists(OutputManifest.NAME)) {
        throw OutputManifest.incomplete(location());
      }
      manifest = OutputManifest.parse(location(), readText(OutputManifest.NAME));
    }
    return new String(manifest.verified(name, readBytes(new Path(root, name))), StandardCharsets.UTF_8);
  }

  /**
   * The certificates computed on this directory's votes so far. Read without the manifest: the file is
   * replaced atomically and kept while a new set of outputs is being written, so a run killed after its
   * results were shown still counts.
   */
  public CertificateHistory certificateHistory() {
    if (!exists(CertificateHistory.FILE)) {
      return CertificateHistory.empty();
    }
    return CertificateHistory.parse(readText(CertificateHistory.FILE), location() + "/" + CertificateHistory.FILE);
  }

  /**
   * Records {@code look} in the history beside these votes and returns the history as it was before: read
   * and replaced atomically under the directory's lock (taken for the moment if this process does not hold
   * it, also when the directory is open for reading), so two certifications of the same votes, wherever
   * their reports go, each see the other. The history is not one of the outputs {@link #seal} lists: later
   * certifications add to it while the outputs stay as they were.
   */
  public CertificateHistory recordCertificate(CertificateHistory.Look look) {
    DirectoryLock taken = lock == null ? DirectoryLock.take(fs, root, location()) : null;
    try {
      CertificateHistory before = certificateHistory();
      CertificateHistory after = before.with(look);
      if (after != before) {
        store(CertificateHistory.FILE, after.render().getBytes(StandardCharsets.UTF_8));
      }
      return before;
    } finally {
      if (taken != null) {
        taken.close();
      }
    }
  }

  public void writeText(String name, String text) {
    writeBytes(name, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes one of the outputs under a temporary name, then renames it into place (replacing an older file). */
  public void writeBytes(String name, byte[] bytes) {
    requireLocked();
    store(name, bytes);
    outputs.put(name, OutputManifest.sha256(bytes));
  }

  private void store(String name, byte[] bytes) {
    HadoopFiles.writeAtomically(new Path(root, name), hadoop, out -> out.write(bytes));
  }

  private byte[] readBytes(Path path) {
    try (InputStream in = fs.open(path)) {
      return in.readAllBytes();
    } catch (FileNotFoundException e) {
      throw new UserError(path + " does not exist");
    } catch (IOException e) {
      throw new UserError("cannot read " + path + ": " + e.getMessage());
    }
  }

  static String render(Map<String, String> identity) {
    StringBuilder sb = new StringBuilder();
    new TreeMap<>(identity).forEach((k, v) -> sb.append(k).append(" = ").append(v).append('\n'));
    return sb.toString();
  }

  static Map<String, String> parse(String text) {
    Map<String, String> map = new TreeMap<>();
    for (String line : text.split("\n")) {
      int eq = line.indexOf(" = ");
      if (eq > 0) {
        map.put(line.substring(0, eq), line.substring(eq + 3));
      }
    }
    return map;
  }

  private static String differences(Map<String, String> stored, Map<String, String> current) {
    List<String> diffs = new ArrayList<>();
    TreeMap<String, String> all = new TreeMap<>(stored);
    current.forEach(all::putIfAbsent);
    for (String key : all.keySet()) {
      String was = stored.get(key);
      String now = current.get(key);
      if (was == null || !was.equals(now)) {
        diffs.add(key + " is " + (was == null ? "unset" : was) + " there, " + (now == null ? "unset" : now) + " here");
      }
    }
    return String.join("; ", diffs);
  }
}
