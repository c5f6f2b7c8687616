package org.smoothcert.data.idx;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.smoothcert.data.Split;

/** Where the images and the labels of one split are. */
public record SplitFiles(Split split, Path images, Path labels) {
  /**
   * Reads both files and checks that they belong together and that every label is a class of the
   * source; {@code expectedShape} null accepts any image size.
   */
  public LabelledImages read(Configuration conf, int sourceClasses, ImageShape expectedShape) {
    IdxImages pixels = IdxReader.readImages(images, conf, expectedShape);
    byte[] digits = IdxReader.readLabels(labels, conf);
    return new LabelledImages(this, pixels, digits, sourceClasses);
  }
}
