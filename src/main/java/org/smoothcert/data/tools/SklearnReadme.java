package org.smoothcert.data.tools;

import java.util.List;
import java.util.Map;

/** The README.md of an imported scikit-learn data set: what, columns, counts, provenance, licence. */
final class SklearnReadme {
  private SklearnReadme() {}

  static String text(SklearnDataSet set, SklearnImport.Written written, List<String> features, String origin,
      String command) {
    StringBuilder s = new StringBuilder();
    String file = written.csv().getName();
    s.append("# UCI ").append(set.title()).append(", as scikit-learn ships it\n\n")
        .append("`").append(file).append("`: ").append(written.rows()).append(" rows, ").append(written.features())
        .append(" feature columns and the label `").append(set.labelColumn()).append("`, plain CSV under a header")
        .append(" naming the columns. The values are scikit-learn's, their text copied unchanged")
        .append(set == SklearnDataSet.BREAST_CANCER ? "; the label is written as the class's name, as the first line of"
            + " scikit-learn's file names labels 0 and 1" : "").append(".\n\n");

    s.append("## Columns\n\n").append(features.size()).append(" features: `").append(features.get(0)).append("`, `")
        .append(features.get(1)).append("`, ... `").append(features.get(features.size() - 1)).append("`")
        .append(set == SklearnDataSet.BREAST_CANCER
            ? " (scikit-learn's feature names in snake case, from the statistics table of its description)"
            : " (scikit-learn's names: the block in row ROW, column COLUMN of the 8 x 8 image; each value counts"
            + " the pixels on in a 4 x 4 block of the 32 x 32 bitmap, 0 to 16)")
        .append(". Label `").append(set.labelColumn()).append("`:\n\n| class | rows |\n|---|---:|\n");
    for (int c = 0; c < written.classes().size(); c++) {
      s.append("| ").append(written.classes().get(c)).append(" | ").append(written.perClass().get(c)).append(" |\n");
    }

    s.append("\n## How it was made\n\n```\n").append(command).append("\n```\n\nfrom these files of ").append(origin)
        .append(":\n\n| file | SHA-256 |\n|---|---|\n");
    for (Map.Entry<String, String> source : written.sources().entrySet()) {
      s.append("| ").append(source.getKey()).append(" | ").append(source.getValue()).append(" |\n");
    }
    s.append("\nOn Debian: `apt-get download python3-sklearn`, then `dpkg -x` the package into a scratch folder; the")
        .append(" files are under `usr/lib/python3/dist-packages/sklearn/datasets`. Elsewhere: scikit-learn's own")
        .append(" distribution has them under `sklearn/datasets` (`pip download scikit-learn` and unzip the wheel;")
        .append(" compare their SHA-256 with the table above), and the data set itself is at the UCI Machine")
        .append(" Learning Repository, ").append(set.uciPage()).append(" (")
        .append(set.uciFile()).append(").\n");

    s.append("\n## Files\n\n| file | bytes | SHA-256 |\n|---|---:|---|\n| ").append(file).append(" | ")
        .append(written.csvBytes()).append(" | ").append(written.sha256()).append(" |\n\n")
        .append("`SHA256SUMS` lists the same sum (`sha256sum -c SHA256SUMS`, or `smoothcert data verify --dir`")
        .append(" this folder).\n");

    s.append("\n## Source and licence\n\n").append(set.title()).append(", by ").append(set.creators())
        .append(", UCI Machine Learning Repository, https://doi.org/").append(set.doi())
        .append(", licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/). The copy read here is")
        .append(" scikit-learn's (BSD-3-Clause, as the package's copyright file says of its files). This folder is")
        .append(" that data in another layout, under the same licence; cite the data set's creators when you use")
        .append(" it.\n");
    return s.toString();
  }
}
