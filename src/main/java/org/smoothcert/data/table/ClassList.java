package org.smoothcert.data.table;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.smoothcert.UserError;
import org.smoothcert.data.Cells;

/**
 * A table's classes ({@code data.classes}): label values in class order, matched by their spelling
 * ({@link Cells#spelling}), so 1 and 1.0 are one class. When every class is a whole number the labels
 * must be whole numbers too: a label 1.5 or "x" is an error, not another class; a whole number that is
 * not listed is another class, skipped and counted, as digits outside {@code data.digits} are.
 */
public final class ClassList {
  /** The class of a label that is not listed. */
  public static final int OTHER = -1;

  private final List<String> classes;
  private final Map<String, Integer> classOf = new HashMap<>();
  private final boolean integers;

  public ClassList(List<String> classes, String key) {
    this.classes = List.copyOf(classes);
    for (int c = 0; c < classes.size(); c++) {
      String spelling = Cells.spelling(classes.get(c));
      Integer earlier = classOf.put(spelling, c);
      if (earlier != null) {
        throw new UserError(key + ": " + classes.get(earlier) + " and " + classes.get(c) + " are the same class");
      }
    }
    if (classes.size() > 256) {
      throw new UserError(key + ": at most 256 classes, got " + classes.size());
    }
    this.integers = classOf.keySet().stream().allMatch(Cells::isWhole);
  }

  public int size() {
    return classes.size();
  }

  public List<String> names() {
    return classes;
  }

  /**
   * The class of a label (spelled by {@link Cells#spelling}), or {@link #OTHER}; null when the label
   * cannot be one (not a whole number while the classes are).
   */
  public Integer classOf(String label) {
    Integer c = classOf.get(label);
    if (c != null) {
      return c;
    }
    return integers && !Cells.isWhole(label) ? null : OTHER;
  }

  /** The classes as the errors show them: [0, 1]. */
  @Override
  public String toString() {
    return classes.toString();
  }
}
