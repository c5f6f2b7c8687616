package org.smoothcert.data.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smoothcert.UserError;
import org.smoothcert.data.table.Discretization;

/** The bins and categories of one column, fitted on the values given (the training draw's). */
class ColumnCodingTest {
  private static ColumnCoding bins(Discretization method, int levels, double... values) {
    return ColumnCoding.bins("x", method, levels, 0.5, values);
  }

  @Test
  void aThresholdMakesTwoValuesAtTheThreshold() {
    ColumnCoding c = bins(Discretization.THRESHOLD, 2, 0, 1);
    assertEquals(0, c.bin(127 / 255.0));
    assertEquals(1, c.bin(128 / 255.0));
    assertEquals(1, c.bin(0.5));
    assertEquals(2, c.domain());
  }

  @Test
  void uniformBinsSpanTheTrainingRangeAndClampOutside() {
    ColumnCoding c = bins(Discretization.UNIFORM, 4, 2, 10, 6);
    assertArrayEquals(new double[] {4, 6, 8}, c.edges());
    assertEquals(List.of(0, 0, 1, 2, 3, 3), List.of(c.bin(-5), c.bin(3.9), c.bin(4), c.bin(7), c.bin(8), c.bin(100)));
    assertEquals(4, c.domain());
  }

  @Test
  void seventeenUniformBinsOfZeroToSixteenKeepEveryGreyLevel() {
    ColumnCoding c = bins(Discretization.UNIFORM, 17, 0, 16, 3);
    for (int v = 0; v <= 16; v++) {
      assertEquals(v, c.bin(v));
    }
  }

  @Test
  void aConstantColumnHasOneBin() {
    ColumnCoding c = bins(Discretization.UNIFORM, 4, 3, 3, 3);
    assertArrayEquals(new double[0], c.edges());
    assertEquals(0, c.bin(3));
    assertEquals(0, c.bin(9));
    assertEquals(4, c.domain(), "the domain is still K: the noise draws from all of it");
  }

  @Test
  void quantileBinsHoldAboutEquallyManyTrainingValues() {
    double[] values = new double[100];
    for (int i = 0; i < values.length; i++) {
      values[i] = (i * 37) % 100;
    }
    ColumnCoding c = bins(Discretization.QUANTILE, 4, values);
    assertArrayEquals(new double[] {25, 50, 75}, c.edges());
    int[] counts = new int[4];
    for (double v : values) {
      counts[c.bin(v)]++;
    }
    assertArrayEquals(new int[] {25, 25, 25, 25}, counts);
  }

  @Test
  void tiedQuantilesMergeBinsAndNoEdgeSitsAtTheSmallestValue() {
    ColumnCoding c = bins(Discretization.QUANTILE, 4, 0, 0, 0, 0, 0, 0, 1, 2);
    assertArrayEquals(new double[] {1}, c.edges());
    assertEquals(0, c.bin(0));
    assertEquals(1, c.bin(2));
  }

  @Test
  void categoriesAreTheTrainingValuesInOrderPlusOneForUnseenValues() {
    ColumnCoding numbers = ColumnCoding.categories("x", List.of("10", "2", "2", "-1"), "k");
    assertEquals(List.of("-1", "2", "10"), numbers.values(), "numbers by value, not by spelling");
    assertEquals(4, numbers.domain());
    assertEquals(3, numbers.unseen());
    ColumnCoding words = ColumnCoding.categories("x", List.of("red", "blue", "red"), "k");
    assertEquals(List.of("blue", "red"), words.values());
    assertEquals(2, ColumnCoding.categories("x", List.of("only"), "k").domain(), "one value and the unseen one");
  }

  @Test
  void aCategoricalColumnHasAtMost255Values() {
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 255; i++) {
      many.add(Integer.toString(i));
    }
    assertEquals(256, ColumnCoding.categories("x", many, "k").domain());
    many.clear();
    for (int i = 0; i < 256; i++) {
      many.add(Integer.toString(i));
    }
    UserError e = assertThrows(UserError.class, () -> ColumnCoding.categories("x", many, "data.categorical-columns"));
    assertEquals("data.categorical-columns: column 'x' has 256 values in the training draw; a categorical column can"
        + " have at most 255 (discretize it instead)", e.getMessage());
  }
}
