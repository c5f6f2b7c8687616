package org.smoothcert.spark.tables;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.smoothcert.data.idx.IdxImages;
import org.smoothcert.data.idx.LabelledImages;

/**
 * An IDX split written as the tables people keep: a label and one column per pixel (pixel / 255, so a
 * threshold of 0.5 binarizes as the IDX reader's two levels do), in the split's order, as CSV, LibSVM
 * and Parquet (by Spark, a folder of part files).
 */
public final class TableFiles {
  private TableFiles() {}

  public static double value(IdxImages images, int image, int pixel) {
    return images.pixel(image, pixel) / 255.0;
  }

  /** A pixel (0 to 255) as these tables' cells have it: pixel / 255. */
  static final IntFunction<Object> SCALED = pixel -> pixel / 255.0;

  public static void csv(LabelledImages split, Path file) throws IOException {
    csv(split, file, SCALED);
  }

  public static void libsvm(LabelledImages split, Path file) throws IOException {
    libsvm(split, file, SCALED);
  }

  /** A CSV of the split, each pixel as {@code cell} gives it. */
  static void csv(LabelledImages split, Path file, IntFunction<Object> cell) throws IOException {
    int dim = split.images().shape().pixels();
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("label");
      for (int j = 0; j < dim; j++) {
        out.write(",pixel_" + j);
      }
      out.write('\n');
      for (int i = 0; i < split.count(); i++) {
        out.write(Integer.toString(split.label(i)));
        for (int j = 0; j < dim; j++) {
          out.write(',');
          out.write(String.valueOf(cell.apply(split.images().pixel(i, j))));
        }
        out.write('\n');
      }
    }
  }

  /** A LibSVM file of the split, each non-zero pixel as {@code cell} gives it. */
  static void libsvm(LabelledImages split, Path file, IntFunction<Object> cell) throws IOException {
    int dim = split.images().shape().pixels();
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < split.count(); i++) {
        out.write(Integer.toString(split.label(i)));
        for (int j = 0; j < dim; j++) {
          if (split.images().pixel(i, j) != 0) {
            out.write(" " + (j + 1) + ":" + cell.apply(split.images().pixel(i, j)));
          }
        }
        out.write('\n');
      }
    }
  }

  /** A folder of {@code parts} Parquet files, the rows in order across them (part-00000 first). */
  public static void parquet(SparkSession spark, LabelledImages split, Path folder, int parts) {
    parquet(spark, split, folder, parts, true);
  }

  /** As {@link #parquet(SparkSession, LabelledImages, Path, int)}; not {@code scaled}: the pixels as ints. */
  static void parquet(SparkSession spark, LabelledImages split, Path folder, int parts, boolean scaled) {
    int dim = split.images().shape().pixels();
    List<StructField> fields = new ArrayList<>(List.of(DataTypes.createStructField("label", DataTypes.IntegerType,
        false)));
    for (int j = 0; j < dim; j++) {
      fields.add(DataTypes.createStructField("pixel_" + j, scaled ? DataTypes.DoubleType : DataTypes.IntegerType,
          false));
    }
    byte[] pixels = split.images().pixels();
    int[] labels = IntStream.range(0, split.count()).map(split::label).toArray();
    List<Integer> rows = IntStream.range(0, split.count()).boxed().toList();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    var rdd = jsc.parallelize(rows, parts).map(i -> {
      Object[] cells = new Object[dim + 1];
      cells[0] = labels[i];
      for (int j = 0; j < dim; j++) {
        int pixel = pixels[i * dim + j] & 0xFF;
        cells[j + 1] = scaled ? (Object) (pixel / 255.0) : (Object) pixel;
      }
      return (Row) RowFactory.create(cells);
    });
    spark.createDataFrame(rdd, new StructType(fields.toArray(StructField[]::new))).write().parquet(folder.toString());
  }

  /** A local Spark session for writing test files; stop it before a run reads them. */
  public static SparkSession writer() {
    return SparkSession.builder().master("local[2]").appName("smoothcert test tables")
        .config("spark.ui.enabled", "false").config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1").getOrCreate();
  }
}
