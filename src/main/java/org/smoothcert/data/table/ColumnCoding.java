package org.smoothcert.data.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.smoothcert.UserError;
import org.smoothcert.data.Cells;
import org.smoothcert.data.table.Discretization;
import org.smoothcert.data.FeatureDomains;
import org.smoothcert.data.TableProvenance;

/**
 * How one feature column's values become the discrete values of its domain, fitted on the training draw
 * only. A number column is cut into K bins at its {@link #edges}: value v becomes the number of edges
 * at or below it. A categorical column keeps its values: those of the training draw in order (numbers by
 * value, else by spelling), then one more value for anything the training draw does not hold.
 *
 * @param name the column
 * @param method threshold, uniform, quantile or categorical
 * @param domain the column's number of values
 * @param mapping the edges or the values its codes stand for
 */
record ColumnCoding(String name, String method, int domain, Mapping mapping) {
  static final String CATEGORICAL = TableProvenance.CATEGORICAL;

  /**
   * What the column's codes stand for.
   *
   * @param edges a number column's bin edges, ascending (none for a categorical column)
   * @param values a categorical column's values, in the order of their codes (none for a number column)
   */
  record Mapping(double[] edges, List<String> values) {}

  double[] edges() {
    return mapping.edges();
  }

  List<String> values() {
    return mapping.values();
  }

  /** Fits a number column's bins on {@code trainValues}, the training draw's values. */
  static ColumnCoding bins(String name, Discretization method, int levels, double threshold, double[] trainValues) {
    double[] edges = switch (method) {
      case THRESHOLD -> new double[] {threshold};
      case UNIFORM -> uniformEdges(trainValues, levels);
      case QUANTILE -> quantileEdges(trainValues, levels);
    };
    return new ColumnCoding(name, method.key(), levels, new Mapping(edges, List.of()));
  }

  /** K - 1 edges of equal spacing between the smallest and the largest value; none if they are equal. */
  private static double[] uniformEdges(double[] values, int levels) {
    double lo = Arrays.stream(values).min().getAsDouble();
    double hi = Arrays.stream(values).max().getAsDouble();
    if (hi == lo) {
      return new double[0];
    }
    double[] edges = new double[levels - 1];
    for (int k = 1; k < levels; k++) {
      edges[k - 1] = lo + (hi - lo) * k / levels;
    }
    return edges;
  }

  /**
   * The values at the k/K quantiles (k = 1 .. K-1) of the sorted values, each edge once and none at the
   * smallest value (it would put every training value above it): ties make fewer bins, never empty ones
   * in the training draw.
   */
  private static double[] quantileEdges(double[] values, int levels) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return java.util.stream.IntStream.range(1, levels)
        .mapToDouble(k -> sorted[(int) Math.min(sorted.length - 1, (long) k * sorted.length / levels)])
        .filter(e -> e > sorted[0]).distinct().toArray();
  }

  /** A categorical column's codes: the values the training draw holds ({@code trainSpellings}), sorted. */
  static ColumnCoding categories(String name, List<String> trainSpellings, String key) {
    List<String> values = new ArrayList<>(new java.util.TreeSet<>(trainSpellings));
    boolean numbers = values.stream().allMatch(v -> Cells.number(v) != null);
    if (numbers) {
      values.sort(Comparator.comparingDouble(Cells::number));
    }
    if (values.size() >= FeatureDomains.MAX) {
      throw new UserError(key + ": column '" + name + "' has " + values.size() + " values in the training draw; a"
          + " categorical column can have at most " + (FeatureDomains.MAX - 1) + " (discretize it instead)");
    }
    return new ColumnCoding(name, CATEGORICAL, values.size() + 1, new Mapping(new double[0], List.copyOf(values)));
  }

  boolean isCategorical() {
    return method.equals(CATEGORICAL);
  }

  /** The code a categorical column gives a value it did not see in the training draw: the last. */
  int unseen() {
    return domain - 1;
  }

  /** A number's bin: how many edges are at or below it. */
  int bin(double value) {
    double[] edges = edges();
    int level = 0;
    while (level < edges.length && value >= edges[level]) {
      level++;
    }
    return level;
  }

  /** Codes of a categorical column's spellings (the unseen code for those it has not). */
  Map<String, Integer> codes() {
    List<String> values = values();
    Map<String, Integer> codes = new HashMap<>();
    for (int i = 0; i < values.size(); i++) {
      codes.put(values.get(i), i);
    }
    return codes;
  }
}
