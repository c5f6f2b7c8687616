package org.smoothcert.app;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.smoothcert.UserError;
import org.smoothcert.data.Checksums;
import org.smoothcert.data.DataSpec;
import org.smoothcert.data.DigitSelection;
import org.smoothcert.data.HadoopFiles;
import org.smoothcert.data.LabelledImages;
import org.smoothcert.data.MnistExtract;
import org.smoothcert.data.MnistExtract.WrittenSplit;
import org.smoothcert.data.MnistFolder;
import org.smoothcert.data.SklearnDataSet;
import org.smoothcert.data.SklearnImport;

/**
 * {@code smoothcert data extract}: copies chosen digits of an MNIST folder into a new folder (original
 * pixels and labels, with a provenance README). {@code smoothcert data info}: what a folder holds.
 */
final class DataCommand implements Command {
  private static final String USAGE = "data extract --digits 1,7 --from DIR --to DIR | data info --dir DIR"
      + " [--digits 1,7]  (both take --source-classes, default 10) | data verify --dir DIR"
      + " | data import-sklearn --name breast-cancer|optical-digits --from SKLEARN_DATASETS_DIR --to DIR"
      + " --origin 'PACKAGE VERSION'";

  @Override
  public String summary() {
    return "extract chosen digits of MNIST IDX files into a folder (extract), count them (info), check a"
        + " folder's files against its SHA256SUMS (verify), or write one of scikit-learn's UCI data sets as CSV"
        + " (import-sklearn)";
  }

  @Override
  public int run(String[] argv, PrintStream out) {
    String action = argv.length == 0 ? "" : argv[0];
    String[] rest = Arrays.copyOfRange(argv, Math.min(1, argv.length), argv.length);
    return switch (action) {
      case "extract" -> extract(rest, out);
      case "info" -> info(rest, out);
      case "verify" -> verify(rest, out);
      case "import-sklearn" -> importSklearn(rest, out);
      default -> throw new UserError("expected 'extract', 'info', 'verify' or 'import-sklearn'" + (action.isEmpty() ? "" : ", got '"
          + action + "'") + "; usage: smoothcert " + USAGE);
    };
  }

  private static int extract(String[] argv, PrintStream out) {
    Args args = Args.parse(argv, Set.of());
    int sourceClasses = sourceClasses(args);
    DigitSelection digits = DigitSelection.parse(args.requireString("digits"), sourceClasses, "--digits");
    String from = args.requireString("from");
    String to = args.requireString("to");
    args.rejectUnknown();

    Configuration conf = new Configuration();
    MnistFolder folder = MnistFolder.find(from, conf);
    Path target = HadoopFiles.resolve(to, conf);
    List<WrittenSplit> written = MnistExtract.extract(folder, digits, target, commandLine("extract", argv), conf);
    for (WrittenSplit split : written) {
      out.printf("%-5s %6d examples (%s): %s, %s%n", split.split(), split.total(),
          perDigit(digits.digits(), split.countsPerDigit()), split.images().name(), split.labels().name());
    }
    out.println("wrote " + target + " with README.md");
    return 0;
  }

  private static int info(String[] argv, PrintStream out) {
    Args args = Args.parse(argv, Set.of());
    int sourceClasses = sourceClasses(args);
    String digitsText = args.string("digits", null);
    DigitSelection digits =
        digitsText == null ? null : DigitSelection.parse(digitsText, sourceClasses, "--digits");
    String dir = args.requireString("dir");
    args.rejectUnknown();

    Configuration conf = new Configuration();
    MnistFolder folder = MnistFolder.find(dir, conf);
    out.println("folder " + folder.dir());
    for (LabelledImages split : folder.readAll(conf, sourceClasses)) {
      out.printf("%-5s %d images of %s: %s, %s%n", split.split(), split.count(), split.images().shape(),
          split.files().images().getName(), split.files().labels().getName());
      int[] counts = split.countsPerLabel();
      List<Integer> shown = digits == null ? allLabels(sourceClasses) : digits.digits();
      out.println("      " + perDigit(shown, shown.stream().map(d -> counts[d]).toList()));
      if (digits != null) {
        int chosen = shown.stream().mapToInt(d -> counts[d]).sum();
        out.println("      digits " + digits + ": " + chosen + ", other digits: " + (split.count() - chosen));
      }
    }
    return 0;
  }

  private static int importSklearn(String[] argv, PrintStream out) {
    Args args = Args.parse(argv, Set.of());
    SklearnDataSet set = SklearnDataSet.named(args.requireString("name"));
    String from = args.requireString("from");
    String to = args.requireString("to");
    String origin = args.requireString("origin");
    args.rejectUnknown();
    Configuration conf = new Configuration();
    SklearnImport.Written written = SklearnImport.write(set, HadoopFiles.resolve(from, conf),
        HadoopFiles.resolve(to, conf), origin, commandLine("import-sklearn", argv), conf);
    out.printf("%s: %d rows, %d features, classes %s (rows per class %s)%n", written.csv(), written.rows(),
        written.features(), written.classes(), written.perClass());
    out.println("wrote " + HadoopFiles.resolve(to, conf) + " with README.md and SHA256SUMS");
    return 0;
  }

  /** Exit 0 when every file the folder's SHA256SUMS lists has its sum, 1 when one differs. */
  private static int verify(String[] argv, PrintStream out) {
    Args args = Args.parse(argv, Set.of());
    String dir = args.requireString("dir");
    args.rejectUnknown();
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

  private static int sourceClasses(Args args) {
    int classes = args.intOr("source-classes", DataSpec.MNIST_CLASSES);
    if (classes < 2 || classes > 256) {
      throw new UserError("--source-classes must be in [2, 256], got " + classes);
    }
    return classes;
  }

  private static List<Integer> allLabels(int sourceClasses) {
    return IntStream.range(0, sourceClasses).boxed().toList();
  }

  /** "1: 6742, 7: 6265" for counts given in the order of the digits. */
  private static String perDigit(List<Integer> digits, List<Integer> counts) {
    return IntStream.range(0, digits.size()).mapToObj(c -> digits.get(c) + ": " + counts.get(c))
        .collect(Collectors.joining(", "));
  }

  /** The command as typed, quoting any word a shell would split or expand. */
  private static String commandLine(String action, String[] argv) {
    StringBuilder s = new StringBuilder("smoothcert data " + action);
    for (String word : argv) {
      boolean plain = word.matches("[A-Za-z0-9_./:,=@+-]+");
      s.append(' ').append(plain ? word : "'" + word.replace("'", "'\\''") + "'");
    }
    return s.toString();
  }
}
