package org.smoothcert.data.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.smoothcert.data.table.TableDataTest.load;
import static org.smoothcert.data.table.TableDataTest.spec;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smoothcert.UserError;
import org.smoothcert.data.DataFormat;
import org.smoothcert.data.table.Discretization;
import org.smoothcert.data.table.TableSpec;

/** A table's faults, each one line naming the file, and the row or the column where it applies. */
class TableBuilderTest {
  private static String refusal(MemoryTables tables, String test, List<String> features, List<String> classes) {
    TableSpec spec = new TableSpec(DataFormat.CSV, new TableSpec.Paths("train.csv", test, ""),
        new TableSpec.Columns("y", features, List.of(), classes), new TableSpec.Coding(Discretization.UNIFORM, 0.5, 0));
    return assertThrows(UserError.class, () -> load(tables, spec, 1, 1, 2, 0)).getMessage();
  }

  private static String refusal(String header, String... lines) {
    return refusal(new MemoryTables().csv("train.csv", header, lines), "", List.of(), List.of("0", "1"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "a word for a number    | x;y      | 1;0  2;1  abc;0    | train.csv: row 3: column 'x': 'abc' is not a number",
      "NaN                    | x;y      | 1;0  NaN;1  2;0    | train.csv: row 2: column 'x': NaN is not a finite number (NaN or infinite)",
      "infinity               | x;y      | 1;0  -inf;1        | train.csv: row 2: column 'x': -inf is not a finite number",
      "a hexadecimal number   | x;y      | 0x1p3;1  1;0       | train.csv: row 1: column 'x': '0x1p3' is not a number",
      "an empty cell          | x;z;y    | 1;2;0  3;;1        | train.csv: row 2: column 'z' is empty",
      "no label               | x;y      | 1;0  2;            | train.csv: row 2: column 'y' is empty",
      "a label that is not whole | x;y   | 1;0  2;1.5         | train.csv: row 2: label '1.5' is not a whole number, as the classes [0, 1] are (data.classes)",
      "a label that is a word | x;y      | 1;zero             | train.csv: row 1: label 'zero' is not a whole number",
      "no label column        | x;Y      | 1;0                | train.csv: no column 'y' (data.label-column); did you mean 'Y'?; its columns: x, Y",
      "only a header          | x;y      |                    | train.csv: holds no row",
      "no row of a class      | x;y      | 1;0  2;0  3;7      | train.csv: no row of class 1 (data.classes = [0, 1]) in its 3 rows; other labels: 7",
  })
  void aFaultyCellIsRefusedNamingFileRowAndColumn(String what, String header, String lines, String message) {
    String[] rows = lines == null ? new String[0] : lines.strip().split("\\s+");
    for (int i = 0; i < rows.length; i++) {
      rows[i] = rows[i].replace(';', ',');
    }
    String got = refusal(header.strip().replace(';', ','), rows);
    assertEquals(message, got.substring(0, Math.min(got.length(), message.length())), got);
  }

  /**
   * Two columns of one name (a CSV header "a1,a,a" is numbered a1, a1, a2, as Spark numbers repeated
   * names): taking the first for both would read one column twice and drop the other without a word.
   */
  @Test
  void twoColumnsOfOneNameAreRefused() {
    assertEquals("train.csv: columns 1 and 2 are both named 'a1' (a header's repeated names are numbered by their"
        + " position, which can meet a name it has); rename one", refusal("a1,a1,a2,y", "1,2,3,0", "4,5,6,1"));
    MemoryTables tables = new MemoryTables().csv("train.csv", "x,x,y", "1,2,0", "3,4,1");
    assertEquals("train.csv: columns 1 and 2 are both named 'x' (a header's repeated names are numbered by their"
        + " position, which can meet a name it has); rename one",
        refusal(tables, "", List.of("x"), List.of("0", "1")));
  }

  @Test
  void aMisspelledFeatureColumnIsNamedWithTheNearestOne() {
    MemoryTables tables = new MemoryTables().csv("train.csv", "radius,texture,y", "1,2,0", "3,4,1");
    assertEquals("train.csv: no column 'textur' (data.feature-columns); did you mean 'texture'?; its columns: radius,"
        + " texture, y", refusal(tables, "", List.of("radius", "textur"), List.of("0", "1")));
  }

  @Test
  void aNearNameIsSuggestedOnlyWhenItIsNear() {
    List<String> names = List.of("label", "mean radius", "a");
    assertEquals("; did you mean 'label'?", TableBuilder.near("lable", names));
    assertEquals("; did you mean 'label'?", TableBuilder.near("Label", names));
    assertEquals("; did you mean 'mean radius'?", TableBuilder.near("mean_radius", names));
    assertEquals("", TableBuilder.near("b", names));
    assertEquals("", TableBuilder.near("texture", names));
  }

  @Test
  void aTestFileWithoutATrainingColumnOrWithAnotherIsRefused() {
    MemoryTables missing = new MemoryTables().csv("train.csv", "a,b,y", "1,2,0", "3,4,1")
        .csv("test.csv", "a,y", "1,0");
    assertEquals("test.csv: no column 'b' (a feature of train.csv); its columns: a, y",
        refusal(missing, "test.csv", List.of(), List.of("0", "1")));
    MemoryTables extra = new MemoryTables().csv("train.csv", "a,y", "1,0", "3,1").csv("test.csv", "a,b,y", "1,2,0");
    assertEquals("test.csv: column 'b' is not in train.csv; list the features in data.feature-columns to read only"
        + " those", refusal(extra, "test.csv", List.of(), List.of("0", "1")));
  }

  @Test
  void aColumnOfTheWrongTypeIsRefusedNamingItsType() {
    MemoryTables strings = new MemoryTables().file("train.csv", new MemoryTables.File("train.parquet", List.of(
        new SourceColumn("x", SourceColumn.Type.STRING, "string"), new SourceColumn("y", SourceColumn.Type.NUMBER,
            "int")), List.of(List.of("1", 0.0))));
    assertEquals("train.parquet: column 'x' has type string; a feature must be a number (or list the column in"
        + " data.categorical-columns)", refusal(strings, "", List.of(), List.of("0", "1")));
    MemoryTables arrays = new MemoryTables().file("train.csv", new MemoryTables.File("train.parquet", List.of(
        new SourceColumn("x", SourceColumn.Type.NUMBER, "double"), new SourceColumn("y", SourceColumn.Type.OTHER,
            "array<int>")), List.of(List.of(1.0, "[0]"))));
    assertEquals("train.parquet: column 'y' has type array<int>; a label must be a number or a string",
        refusal(arrays, "", List.of(), List.of("0", "1")));
  }
}
