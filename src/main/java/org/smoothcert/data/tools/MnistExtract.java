package org.smoothcert.data.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.smoothcert.UserError;
import org.smoothcert.data.DigitSelection;
import org.smoothcert.data.Split;
import org.smoothcert.data.idx.DigitPool;
import org.smoothcert.data.idx.ImageShape;
import org.smoothcert.data.idx.LabelledImages;
import org.smoothcert.data.idx.MnistFolder;
import org.smoothcert.io.HadoopFiles;

/**
 * Copies the chosen digits of every split in a folder into a new folder: original pixels and original
 * labels, in source order, gzip IDX under the standard names, with a README.md giving provenance,
 * counts and checksums. The result reads like any MNIST folder.
 */
public final class MnistExtract {
  static final String README = "README.md";
  private static final String GZ = ".gz";

  private MnistExtract() {}

  /** One file written: its name, size, SHA-256 as stored (gzip) and SHA-256 of the IDX bytes inside. */
  public record WrittenFile(String name, long bytes, String sha256, String idxSha256) {}

  /** One split written, with the count of each chosen digit (in the order chosen). */
  public record WrittenSplit(Split split, List<Integer> countsPerDigit, WrittenFile images,
      WrittenFile labels) {
    public WrittenSplit {
      countsPerDigit = List.copyOf(countsPerDigit);
    }

    public int total() {
      return countsPerDigit.stream().mapToInt(Integer::intValue).sum();
    }
  }

  /** A file read, named in the README. */
  record SourceFile(String name, String sha256) {}

  /**
   * Writes the extract into {@code to}, which must not exist yet or be empty.
   *
   * @param command the command line that asked for this, quoted in the README
   */
  public static List<WrittenSplit> extract(MnistFolder from, DigitSelection digits, Path to, String command,
      Configuration conf) {
    requireEmptyFolder(to, conf);
    List<WrittenSplit> written = new ArrayList<>();
    List<SourceFile> sources = new ArrayList<>();
    for (LabelledImages split : from.readAll(conf, digits.sourceClasses())) {
      written.add(write(DigitPool.of(digits, split), to, conf));
      for (Path file : List.of(split.files().images(), split.files().labels())) {
        sources.add(new SourceFile(file.getName(), HadoopFiles.sha256(file, conf)));
      }
    }
    String readme = ExtractReadme.text(digits, command, sources, written);
    HadoopFiles.writeAtomically(new Path(to, README), conf,
        out -> out.write(readme.getBytes(StandardCharsets.UTF_8)));
    return written;
  }

  static void requireEmptyFolder(Path to, Configuration conf) {
    FileStatus status = HadoopFiles.statusOrNull(to, conf);
    if (status == null) {
      return;
    }
    if (!status.isDirectory()) {
      throw new UserError(to + ": is a file; extract into a new or empty folder");
    }
    try {
      if (to.getFileSystem(conf).listStatus(to).length > 0) {
        throw new UserError(to + ": is not empty; extract into a new or empty folder");
      }
    } catch (IOException e) {
      throw new UserError(to + ": cannot list: " + e.getMessage(), e);
    }
  }

  private static WrittenSplit write(DigitPool pool, Path to, Configuration conf) {
    LabelledImages split = pool.split();
    ImageShape shape = split.images().shape();
    int dim = shape.pixels();
    int[] kept = pool.indices();
    byte[] pixels = new byte[kept.length * dim];
    byte[] labels = new byte[kept.length];
    for (int k = 0; k < kept.length; k++) {
      System.arraycopy(split.images().pixels(), kept[k] * dim, pixels, k * dim, dim);
      labels[k] = (byte) split.label(kept[k]);
    }
    Path imagesFile = new Path(to, split.split().imagesFileName() + GZ);
    Path labelsFile = new Path(to, split.split().labelsFileName() + GZ);
    String imagesIdxSha = IdxWriter.writeImages(imagesFile, conf, shape, kept.length, pixels);
    String labelsIdxSha = IdxWriter.writeLabels(labelsFile, conf, labels);
    return new WrittenSplit(split.split(), Arrays.stream(pool.availablePerClass()).boxed().toList(),
        describe(imagesFile, imagesIdxSha, conf), describe(labelsFile, labelsIdxSha, conf));
  }

  private static WrittenFile describe(Path file, String idxSha256, Configuration conf) {
    return new WrittenFile(file.getName(), HadoopFiles.length(file, conf), HadoopFiles.sha256(file, conf),
        idxSha256);
  }
}
