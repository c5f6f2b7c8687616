package org.smoothcert.attack;

import org.smoothcert.data.Examples;
import org.smoothcert.model.MlpMargins;

/**
 * The test-time half of an L0 attacker: for every victim test image (true class not the target), r
 * pixels chosen greedily on the undefended MLP, each step setting the one pixel that raises the margin
 * toward the target most (a JSMA-style search, Papernot et al. 2016, scored exactly rather than by the
 * gradient). It keeps going after the undefended MLP is fooled, so the smoothed classifier meets the
 * full budget. Images of the target class are left alone.
 */
final class TestPixelSearch {
  private TestPixelSearch() {}

  static Examples attack(MlpMargins undefended, Examples test, int target, int pixels) {
    byte[] features = test.features().clone();
    int dim = test.dim();
    for (int i = 0; i < test.count(); i++) {
      if (test.label(i) == target) {
        continue;
      }
      boolean[] changed = new boolean[dim];
      for (int step = 0; step < pixels; step++) {
        MlpMargins.Change change = undefended.bestChange(features, i * dim, target, changed);
        features[i * dim + change.feature()] = (byte) change.value();
        changed[change.feature()] = true;
      }
    }
    return new Examples(test.count(), dim, test.domains().uniform(), test.classes(), features, test.labels());
  }
}
