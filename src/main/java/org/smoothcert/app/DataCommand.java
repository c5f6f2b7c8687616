package org.smoothcert.app;

import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.smoothcert.UserError;
import org.smoothcert.data.DataSpec;
import org.smoothcert.data.DigitSelection;
import org.smoothcert.data.idx.LabelledImages;
import org.smoothcert.data.idx.MnistFolder;
import org.smoothcert.data.tools.Checksums;
import org.smoothcert.data.tools.MnistExtract.WrittenSplit;
import org.smoothcert.data.tools.MnistExtract;
import org.smoothcert.data.tools.SklearnDataSet;
import org.smoothcert.data.tools.SklearnImport;
import org.smoothcert.io.HadoopFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code smoothcert data extract}: copies chosen digits of an MNIST folder into a new folder (original
 * pixels and labels, with a provenance README). {@code smoothcert data info}: what a folder holds.
 * {@code smoothcert data verify}: its files against its SHA256SUMS. {@code smoothcert data import-sklearn}: one
 * of scikit-learn's UCI data sets as a CSV file, with a provenance README.
 */
@Command(name = "data",
    description = "Extract chosen digits of MNIST IDX files into a folder (extract), count them (info), check a"
        + " folder's files against its SHA256SUMS (verify), or write one of scikit-learn's UCI data sets as CSV"
        + " (import-sklearn).",
    subcommands = {DataCommand.Extract.class, DataCommand.Info.class, DataCommand.Verify.class,
        DataCommand.ImportSklearn.class})
final class DataCommand {
  /** --source-classes, of extract and info. */
  static final class SourceClasses {
    @Option(names = "--source-classes", paramLabel = "C", defaultValue = "" + DataSpec.MNIST_CLASSES,
        description = "number of classes of the source files, in [2, 256] (default: ${DEFAULT-VALUE})")
    int classes;

    int value() {
      if (classes < 2 || classes > 256) {
        throw new UserError("--source-classes must be in [2, 256], got " + classes);
      }
      return classes;
    }
  }

  @Command(name = "extract",
      description = "Copy the chosen digits of an MNIST folder into a new folder (original pixels and labels, with a"
          + " provenance README.md).")
  static final class Extract extends Subcommand {
    @Option(names = "--digits", required = true, paramLabel = "DIGITS",
        description = "the digits to keep, separated by commas, e.g. 1,7")
    String digitList;

    @Option(names = "--from", required = true, paramLabel = "DIR", description = "folder of the MNIST IDX files")
    String from;

    @Option(names = "--to", required = true, paramLabel = "DIR", description = "the new folder (absent or empty)")
    String to;

    @Mixin
    SourceClasses sourceClasses;

    @Override
    int run(PrintWriter out) {
      DigitSelection digits = DigitSelection.parse(digitList, sourceClasses.value(), "--digits");
      Configuration conf = new Configuration();
      MnistFolder folder = MnistFolder.find(from, conf);
      Path target = HadoopFiles.resolve(to, conf);
      List<WrittenSplit> written = MnistExtract.extract(folder, digits, target, commandLine(spec), conf);
      for (WrittenSplit split : written) {
        out.printf("%-5s %6d examples (%s): %s, %s%n", split.split(), split.total(),
            perDigit(digits.digits(), split.countsPerDigit()), split.images().name(), split.labels().name());
      }
      out.println("wrote " + target + " with README.md");
      return 0;
    }

  }

  @Command(name = "info", description = "What an MNIST folder holds: images and labels per split.")
  static final class Info extends Subcommand {
    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "folder of the MNIST IDX files")
    String dir;

    @Option(names = "--digits", paramLabel = "DIGITS",
        description = "count only these digits, separated by commas (default: every class)")
    String digitList;

    @Mixin
    SourceClasses sourceClasses;

    @Override
    int run(PrintWriter out) {
      int classes = sourceClasses.value();
      DigitSelection digits = digitList == null ? null : DigitSelection.parse(digitList, classes, "--digits");
      Configuration conf = new Configuration();
      MnistFolder folder = MnistFolder.find(dir, conf);
      out.println("folder " + folder.dir());
      for (LabelledImages split : folder.readAll(conf, classes)) {
        out.printf("%-5s %d images of %s: %s, %s%n", split.split(), split.count(), split.images().shape(),
            split.files().images().getName(), split.files().labels().getName());
        int[] counts = split.countsPerLabel();
        List<Integer> shown = digits == null ? IntStream.range(0, classes).boxed().toList() : digits.digits();
        out.println("      " + perDigit(shown, shown.stream().map(d -> counts[d]).toList()));
        if (digits != null) {
          int chosen = shown.stream().mapToInt(d -> counts[d]).sum();
          out.println("      digits " + digits + ": " + chosen + ", other digits: " + (split.count() - chosen));
        }
      }
      return 0;
    }
  }

  /** Exit 0 when every file the folder's SHA256SUMS lists has its sum, 1 when one differs. */
  @Command(name = "verify",
      description = "Check a folder's files against its SHA256SUMS: exit 0 when all match, 1 when one differs.")
  static final class Verify extends Subcommand {
    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "the folder holding SHA256SUMS")
    String dir;

    @Override
    int run(PrintWriter out) {
      Configuration conf = new Configuration();
      List<Checksums.Entry> entries = Checksums.check(HadoopFiles.resolve(dir, conf), conf);
      long bad = 0;
      for (Checksums.Entry e : entries) {
        out.println(e.name() + ": " + (e.matches() ? "OK" : "FAILED (SHA-256 " + e.actual() + ")"));
        bad += e.matches() ? 0 : 1;
      }
      out.println(bad == 0 ? "all " + entries.size() + " files match " + Checksums.FILE_NAME
          : bad + " of " + entries.size() + " files do not match " + Checksums.FILE_NAME);
      return bad == 0 ? 0 : 1;
    }
  }

  @Command(name = "import-sklearn",
      description = "Write one of the UCI data sets scikit-learn ships as a CSV file with a header naming the columns,"
          + " every row checked, beside a README.md (provenance, licence) and a SHA256SUMS.")
  static final class ImportSklearn extends Subcommand {
    @Option(names = "--name", required = true, paramLabel = "NAME", description = "breast-cancer or optical-digits")
    String name;

    @Option(names = "--from", required = true, paramLabel = "DIR",
        description = "scikit-learn's sklearn/datasets folder (its data/ and descr/ are read)")
    String from;

    @Option(names = "--to", required = true, paramLabel = "DIR", description = "the new folder (absent or empty)")
    String to;

    @Option(names = "--origin", required = true, paramLabel = "TEXT",
        description = "where the scikit-learn files came from, for the README, e.g. 'python3-sklearn 1.2.1+dfsg-1'")
    String origin;

    @Override
    int run(PrintWriter out) {
      SklearnDataSet set = SklearnDataSet.named(name);
      Configuration conf = new Configuration();
      Path target = HadoopFiles.resolve(to, conf);
      SklearnImport.Written written = SklearnImport.write(set, HadoopFiles.resolve(from, conf), target, origin,
          commandLine(spec), conf);
      out.printf("%s: %d rows, %d features, classes %s (rows per class %s)%n", written.csv(), written.rows(),
          written.features(), written.classes(), written.perClass());
      out.println("wrote " + target + " with README.md and SHA256SUMS");
      return 0;
    }
  }

  /** The command as typed, quoting any word a shell would split or expand. */
  private static String commandLine(CommandSpec spec) {
    StringBuilder s = new StringBuilder("smoothcert");
    for (String word : spec.commandLine().getParseResult().originalArgs()) {
      boolean plain = word.matches("[A-Za-z0-9_./:,=@+-]+");
      s.append(' ').append(plain ? word : "'" + word.replace("'", "'\\''") + "'");
    }
    return s.toString();
  }

  /** "1: 6742, 7: 6265" for counts given in the order of the digits. */
  private static String perDigit(List<Integer> digits, List<Integer> counts) {
    return IntStream.range(0, digits.size()).mapToObj(c -> digits.get(c) + ": " + counts.get(c))
        .collect(Collectors.joining(", "));
  }
}
