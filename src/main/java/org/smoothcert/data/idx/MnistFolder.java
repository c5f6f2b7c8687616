package org.smoothcert.data.idx;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.smoothcert.UserError;
import org.smoothcert.data.Split;
import org.smoothcert.io.HadoopFiles;

/**
 * A folder holding MNIST-style IDX files under the standard names ({@code train-images-idx3-ubyte},
 * {@code t10k-labels-idx1-ubyte}, ...), each plain or with {@code .gz}. Either split may be missing
 * (a user's own pool is one split), but a split with images and no labels, or the reverse, is an error.
 */
public final class MnistFolder {
  private static final String GZ = ".gz";

  private final Path dir;
  private final List<SplitFiles> splits;

  private MnistFolder(Path dir, List<SplitFiles> splits) {
    this.dir = dir;
    this.splits = List.copyOf(splits);
  }

  /** Looks for the standard files in {@code dir}; at least one complete split must be there. */
  public static MnistFolder find(Path dir, Configuration conf) {
    FileStatus status = HadoopFiles.statusOrNull(dir, conf);
    if (status == null) {
      throw new UserError(dir + ": no such folder");
    }
    if (!status.isDirectory()) {
      throw new UserError(dir + ": is a file, expected a folder of MNIST IDX files");
    }
    List<SplitFiles> found = new ArrayList<>();
    for (Split split : Split.values()) {
      Path images = locate(dir, split.imagesFileName(), conf);
      Path labels = locate(dir, split.labelsFileName(), conf);
      if (images == null && labels == null) {
        continue;
      }
      if (images == null || labels == null) {
        String missing = images == null ? split.imagesFileName() : split.labelsFileName();
        Path present = images == null ? labels : images;
        throw new UserError(dir + ": has " + present.getName() + " but not " + missing + "[.gz]: the "
            + split + " split needs both images and labels");
      }
      found.add(new SplitFiles(split, images, labels));
    }
    if (found.isEmpty()) {
      throw new UserError(dir + ": no MNIST files found (looked for " + Split.TRAIN.imagesFileName() + ", "
          + Split.TRAIN.labelsFileName() + ", " + Split.TEST.imagesFileName() + " and "
          + Split.TEST.labelsFileName() + ", each with or without .gz)");
    }
    return new MnistFolder(dir, found);
  }

  /** Resolves {@code dir} as typed by a user (see {@link HadoopFiles#resolve}) and looks in it. */
  public static MnistFolder find(String dir, Configuration conf) {
    return find(HadoopFiles.resolve(dir, conf), conf);
  }

  public Path dir() {
    return dir;
  }

  /** The splits present, train before test. */
  public List<SplitFiles> splits() {
    return splits;
  }

  /** Reads every split present; all must have images of the same size. */
  public List<LabelledImages> readAll(Configuration conf, int sourceClasses) {
    List<LabelledImages> read = new ArrayList<>();
    ImageShape shape = null;
    for (SplitFiles files : splits) {
      LabelledImages split = files.read(conf, sourceClasses, shape);
      shape = split.images().shape();
      read.add(split);
    }
    return read;
  }

  /** The plain or the gzip file of that name, or null if neither exists; both at once is ambiguous. */
  private static Path locate(Path dir, String name, Configuration conf) {
    Path plain = new Path(dir, name);
    Path gzip = new Path(dir, name + GZ);
    boolean hasPlain = isFile(plain, conf);
    boolean hasGzip = isFile(gzip, conf);
    if (hasPlain && hasGzip) {
      throw new UserError(dir + ": has both " + name + " and " + name + GZ + "; keep one of them");
    }
    return hasPlain ? plain : hasGzip ? gzip : null;
  }

  private static boolean isFile(Path path, Configuration conf) {
    FileStatus status = HadoopFiles.statusOrNull(path, conf);
    return status != null && status.isFile();
  }
}
