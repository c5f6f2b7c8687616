package org.smoothcert.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smoothcert.config.ConfigKeys.HIDDEN;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.smoothcert.config.RunConfig;
import org.smoothcert.data.Examples;
import org.smoothcert.model.learner.MlpLearner;

class MlpMarginsTest {
  private static final SyntheticExamples DATA = new SyntheticExamples(64, 3, 0.3, 0.1, 5);
  private static final MlpConfig H8 = FitLike.config().with(HIDDEN, 8).learner();

  @Test
  void theMarginIsPositiveExactlyWhereTheClassifierPredictsTheClass() {
    Examples test = DATA.draw(200, 2, 2);
    MlpClassifier classifier = new MlpLearner(H8).train(DATA.draw(60, 2, 1), 3);
    MlpMargins margins = MlpMargins.of(classifier, 2);
    int[] predicted = new int[test.count()];
    classifier.predict(test.features(), test.count(), predicted);
    for (int i = 0; i < test.count(); i++) {
      for (int c = 0; c < 3; c++) {
        double m = margins.margin(test.features(), i * test.dim(), c);
        assertEquals(predicted[i] == c, m > 0, "point " + i + ", class " + c + ", margin " + m);
      }
    }
  }

  @Test
  void theBestChangeIsTheBestOfAllSingleChangesAndScoredExactly() {
    Examples test = DATA.draw(20, 4, 7);
    MlpClassifier classifier = new MlpLearner(H8).train(DATA.draw(60, 4, 1), 3);
    MlpMargins margins = MlpMargins.of(classifier, 4);
    boolean[] frozen = new boolean[test.dim()];
    frozen[0] = true;
    for (int i = 0; i < test.count(); i++) {
      byte[] x = Arrays.copyOfRange(test.features(), i * test.dim(), (i + 1) * test.dim());
      MlpMargins.Change best = margins.bestChange(x, 0, 1, frozen);
      assertTrue(best.feature() != 0 && best.value() != (x[best.feature()] & 0xFF));
      double bruteForce = Double.NEGATIVE_INFINITY;
      for (int p = 1; p < x.length; p++) {
        byte kept = x[p];
        x[p] = (byte) ((kept & 0xFF) * 2 < 3 ? 3 : 0);
        bruteForce = Math.max(bruteForce, margins.margin(x, 0, 1));
        x[p] = kept;
      }
      assertEquals(bruteForce, best.margin(), 1e-9);
      x[best.feature()] = (byte) best.value();
      assertEquals(margins.margin(x, 0, 1), best.margin(), 1e-9);
    }
  }
}
