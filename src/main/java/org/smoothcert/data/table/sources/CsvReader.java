package org.smoothcert.data.table.sources;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import com.univocity.parsers.csv.UnescapedQuoteHandling;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.smoothcert.UserError;
import org.smoothcert.data.table.SourceColumn;
import org.smoothcert.data.table.TableSink;

/**
 * One CSV file as {@code spark.read().option("header", "true").csv(file)} reads it, with univocity's
 * parser set as Spark sets it: a comma, {@code "} quotes and {@code \} escapes, no comments, a line at a
 * time (a quoted field does not span lines), blank lines skipped. The first line that is not blank is the
 * header (an empty or repeated name made unique as Spark makes it); every cell arrives as text, an empty
 * one as missing; a line that does not split into the header's columns is an error of its row.
 */
final class CsvReader {
  private CsvReader() {}

  static void read(Path file, Configuration hadoop, TableSink sink) {
    CsvParser parser = new CsvParser(settings());
    try (BufferedReader in = new BufferedReader(new InputStreamReader(TablePaths.open(file, hadoop),
        StandardCharsets.UTF_8), 1 << 16)) {
      String line = in.readLine();
      while (line != null && line.trim().isEmpty()) {
        line = in.readLine();
      }
      if (line == null) {
        throw new UserError(file + ": has no header line");
      }
      List<SourceColumn> columns = header(parser.parseLine(line)).stream()
          .map(name -> new SourceColumn(name, SourceColumn.Type.TEXT, "text")).toList();
      sink.beginFile(file.toString(), columns);
      int[] wanted = java.util.stream.IntStream.range(0, columns.size()).filter(sink::wants).toArray();
      for (line = in.readLine(); line != null; line = in.readLine()) {
        if (line.trim().isEmpty()) {
          continue;
        }
        String[] cells = line.indexOf('"') < 0 ? split(line, columns.size()) : parser.parseLine(line);
        if (cells == null || cells.length != columns.size()) {
          cells = parser.parseLine(line);
        }
        if (cells.length != columns.size()) {
          String content = parser.getContext().currentParsedContent();
          throw sink.rowError("the line does not split into the header's " + columns.size() + " columns: '"
              + (content == null ? line : withoutLineEnd(content)) + "'");
        }
        for (int column : wanted) {
          String cell = cells[column];
          if (cell == null || cell.isEmpty()) {
            sink.missing(column);
          } else {
            sink.text(column, cell);
          }
        }
        sink.endRow();
      }
    } catch (UserError e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new UserError(file + ": cannot be read as CSV: " + TablePaths.says(e), e);
    }
  }

  /** One character's cells, made once: most cells of many tables are "0" or "1". */
  private static final String[] ONE_CHARACTER = java.util.stream.IntStream.range(0, 128)
      .mapToObj(c -> String.valueOf((char) c)).toArray(String[]::new);

  /**
   * A line without quotes split at its commas, as univocity splits it (no quote, so no escape either);
   * null when it has not {@code columns} cells (univocity then splits it, for the error's text).
   */
  private static String[] split(String line, int columns) {
    String[] cells = new String[columns];
    int n = 0;
    int start = 0;
    int length = line.length();
    for (int i = 0; i <= length; i++) {
      if (i == length || line.charAt(i) == ',') {
        if (n == columns) {
          return null;
        }
        cells[n++] = i - start == 1 && line.charAt(start) < 128 ? ONE_CHARACTER[line.charAt(start)]
            : line.substring(start, i);
        start = i + 1;
      }
    }
    return n == columns ? cells : null;
  }

  private static String withoutLineEnd(String s) {
    int end = s.endsWith("\r\n") ? s.length() - 2 : s.endsWith("\n") || s.endsWith("\r") ? s.length() - 1 : s.length();
    return s.substring(0, end);
  }

  /** Spark's CSVOptions.asParserSettings with its defaults. */
  private static CsvParserSettings settings() {
    CsvParserSettings settings = new CsvParserSettings();
    settings.getFormat().setDelimiter(',');
    settings.getFormat().setQuote('"');
    settings.getFormat().setQuoteEscape('\\');
    settings.setCommentProcessingEnabled(false);
    settings.setIgnoreLeadingWhitespaces(false);
    settings.setIgnoreTrailingWhitespaces(false);
    settings.setInputBufferSize(1 << 16);
    settings.setMaxColumns(20480);
    settings.setNullValue("");
    settings.setEmptyValue("");
    settings.setMaxCharsPerColumn(-1);
    settings.setUnescapedQuoteHandling(UnescapedQuoteHandling.STOP_AT_DELIMITER);
    settings.setLineSeparatorDetectionEnabled(false);
    return settings;
  }

  /**
   * The header's names as Spark makes them safe: an empty name is "_c" and its index, a name repeated
   * (ignoring case) is followed by its index.
   */
  private static List<String> header(String[] names) {
    Set<String> seen = new HashSet<>();
    Set<String> repeated = new HashSet<>();
    for (String name : names) {
      if (name != null && !seen.add(name.toLowerCase(Locale.ROOT))) {
        repeated.add(name.toLowerCase(Locale.ROOT));
      }
    }
    List<String> safe = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      String name = names[i];
      safe.add(name == null || name.isEmpty() ? "_c" + i : repeated.contains(name.toLowerCase(Locale.ROOT))
          ? name + i : name);
    }
    return safe;
  }
}
