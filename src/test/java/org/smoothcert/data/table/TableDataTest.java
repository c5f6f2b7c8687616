package org.smoothcert.data.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.smoothcert.UserError;
import org.smoothcert.data.CertifiedPoints;
import org.smoothcert.data.DataFormat;
import org.smoothcert.data.DataSample;
import org.smoothcert.data.DataSpec;
import org.smoothcert.data.table.Discretization;
import org.smoothcert.data.TableProvenance;
import org.smoothcert.data.table.TableSpec;

/** A table's draw and coding, on tables in memory (no Spark): what a CSV, LibSVM or Parquet file becomes. */
class TableDataTest {
  static TableSpec spec(String train, String test, List<String> categorical, List<String> classes,
      Discretization discretize) {
    return new TableSpec(DataFormat.CSV, new TableSpec.Paths(train, test, ""),
        new TableSpec.Columns("y", List.of(), categorical, classes), new TableSpec.Coding(discretize, 0.5, 0));
  }

  static DataSample load(MemoryTables tables, TableSpec spec, int train, int test, int levels, long seed) {
    return TableData.load(new DataSpec(DataSpec.Source.mnist("unused", List.of(1, 7)), DataSpec.Sizes.of(train, test),
        levels, seed), spec, tables);
  }

  static DataSample withValidation(MemoryTables tables, TableSpec spec, int train, int test, int validation,
      CertifiedPoints certified) {
    return TableData.load(new DataSpec(DataSpec.Source.mnist("unused", List.of(1, 7)),
        new DataSpec.Sizes(train, test, validation, certified), 2, 11), spec, tables);
  }

  /** Rows x = i, y = a or b alternately. */
  private static String[] rows(int count, int offset) {
    String[] lines = new String[count];
    for (int i = 0; i < count; i++) {
      lines[i] = (offset + i) + "," + (i % 2 == 0 ? "a" : "b");
    }
    return lines;
  }

  @Test
  void binsAreFittedOnTheTrainingDrawOnly() {
    MemoryTables tables = new MemoryTables().csv("train.csv", "x,y", rows(40, 0)).csv("test.csv", "x,y", rows(10, 1000));
    DataSample sample = load(tables, spec("train.csv", "test.csv", List.of(), List.of("a", "b"),
        Discretization.UNIFORM), 10, 10, 2, 3);
    TableProvenance p = (TableProvenance) sample.origin();
    List<Integer> drawn = p.train().sourceIndices();
    double lo = drawn.stream().mapToInt(Integer::intValue).min().getAsInt();
    double hi = drawn.stream().mapToInt(Integer::intValue).max().getAsInt();
    assertEquals(List.of(lo + (hi - lo) / 2), p.columns().get(0).edges(), "the drawn training rows' range only");
    for (int i = 0; i < 10; i++) {
      assertEquals(1, sample.test().feature(i, 0), "test values above the training range take the top bin");
    }
  }

  @Test
  void binsFittedOnAReferenceFileDoNotMoveWithTheTrainingRows() {
    // A trusted reference file fixes the edges: an attacker who changes a training value (here the whole
    // training file) moves no edge, so no other cell changes with it.
    MemoryTables tables = new MemoryTables().csv("train.csv", "x,y", rows(40, 0)).csv("test.csv", "x,y", rows(10, 15))
        .csv("poisoned.csv", "x,y", rows(40, 500)).csv("reference.csv", "x,y", rows(20, 0));
    TableSpec clean = spec("train.csv", "test.csv", List.of(), List.of("a", "b"), Discretization.UNIFORM)
        .withBinsPath("reference.csv");
    TableSpec poisoned = spec("poisoned.csv", "test.csv", List.of(), List.of("a", "b"), Discretization.UNIFORM)
        .withBinsPath("reference.csv");
    DataSample a = load(tables, clean, 10, 10, 2, 3);
    DataSample b = load(tables, poisoned, 10, 10, 2, 3);
    TableProvenance p = (TableProvenance) a.origin();
    assertEquals(List.of(9.5), p.columns().get(0).edges(), "the reference rows' range 0-19, cut in two");
    assertEquals(p.columns(), ((TableProvenance) b.origin()).columns());
    for (int i = 0; i < 10; i++) {
      assertEquals(a.test().feature(i, 0), b.test().feature(i, 0), "the test point's cells do not move");
    }
    assertEquals("reference.csv", p.summary().get("bins_fitted_on"));
    assertEquals("the training draw", ((TableProvenance) load(tables, spec("train.csv", "test.csv", List.of(),
        List.of("a", "b"), Discretization.UNIFORM), 10, 10, 2, 3).origin()).summary().get("bins_fitted_on"));
    assertEquals("data.threshold (fixed)", ((TableProvenance) load(tables, spec("train.csv", "test.csv", List.of(),
        List.of("a", "b"), Discretization.THRESHOLD), 10, 10, 2, 3).origin()).summary().get("bins_fitted_on"));
  }

  @Test
  void oneTableIsDrawnFromForBothSidesDisjointly() {
    MemoryTables tables = new MemoryTables().csv("all.csv", "x,y", rows(50, 0));
    DataSample sample = load(tables, spec("all.csv", "", List.of(), List.of("a", "b"), Discretization.QUANTILE),
        30, 20, 4, 7);
    TableProvenance p = (TableProvenance) sample.origin();
    Set<Integer> rows = new HashSet<>(p.train().sourceIndices());
    rows.addAll(p.test().sourceIndices());
    assertEquals(50, rows.size(), "every row drawn once");
    assertTrue(p.oneSplit());
    assertEquals(p.train().sourceIndices(), ((TableProvenance) load(tables, spec("all.csv", "", List.of(),
        List.of("a", "b"), Discretization.QUANTILE), 30, 5, 4, 7).origin()).train().sourceIndices(),
        "the training draw does not depend on the test size");
    for (int i = 0; i < 30; i++) {
      int x = p.train().sourceIndices().get(i);
      assertEquals(x % 2, sample.train().label(i), "row x has label a (class 0) when x is even");
    }
  }

  @Test
  void categoricalColumnsKeepTheirOwnDomainsAndUnseenTestValuesTakeTheLastCode() {
    MemoryTables tables = new MemoryTables()
        .csv("train.csv", "x,colour,y", "1,red,a", "2,blue,b", "3,red,a", "4,blue,b")
        .csv("test.csv", "x,colour,y", "1,green,a", "2,red,b", "9,purple,a");
    DataSample sample = load(tables, spec("train.csv", "test.csv", List.of("colour"), List.of("a", "b"),
        Discretization.UNIFORM), 4, 3, 5, 0);
    assertArrayEquals(new int[] {5, 3}, sample.train().domains().sizes(), "x: data.levels; colour: blue, red, unseen");
    TableProvenance.Column colour = ((TableProvenance) sample.origin()).columns().get(1);
    assertEquals(List.of("blue", "red"), colour.values());
    assertEquals(2, colour.unseenTestValues());
    int[] codeOfSource = {2, 1, 2};
    for (int i = 0; i < 3; i++) {
      assertEquals(codeOfSource[sample.certifiedSourceIndices().get(i)], sample.test().feature(i, 1),
          "green and purple are unseen: code 2; red is code 1");
    }
    assertEquals(sample.train().domains(), sample.test().domains());
  }

  @Test
  void unseenValuesOfTheValidationRowsAreCountedOnTheirOwn() {
    List<String> colours = List.of("red", "blue", "red", "blue", "green", "pink", "teal", "grey");
    MemoryTables tables = new MemoryTables()
        .csv("train.csv", "x,colour,y", IntStream.range(0, colours.size())
            .mapToObj(i -> i + "," + colours.get(i) + "," + (i % 2 == 0 ? "a" : "b")).toArray(String[]::new))
        .csv("test.csv", "x,colour,y", "1,violet,a", "2,red,b");
    DataSample sample = withValidation(tables, spec("train.csv", "test.csv", List.of("colour"), List.of("a", "b"),
        Discretization.UNIFORM), 4, 2, 4, CertifiedPoints.VALIDATION);
    TableProvenance p = (TableProvenance) sample.origin();
    TableProvenance.Column colour = p.columns().get(1);
    assertEquals(Set.copyOf(colour.values()),
        p.train().sourceIndices().stream().map(colours::get).collect(Collectors.toSet()));
    long unseen = p.validation().sourceIndices().stream().filter(row -> !colour.values().contains(colours.get(row)))
        .count();
    assertTrue(unseen >= 2, "the validation rows hold colours the training draw does not: " + unseen);
    assertEquals(unseen, colour.unseenValidationValues());
    assertEquals(Stream.of("violet", "red").filter(c -> !colour.values().contains(c)).count(),
        colour.unseenTestValues(), "the test rows are counted apart");
  }

  @Test
  void rowsOfOtherClassesAreSkippedAndCountedAndTheClassOrderIsTheListsOrder() {
    MemoryTables tables = new MemoryTables().csv("t.csv", "x,y", "1,a", "2,c", "3,b", "4,c", "5,a", "6,b");
    DataSample sample = load(tables, spec("t.csv", "", List.of(), List.of("b", "a"), Discretization.UNIFORM), 2,
        2, 2, 1);
    TableProvenance p = (TableProvenance) sample.origin();
    assertEquals(2, p.train().otherClasses());
    assertEquals(List.of("c"), p.train().otherLabels());
    assertEquals(List.of(2, 2), p.train().availablePerClass());
    for (int i = 0; i < 2; i++) {
      int source = p.train().sourceIndices().get(i);
      assertEquals(source == 2 || source == 5 ? 0 : 1, sample.train().label(i), "b is class 0");
    }
  }

  @Test
  void integerClassesMatchWholeNumbersHoweverSpelled() {
    MemoryTables tables = new MemoryTables().csv("t.csv", "x,y", "1,0", "2,1.0", "3,1e0", "4,0.0", "5,2");
    DataSample sample = load(tables, spec("t.csv", "", List.of(), List.of("0", "1"), Discretization.UNIFORM), 2, 2,
        2, 0);
    assertEquals(List.of(2, 2), ((TableProvenance) sample.origin()).train().availablePerClass());
    assertEquals(List.of("2"), ((TableProvenance) sample.origin()).train().otherLabels());
  }

  /**
   * Validation rows come from the training path's rows no other draw took, leave the training and test draws
   * as they are, and are coded with the training draw's bins (never fitted on them).
   */
  @Test
  void validationRowsAreDrawnFromTheTrainingRowsLeftAndCodedWithTheTrainingBins() {
    MemoryTables tables = new MemoryTables().csv("train.csv", "x,y", rows(40, 0)).csv("test.csv", "x,y", rows(10, 1000))
        .csv("all.csv", "x,y", rows(50, 0));
    for (String test : List.of("test.csv", "")) {
      TableSpec spec = spec(test.isEmpty() ? "all.csv" : "train.csv", test, List.of(), List.of("a", "b"),
          Discretization.UNIFORM);
      DataSample without = withValidation(tables, spec, 12, 8, 0, CertifiedPoints.TEST);
      DataSample with = withValidation(tables, spec, 12, 8, 15, CertifiedPoints.VALIDATION);
      assertEquals(without.train(), with.train());
      assertEquals(without.test(), with.test());
      TableProvenance p = (TableProvenance) with.origin();
      assertEquals(((TableProvenance) without.origin()).columns(), p.columns(), "bins of the training draw only");
      Set<Integer> taken = new HashSet<>(p.train().sourceIndices());
      if (test.isEmpty()) {
        taken.addAll(p.test().sourceIndices());
      }
      int before = taken.size();
      taken.addAll(p.validation().sourceIndices());
      assertEquals(before + 15, taken.size(), "disjoint from the training (and test) rows of the same path");
      assertEquals(15, with.certified().count());
      assertEquals(p.validation().sourceIndices(), with.certifiedSourceIndices());
      double edge = p.columns().get(0).edges().get(0);
      for (int i = 0; i < 15; i++) {
        int x = p.validation().sourceIndices().get(i);
        assertEquals(x >= edge ? 1 : 0, with.validation().feature(i, 0), "row " + x + " against the training edge");
        assertEquals(x % 2, with.validation().label(i));
      }
    }
  }

  @Test
  void askingForMoreValidationRowsThanAreLeftSaysHowManyAre() {
    MemoryTables tables = new MemoryTables().csv("all.csv", "x,y", rows(30, 0));
    UserError e = assertThrows(UserError.class, () -> withValidation(tables, spec("all.csv", "", List.of(),
        List.of("a", "b"), Discretization.UNIFORM), 12, 8, 11, CertifiedPoints.VALIDATION));
    assertEquals("data.validation-size = 11, but all.csv has 30 rows of the classes and the training and test rows"
        + " take 20, leaving 10", e.getMessage());
  }
}
