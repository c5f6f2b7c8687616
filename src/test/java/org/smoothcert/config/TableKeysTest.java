package org.smoothcert.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smoothcert.config.RunConfigTest.load;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smoothcert.UserError;
import org.smoothcert.data.DataFormat;
import org.smoothcert.data.table.Discretization;

/** The keys of a table (data.format and after): what goes together, and what decides a table's votes. */
class TableKeysTest {
  private static final String[] CSV = {"data.format=csv", "data.train-path=x.csv", "data.classes=[0, 1]"};

  private static RunConfig csv(String... more) {
    String[] sets = new String[CSV.length + more.length];
    System.arraycopy(CSV, 0, sets, 0, CSV.length);
    System.arraycopy(more, 0, sets, CSV.length, more.length);
    return load(sets);
  }

  @Test
  void aTablesKeysAreRead() {
    RunConfig c = csv("data.test-path=t.csv", "data.label-column=diagnosis", "data.feature-columns=[a, b, c]",
        "data.categorical-columns=[b]", "data.discretize=quantile", "data.levels=4");
    assertEquals(DataFormat.CSV, c.table().format());
    assertEquals("t.csv", c.table().testPath());
    assertEquals(List.of("a", "b", "c"), c.table().featureColumns());
    assertEquals(List.of("b"), c.table().categoricalColumns());
    assertEquals(Discretization.QUANTILE, c.table().discretize());
    assertEquals(2, c.classes());
    assertEquals(List.of("malignant", "benign", "x"), csv("data.classes=[malignant, benign, x]").table().classes());
    assertEquals(3, csv("data.classes=[malignant, benign, x]").classes());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "data.train-path=x.csv                 | data.train-path is set, but data.format = idx reads IDX files from data.dir",
      "data.classes=[0, 1]                 | data.classes is set, but data.format = idx",
      "data.discretize=quantile              | data.discretize is set, but data.format = idx",
      "data.format=csv                       | data.train-path: set the file or folder to read with data.format = csv",
      "data.format=xml                       | data.format must be idx, libsvm, csv or parquet, got xml",
      "data.discretize=median                | data.discretize must be threshold, uniform or quantile, got median",
      "data.dimension=-1                     | data.dimension must be at least 0, got -1",
      "data.threshold=NaN                    | data.threshold must be a finite number, got NaN",
      "data.label-column=\"\"                | data.label-column must not be empty",
  })
  void aKeyThatDoesNotFitIsRefused(String set, String message) {
    UserError e = assertThrows(UserError.class, () -> load(set));
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "data.classes=[]                     | data.classes: list the label values to certify, in class order",
      "data.classes=[1, 1.0]               | data.classes: 1 and 1.0 are the same class",
      "data.discretize=threshold; data.levels=4 | data.discretize = threshold makes two values, but data.levels = 4",
      "data.dimension=784                    | data.dimension is for data.format = libsvm, got data.format = csv",
      "data.feature-columns=[a, a]         | data.feature-columns: a column is listed twice in [a, a]",
      "data.feature-columns=[a, label]     | data.label-column 'label' is also listed as a feature column",
      "data.feature-columns=[a]; data.categorical-columns=[b] | data.categorical-columns: 'b' is not one of",
      "smoothing.beta=0.4; data.classes=[a, b, c] | smoothing.beta must be above 1/2",
  })
  void aTableKeyThatDoesNotFitTheOthersIsRefused(String sets, String message) {
    UserError e = assertThrows(UserError.class, () -> csv(sets.split("; ")));
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
  }

  @Test
  void anIdxRunsIdentityHasNoTableKeysAndATablesHasThem() {
    Map<String, String> idx = load().votesIdentity("abc");
    assertFalse(idx.containsKey("data.discretize"));
    Map<String, String> table = csv().votesIdentity("abc");
    assertEquals("uniform", table.get("data.discretize"));
    assertEquals("[0, 1]", table.get("data.classes"));
    assertEquals("label", table.get("data.label-column"));
    assertNotEquals(table, csv("data.discretize=quantile").votesIdentity("abc"));
    assertNotEquals(table, csv("data.categorical-columns=[a]").votesIdentity("abc"));
    assertNotEquals(table, csv("data.threshold=0.3").votesIdentity("abc"));
    assertEquals(table, csv("data.train-path=elsewhere.csv").votesIdentity("abc"),
        "where the rows are read from is not the votes' identity; the drawn examples' SHA-256 is");
  }
}
