package org.smoothcert.data.tools;

import java.util.List;
import org.smoothcert.data.DigitSelection;
import org.smoothcert.data.tools.MnistExtract.SourceFile;
import org.smoothcert.data.tools.MnistExtract.WrittenFile;
import org.smoothcert.data.tools.MnistExtract.WrittenSplit;

/** The README.md of an extract: what it is, how it was made, counts, checksums, licence. */
final class ExtractReadme {
  /** The heading of the table of written files, which tests and tools look for. */
  static final String FILES_HEADING = "## Files";

  private ExtractReadme() {}

  static String text(DigitSelection digits, String command, List<SourceFile> sources,
      List<WrittenSplit> written) {
    StringBuilder s = new StringBuilder();
    s.append("# MNIST ").append(digitWords(digits)).append(": original images and labels\n\n")
        .append("The images and labels of ").append(digitWords(digits))
        .append(" from the MNIST files, unchanged: original pixel values (0 to 255, ")
        .append("not binarized) and original digit labels (not relabelled), in the order of the original ")
        .append("files. IDX format, gzip, under the standard MNIST file names, so this folder reads like the ")
        .append("original one (e.g. as `data.dir`).\n\n");

    s.append("## How it was made\n\n```\n").append(command).append("\n```\n\nfrom these files:\n\n")
        .append("| source file | SHA-256 |\n|---|---|\n");
    for (SourceFile source : sources) {
      s.append("| ").append(source.name()).append(" | ").append(source.sha256()).append(" |\n");
    }

    s.append("\n## Counts\n\n| split |");
    digits.digits().forEach(d -> s.append(" digit ").append(d).append(" |"));
    s.append(" total |\n|---|");
    digits.digits().forEach(d -> s.append("---:|"));
    s.append("---:|\n");
    for (WrittenSplit split : written) {
      s.append("| ").append(split.split()).append(" |");
      split.countsPerDigit().forEach(n -> s.append(' ').append(n).append(" |"));
      s.append(' ').append(split.total()).append(" |\n");
    }

    s.append('\n').append(FILES_HEADING).append("\n\n")
        .append("| file | bytes | SHA-256 | SHA-256 of the decompressed IDX |\n|---|---:|---|---|\n");
    for (WrittenSplit split : written) {
      for (WrittenFile file : List.of(split.images(), split.labels())) {
        s.append("| ").append(file.name()).append(" | ").append(file.bytes()).append(" | ")
            .append(file.sha256()).append(" | ").append(file.idxSha256()).append(" |\n");
      }
    }
    s.append("\nThe gzip bytes can differ with another zlib; the decompressed IDX bytes cannot.\n");

    s.append("\n## Source and licence\n\n")
        .append("The MNIST database of handwritten digits, by Yann LeCun, Corinna Cortes and Christopher J.C. ")
        .append("Burges (originally at http://yann.lecun.com/exdb/mnist/), commonly redistributed under ")
        .append("CC BY-SA 3.0 (https://creativecommons.org/licenses/by-sa/3.0/). This folder is a subset of ")
        .append("it, under the same licence.\n");
    return s.toString();
  }

  /** "digit 7", "digits 1 and 7", "digits 1, 2 and 7". */
  private static String digitWords(DigitSelection digits) {
    List<String> names = digits.digits().stream().map(String::valueOf).toList();
    if (names.size() == 1) {
      return "digit " + names.get(0);
    }
    return "digits " + String.join(", ", names.subList(0, names.size() - 1)) + " and "
        + names.get(names.size() - 1);
  }
}
