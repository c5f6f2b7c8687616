package org.smoothcert.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A class with no training example or no certified point is said plainly: certified accuracy hides it. */
class AbsentClassTest {
  private static Examples labelled(int... labels) {
    byte[] bytes = new byte[labels.length];
    for (int i = 0; i < labels.length; i++) {
      bytes[i] = (byte) labels[i];
    }
    return new Examples(labels.length, 1, 2, 2, new byte[labels.length], bytes);
  }

  private static DataSample sample(Examples train, Examples test) {
    return new DataSample(new DataSample.Sides<>(train, test, labelled()), CertifiedPoints.TEST, null);
  }

  @Test
  void aClassWithoutTrainingExampleOrTestPointIsNamed() {
    List<String> names = List.of("benign", "malignant");
    assertEquals(Optional.of("class malignant has no training example (no classifier can predict it); certified"
            + " accuracy then says nothing about it"),
        sample(labelled(0, 0, 0), labelled(0, 1)).absentClasses(names));
    assertEquals(Optional.of("class malignant has no test point; certified accuracy then says nothing about it"),
        sample(labelled(0, 1, 0), labelled(0, 0)).absentClasses(names));
    assertEquals(Optional.of("class malignant has no training example (no classifier can predict it) and no test"
            + " point; certified accuracy then says nothing about it"),
        sample(labelled(0, 0), labelled(0, 0)).absentClasses(names));
    assertEquals(Optional.empty(), sample(labelled(0, 1), labelled(1, 0)).absentClasses(names));
  }
}
