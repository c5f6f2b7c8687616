package org.smoothcert.data.tools;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.smoothcert.UserError;
import org.smoothcert.data.Cells;
import org.smoothcert.io.HadoopFiles;

/**
 * Writes one of scikit-learn's shipped UCI data sets ({@link SklearnDataSet}) as a plain CSV table with a
 * header naming the columns, the values as scikit-learn has them (their text copied, not reformatted)
 * and the label as the class's name where the file gives names, beside a README.md (what it is, where
 * it came from, how it was made, licence) and a SHA256SUMS. Every row is checked on the way: its number
 * of values, each a number, each label a class.
 */
public final class SklearnImport {
  static final String README = "README.md";

  /**
   * What was written.
   *
   * @param output the CSV file written
   * @param shape what the CSV file holds
   * @param sources the files read (data and description) with their SHA-256
   */
  public record Written(Output output, Shape shape, Map<String, String> sources) {
    /** The CSV file written: where, its size in bytes and its SHA-256. */
    public record Output(Path csv, long csvBytes, String sha256) {}

    /**
     * What the CSV file holds.
     *
     * @param classes the label values, in the order of scikit-learn's labels 0, 1, ...
     * @param perClass rows of each class
     */
    public record Shape(int rows, int features, List<String> classes, List<Integer> perClass) {}

    public Path csv() {
      return output.csv();
    }

    public long csvBytes() {
      return output.csvBytes();
    }

    public String sha256() {
      return output.sha256();
    }

    public int rows() {
      return shape.rows();
    }

    public int features() {
      return shape.features();
    }

    public List<String> classes() {
      return shape.classes();
    }

    public List<Integer> perClass() {
      return shape.perClass();
    }
  }

  private SklearnImport() {}

  /**
   * @param datasets scikit-learn's {@code sklearn/datasets} folder (with {@code data/} and {@code descr/})
   * @param to the folder to write, new or empty
   * @param origin the package the files come from, e.g. "Debian python3-sklearn 1.2.1+dfsg-1"
   * @param command the command line that asked for this, quoted in the README
   */
  public static Written write(SklearnDataSet set, Path datasets, Path to, String origin, String command,
      Configuration conf) {
    MnistExtract.requireEmptyFolder(to, conf);
    Path data = new Path(new Path(datasets, "data"), set.dataFile());
    Path description = new Path(new Path(datasets, "descr"), set.descriptionFile());
    String descriptionText = HadoopFiles.readText(description, conf);
    List<String> names = set.featureNames(descriptionText);
    Table table = read(set, data, names.size(), conf);
    StringBuilder csv = new StringBuilder(String.join(",", names)).append(',').append(set.labelColumn()).append('\n');
    int[] perClass = new int[table.classes.size()];
    for (String[] row : table.rows) {
      int label = Integer.parseInt(row[names.size()]);
      perClass[label]++;
      for (int j = 0; j < names.size(); j++) {
        csv.append(row[j]).append(',');
      }
      csv.append(table.classes.get(label)).append('\n');
    }
    Path file = new Path(to, set.folder() + ".csv");
    byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
    HadoopFiles.writeAtomically(file, conf, out -> out.write(bytes));
    String sha256 = HadoopFiles.sha256(file, conf);
    Map<String, String> sources = new LinkedHashMap<>();
    sources.put("sklearn/datasets/data/" + set.dataFile(), HadoopFiles.sha256(data, conf));
    sources.put("sklearn/datasets/descr/" + set.descriptionFile(), HadoopFiles.sha256(description, conf));
    Written written = new Written(new Written.Output(file, bytes.length, sha256), new Written.Shape(table.rows.size(),
        names.size(), table.classes, java.util.Arrays.stream(perClass).boxed().toList()), sources);
    String readme = SklearnReadme.text(set, written, names, origin, command);
    HadoopFiles.writeAtomically(new Path(to, README), conf, out -> out.write(readme.getBytes(StandardCharsets.UTF_8)));
    String sums = sha256 + "  " + file.getName() + "\n";
    HadoopFiles.writeAtomically(new Path(to, Checksums.FILE_NAME), conf,
        out -> out.write(sums.getBytes(StandardCharsets.UTF_8)));
    return written;
  }

  /** The source's rows (features, then the label 0, 1, ...) and its class names. */
  private record Table(List<String[]> rows, List<String> classes) {}

  private static Table read(SklearnDataSet set, Path data, int features, Configuration conf) {
    try (InputStream raw = HadoopFiles.open(data, conf);
        BufferedReader in = new BufferedReader(new InputStreamReader(set.dataFile().endsWith(".gz")
            ? new GZIPInputStream(raw) : raw, StandardCharsets.UTF_8))) {
      List<String> classes = new ArrayList<>();
      int declaredRows = -1;
      if (set == SklearnDataSet.BREAST_CANCER) {
        String[] first = in.readLine().split(",");
        declaredRows = Integer.parseInt(first[0]);
        if (Integer.parseInt(first[1]) != features) {
          throw new UserError(data + ": line 1 announces " + first[1] + " features, expected " + features);
        }
        classes.addAll(List.of(first).subList(2, first.length));
      } else {
        for (int c = 0; c < 10; c++) {
          classes.add(Integer.toString(c));
        }
      }
      List<String[]> rows = new ArrayList<>();
      int lineNumber = declaredRows < 0 ? 0 : 1;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNumber++;
        rows.add(checked(line.split(",", -1), features, classes.size(), data + ": line " + lineNumber));
      }
      if (declaredRows >= 0 && declaredRows != rows.size()) {
        throw new UserError(data + ": line 1 announces " + declaredRows + " rows, the file has " + rows.size());
      }
      return new Table(rows, classes);
    } catch (IOException | NumberFormatException e) {
      throw new UserError(data + ": cannot be read as scikit-learn's " + set.dataFile() + ": " + e.getMessage(), e);
    }
  }

  private static String[] checked(String[] row, int features, int classes, String where) {
    if (row.length != features + 1) {
      throw new UserError(where + ": " + row.length + " values, expected " + features + " and a label");
    }
    for (int j = 0; j < features; j++) {
      Double value = Cells.number(row[j]);
      if (value == null || !Double.isFinite(value)) {
        throw new UserError(where + ": value " + (j + 1) + " '" + row[j] + "' is not a finite number");
      }
    }
    String label = row[features];
    if (!label.matches("\\d+") || Integer.parseInt(label) >= classes) {
      throw new UserError(where + ": label '" + label + "' is not one of 0 to " + (classes - 1));
    }
    return row;
  }
}
