package org.smoothcert.model.fast;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smoothcert.config.ConfigLoader;
import org.smoothcert.config.RunConfig;
import org.smoothcert.data.DataSample;
import org.smoothcert.data.DataSpec;
import org.smoothcert.data.idx.MnistData;
import org.smoothcert.model.Classifier;
import org.smoothcert.model.learner.MlpLearner;
import org.smoothcert.smoothing.ClassifierNoise;
import org.smoothcert.smoothing.VoteSampler;
import org.smoothcert.votes.SliceVotes;

/**
 * Accuracy sanity on the real data the default run uses, with the default run's learner (conf/default.conf
 * as the config loader reads it): trained on the paper's 100 binarized 1/7 images, alone and with the
 * smoothing noise (beta = 0.9) on training and test data.
 */
class MlpAccuracyTest {
  private static DataSample sample;
  private static MlpLearner learner;

  @BeforeAll
  static void load() {
    String dir = System.getProperty("smoothcert.basedir", ".") + "/data/mnist-1-7";
    sample = MnistData.load(DataSpec.paper(dir, 0), new Configuration());
    learner = new MlpLearner(RunConfig.from(ConfigLoader.load(null, List.of(), new Configuration())).learner());
  }

  @Test
  void cleanModelClassifiesTheTestImages() {
    Classifier model = learner.train(sample.train(), 1);
    int[] predicted = new int[sample.test().count()];
    model.predict(sample.test().features(), sample.test().count(), predicted);
    int correct = 0;
    for (int i = 0; i < predicted.length; i++) {
      if (predicted[i] == sample.test().label(i)) {
        correct++;
      }
    }
    double accuracy = (double) correct / predicted.length;
    System.out.printf("clean %s on 100 training images: %.1f%% of 1000 test images%n",
        learner.config().describe(), 100 * accuracy);
    assertTrue(accuracy > 0.95, "accuracy " + accuracy);
  }

  @Test
  void noisedModelsOnNoisedTestImages() {
    VoteSampler sampler = new VoteSampler(sample.train(), sample.test(), learner, new ClassifierNoise(0, 0.9));
    SliceVotes votes = sampler.sample(0, 20);
    double base = votes.stats().baseAccuracy();
    System.out.printf("20 of %s trained and tested with beta=0.9 noise: %.1f%% base accuracy%n",
        learner.config().describe(), 100 * base);
    assertTrue(base > 0.85 && base < 0.99, "base accuracy " + base);
  }
}
