package org.smoothcert.data.idx;

import org.smoothcert.UserError;
import org.smoothcert.data.Split;

/** One split as read: images and their labels, checked to match in number and range. */
public final class LabelledImages {
  private final SplitFiles files;
  private final IdxImages images;
  private final byte[] labels;
  private final int sourceClasses;

  LabelledImages(SplitFiles files, IdxImages images, byte[] labels, int sourceClasses) {
    if (images.count() != labels.length) {
      throw new UserError(files.labels() + ": " + labels.length + " labels, but " + files.images() + " has "
          + images.count() + " images; they must pair up one to one");
    }
    for (int i = 0; i < labels.length; i++) {
      int label = labels[i] & 0xFF;
      if (label >= sourceClasses) {
        throw new UserError(files.labels() + ": label " + label + " of example " + i + " is out of range:"
            + " the source has " + sourceClasses + " classes (0 to " + (sourceClasses - 1) + ")");
      }
    }
    this.files = files;
    this.images = images;
    this.labels = labels;
    this.sourceClasses = sourceClasses;
  }

  public SplitFiles files() {
    return files;
  }

  public Split split() {
    return files.split();
  }

  public IdxImages images() {
    return images;
  }

  public int count() {
    return labels.length;
  }

  /** The original label of example {@code i}, in {@code [0, sourceClasses)}. */
  public int label(int i) {
    return labels[i] & 0xFF;
  }

  /** How many examples carry each label, indexed by label. */
  public int[] countsPerLabel() {
    int[] counts = new int[sourceClasses];
    for (byte label : labels) {
      counts[label & 0xFF]++;
    }
    return counts;
  }
}
