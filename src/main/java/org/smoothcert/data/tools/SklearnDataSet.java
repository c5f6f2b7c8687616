package org.smoothcert.data.tools;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.smoothcert.UserError;

/**
 * The two UCI data sets scikit-learn ships as CSV files (sklearn/datasets/data), as {@code smoothcert data
 * import-sklearn} knows them: the source files, how their rows read, the column names and what the
 * README says about origin and licence.
 */
public enum SklearnDataSet {
  /**
   * UCI Breast Cancer Wisconsin (Diagnostic): 569 rows, 30 real features, 2 classes. The first line is
   * "569,30,malignant,benign" (rows, features, the names of labels 0 and 1).
   */
  BREAST_CANCER("breast-cancer", "breast_cancer.csv", "breast_cancer.rst", "diagnosis",
      "Breast Cancer Wisconsin (Diagnostic)", "William Wolberg, Olvi Mangasarian, Nick Street and W. Street (1995)",
      "https://archive.ics.uci.edu/dataset/17/breast+cancer+wisconsin+diagnostic", "10.24432/C5DW2B",
      "`wdbc.data`: an id, the diagnosis as M or B, then the same 30 features"),
  /**
   * UCI Optical Recognition of Handwritten Digits, its test part: 1,797 images of 8 x 8 blocks each
   * counting 0 to 16 pixels on, 10 classes. Gzip, no header: 64 values and the digit on each line.
   */
  OPTICAL_DIGITS("optical-digits", "digits.csv.gz", "digits.rst", "digit",
      "Optical Recognition of Handwritten Digits", "E. Alpaydin and C. Kaynak (1998)",
      "https://archive.ics.uci.edu/dataset/80/optical+recognition+of+handwritten+digits", "10.24432/C50P49",
      "`optdigits.tes`: the same 1,797 rows, 64 values and the digit");

  /** A feature row of breast_cancer.rst's statistics table: "radius (mean):   6.981  28.11". */
  private static final Pattern STATISTIC = Pattern.compile("^\\s+([a-z][a-z ]*[a-z]) \\((mean|standard error|worst)\\):",
      Pattern.MULTILINE);

  private final String folder;
  private final String dataFile;
  private final String descriptionFile;
  private final String labelColumn;
  private final String title;
  private final String creators;
  private final String uciPage;
  private final String doi;
  private final String uciFile;

  SklearnDataSet(String folder, String dataFile, String descriptionFile, String labelColumn, String title,
      String creators, String uciPage, String doi, String uciFile) {
    this.folder = folder;
    this.dataFile = dataFile;
    this.descriptionFile = descriptionFile;
    this.labelColumn = labelColumn;
    this.title = title;
    this.creators = creators;
    this.uciPage = uciPage;
    this.doi = doi;
    this.uciFile = uciFile;
  }

  /** The name on the command line and of the folder and the CSV file written. */
  public String folder() {
    return folder;
  }

  public static SklearnDataSet named(String name) {
    return Arrays.stream(values()).filter(s -> s.folder.equals(name)).findFirst().orElseThrow(() -> new UserError(
        "--name: expected breast-cancer or optical-digits, got '" + name + "'"));
  }

  String dataFile() {
    return dataFile;
  }

  String descriptionFile() {
    return descriptionFile;
  }

  String labelColumn() {
    return labelColumn;
  }

  String title() {
    return title;
  }

  String creators() {
    return creators;
  }

  String uciPage() {
    return uciPage;
  }

  String doi() {
    return doi;
  }

  String uciFile() {
    return uciFile;
  }

  /**
   * The feature columns' names: for the breast cancer set scikit-learn's own ("mean radius", "radius
   * error", "worst radius", ...), read from the statistics table of its description and written in
   * snake case; for the digits scikit-learn's pixel_ROW_COLUMN.
   */
  List<String> featureNames(String description) {
    List<String> names = new ArrayList<>();
    if (this == OPTICAL_DIGITS) {
      for (int i = 0; i < 64; i++) {
        names.add("pixel_" + i / 8 + "_" + i % 8);
      }
      return names;
    }
    Matcher m = STATISTIC.matcher(description);
    while (m.find()) {
      String feature = m.group(1).strip();
      String name = switch (m.group(2)) {
        case "mean" -> "mean " + feature;
        case "standard error" -> feature + " error";
        default -> "worst " + feature;
      };
      names.add(name.replace(' ', '_').toLowerCase(Locale.ROOT));
    }
    if (names.size() != 30) {
      throw new UserError(descriptionFile + ": expected its table of the 30 features, found " + names.size());
    }
    return names;
  }
}
