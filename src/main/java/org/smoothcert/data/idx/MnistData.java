package org.smoothcert.data.idx;

import static org.smoothcert.data.PartialShuffle.TEST_SIDE;
import static org.smoothcert.data.PartialShuffle.TRAIN_SIDE;
import static org.smoothcert.data.PartialShuffle.VALIDATION_SIDE;
import static org.smoothcert.data.PartialShuffle.stream;
import static org.smoothcert.data.PartialShuffle.untaken;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.hadoop.conf.Configuration;
import org.smoothcert.UserError;
import org.smoothcert.data.DataSample;
import org.smoothcert.data.DataSpec;
import org.smoothcert.data.DigitSelection;
import org.smoothcert.data.Examples;
import org.smoothcert.data.PartialShuffle;
import org.smoothcert.data.Provenance;
import org.smoothcert.data.Quantizer;
import org.smoothcert.data.DataSample.Sides;

/**
 * Loads a run's data: reads the IDX files of {@link DataSpec#dir()}, keeps the chosen digits, draws
 * the training examples from the training split and the test examples from the test split (or both,
 * disjointly, from the only split there is), then any validation examples from what is left of the
 * training split, and quantizes the pixels.
 */
public final class MnistData {
  private MnistData() {}

  public static DataSample load(DataSpec spec, Configuration conf) {
    MnistFolder folder = findFolder(spec, conf);
    DigitSelection selection = spec.selection();
    List<LabelledImages> splits = folder.readAll(conf, spec.sourceClasses());
    boolean oneSplit = splits.size() == 1;
    DigitPool trainPool = DigitPool.of(selection, splits.get(0));
    if (oneSplit && (spec.trainSize() == DataSpec.ALL || spec.testSize() == DataSpec.ALL)) {
      throw new UserError((spec.trainSize() == DataSpec.ALL ? DataSpec.KEY_TRAIN_SIZE : DataSpec.KEY_TEST_SIZE)
          + " = all needs a folder with a training and a test split; " + folder.dir() + " has one");
    }
    List<Draw> draws;
    Draw validation;
    if (spec.trainSize() == DataSpec.ALL) {
      // The validation examples first, then every other example of the training split, in its order.
      validation = new Draw(trainPool, PartialShuffle.draw(trainPool.indices(), requireValidation(trainPool, spec),
          stream(spec.seed(), VALIDATION_SIDE)));
      draws = List.of(new Draw(trainPool, untaken(trainPool.indices(), List.of(validation.sources()))),
          draw(DigitPool.of(selection, splits.get(1)), spec.testSize(), DataSpec.KEY_TEST_SIZE, spec, TEST_SIDE));
    } else {
      draws = oneSplit
          ? drawBothFrom(trainPool, spec, selection)
          : List.of(
              draw(trainPool, spec.trainSize(), DataSpec.KEY_TRAIN_SIZE, spec, TRAIN_SIDE),
              draw(DigitPool.of(selection, splits.get(1)), spec.testSize(), DataSpec.KEY_TEST_SIZE, spec, TEST_SIDE));
      validation = drawValidation(trainPool, draws, spec);
    }
    Draw train = draws.get(TRAIN_SIDE);
    Draw test = draws.get(TEST_SIDE);
    Quantizer quantizer = new Quantizer(spec.levels());
    Provenance provenance = new Provenance(folder.dir().toString(),
        new Provenance.Drawing(selection.digits(), spec.levels(), spec.seed()), oneSplit,
        new Sides<>(train.provenance(selection), test.provenance(selection), validation.provenance(selection)));
    return new DataSample(new Sides<>(train.examples(selection, quantizer), test.examples(selection, quantizer),
        validation.examples(selection, quantizer)), spec.certified(), provenance);
  }

  /** Folder-level faults are the config's: they name {@code data.dir}. */
  private static MnistFolder findFolder(DataSpec spec, Configuration conf) {
    try {
      return MnistFolder.find(spec.dir(), conf);
    } catch (UserError e) {
      throw new UserError(DataSpec.KEY_DIR + ": " + e.getMessage(), e);
    }
  }

  private static int requireValidation(DigitPool pool, DataSpec spec) {
    if (spec.validationSize() >= pool.indices().length) {
      throw new UserError(DataSpec.KEY_VALIDATION_SIZE + " = " + spec.validationSize() + " leaves no training example of"
          + " the " + pool.indices().length + " in the " + pool.split().split() + " split (" + DataSpec.KEY_TRAIN_SIZE
          + " = all)");
    }
    return spec.validationSize();
  }

  private static Draw draw(DigitPool pool, int size, String key, DataSpec spec, int side) {
    if (size == DataSpec.ALL) {
      return new Draw(pool, pool.indices().clone());
    }
    if (size > pool.indices().length) {
      throw new UserError(key + " = " + size + ", but the " + pool.split().split() + " split has only "
          + available(pool, spec.selection()));
    }
    return new Draw(pool, PartialShuffle.draw(pool.indices(), size, stream(spec.seed(), side)));
  }

  /** One draw of train + test examples, split in two: disjoint, and the train part fixed by the seed. */
  private static List<Draw> drawBothFrom(DigitPool pool, DataSpec spec, DigitSelection selection) {
    int wanted = spec.trainSize() + spec.testSize();
    if (wanted > pool.indices().length) {
      throw new UserError(DataSpec.KEY_TRAIN_SIZE + " + " + DataSpec.KEY_TEST_SIZE + " = " + spec.trainSize()
          + " + " + spec.testSize() + ", but the folder has one split (" + pool.split().split()
          + "), drawn from for both, with only " + available(pool, selection));
    }
    int[] drawn = PartialShuffle.draw(pool.indices(), wanted, stream(spec.seed(), TRAIN_SIDE));
    return List.of(new Draw(pool, Arrays.copyOfRange(drawn, 0, spec.trainSize())),
        new Draw(pool, Arrays.copyOfRange(drawn, spec.trainSize(), wanted)));
  }

  /**
   * The validation examples: drawn, with a stream of their own, from the training split's examples that
   * no other side took, so the training and test draws are the same with or without them.
   */
  private static Draw drawValidation(DigitPool pool, List<Draw> draws, DataSpec spec) {
    List<Draw> fromPool = draws.stream().filter(d -> d.pool() == pool).toList();
    int[] rest = untaken(pool.indices(), fromPool.stream().map(Draw::sources).toList());
    if (spec.validationSize() > rest.length) {
      throw new UserError(DataSpec.KEY_VALIDATION_SIZE + " = " + spec.validationSize() + ", but the "
          + pool.split().split() + " split has " + pool.indices().length + " examples of digits " + spec.selection()
          + " and the " + (fromPool.size() == 1 ? "training" : "training and test") + " examples take "
          + (pool.indices().length - rest.length) + ", leaving " + rest.length);
    }
    return new Draw(pool, PartialShuffle.draw(rest, spec.validationSize(), stream(spec.seed(), VALIDATION_SIDE)));
  }

  private static String available(DigitPool pool, DigitSelection selection) {
    String perDigit = IntStream.range(0, selection.classes())
        .mapToObj(c -> selection.digits().get(c) + ": " + pool.availablePerClass()[c])
        .collect(Collectors.joining(", "));
    return pool.indices().length + " examples of digits " + selection + " (" + perDigit + ") in "
        + pool.split().files().labels();
  }

  /** The source examples drawn for one side, in the order they become rows. */
  private record Draw(DigitPool pool, int[] sources) {
    Examples examples(DigitSelection selection, Quantizer quantizer) {
      LabelledImages split = pool.split();
      int dim = split.images().shape().pixels();
      byte[] features = new byte[sources.length * dim];
      byte[] labels = new byte[sources.length];
      for (int row = 0; row < sources.length; row++) {
        for (int j = 0; j < dim; j++) {
          features[row * dim + j] = (byte) quantizer.level(split.images().pixel(sources[row], j));
        }
        labels[row] = (byte) selection.classOf(split.label(sources[row]));
      }
      return new Examples(sources.length, dim, quantizer.levels(), selection.classes(), features, labels);
    }

    Provenance.Side provenance(DigitSelection selection) {
      int[] drawnPerClass = new int[selection.classes()];
      for (int source : sources) {
        drawnPerClass[selection.classOf(pool.split().label(source))]++;
      }
      SplitFiles files = pool.split().files();
      return new Provenance.Side(
          new Provenance.Side.Files(files.split(), files.images().toString(), files.labels().toString()),
          new Provenance.Side.Counts(boxed(pool.availablePerClass()), boxed(drawnPerClass), pool.otherDigits()),
          boxed(sources));
    }

    private static List<Integer> boxed(int[] values) {
      return Arrays.stream(values).boxed().toList();
    }
  }
}
