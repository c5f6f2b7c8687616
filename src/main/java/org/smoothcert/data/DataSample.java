package org.smoothcert.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The examples a run trains on, its test examples, its validation examples (none unless asked for),
 * which of the two it certifies, and where they all came from (IDX files or a table).
 *
 * @param examples the training, test and validation examples
 */
public record DataSample(Sides<Examples> examples, CertifiedPoints certifiedPoints, SampleOrigin origin) {
  /**
   * The three sides of a sample, each one of the same kind: the training side, the test side and the
   * validation side (empty when no validation examples were asked for).
   */
  public record Sides<S>(S train, S test, S validation) {}

  public Examples train() {
    return examples.train();
  }

  public Examples test() {
    return examples.test();
  }

  public Examples validation() {
    return examples.validation();
  }

  /** The examples the run votes on and certifies. */
  public Examples certified() {
    return certifiedPoints == CertifiedPoints.VALIDATION ? validation() : test();
  }

  /** Each certified example's index among the rows (images) of its source, in the order of its rows. */
  public List<Integer> certifiedSourceIndices() {
    return origin.sourceIndices(certifiedPoints);
  }

  /**
   * A warning naming each class with no training example or no point certified (a table with a rare
   * class, a small draw): certified accuracy over the points says nothing about such a class. Empty when
   * every class has both.
   */
  public Optional<String> absentClasses(List<?> names) {
    int[] trained = perClass(train());
    int[] certifiedOn = perClass(certified());
    List<String> said = new ArrayList<>();
    for (int c = 0; c < trained.length; c++) {
      List<String> lacks = new ArrayList<>();
      if (trained[c] == 0) {
        lacks.add("no training example (no classifier can predict it)");
      }
      if (certifiedOn[c] == 0) {
        lacks.add("no " + certifiedPoints.key() + " point");
      }
      if (!lacks.isEmpty()) {
        said.add("class " + (c < names.size() ? names.get(c) : c) + " has " + String.join(" and ", lacks));
      }
    }
    return said.isEmpty() ? Optional.empty()
        : Optional.of(String.join("; ", said) + "; certified accuracy then says nothing about it");
  }

  private static int[] perClass(Examples examples) {
    int[] counts = new int[examples.classes()];
    for (int i = 0; i < examples.count(); i++) {
      counts[examples.label(i)]++;
    }
    return counts;
  }

  /** Where a sample read from IDX files came from; not for a table's sample. */
  public Provenance provenance() {
    if (origin instanceof Provenance p) {
      return p;
    }
    throw new IllegalStateException("a table's sample has no IDX provenance: " + origin);
  }
}
