package org.smoothcert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Which room may use Spark, checked on every source file under src/main/java (STYLE.md: the core never
 * imports Spark). Only {@code org.smoothcert.spark} (the engine, which builds every Spark session, and
 * MLlib's own fit() as bench's baseline, and {@code spark.tables}, Spark's DataFrame readers of tables:
 * the reference the data room's own readers are checked against; no data room uses Spark) and
 * {@code org.smoothcert.app} may use {@code org.apache.spark}; the experiments and bench use Spark only
 * through the engine. The exception is {@code org.smoothcert.model.mllib},
 * MLlib's own path, which trains MLlib's network inside tasks: it may use MLlib's local numerics
 * ({@code ml.ann}, {@code ml.linalg}, {@code ml.classification}) and nothing that needs a running Spark
 * ({@code sql}, {@code SparkContext}, {@code api}, {@code rdd}, ...). It is also the only package that
 * may use MLlib's ANN code or Breeze, even the Spark rooms may not; the learner interface
 * ({@code model}), the fast path ({@code model.fast}) and the learner entry ({@code model.learner}) use
 * neither. And the learner's rooms do not form a cycle: {@code model} imports none of its subpackages,
 * {@code model.mllib} (the reference) never imports {@code model.fast}, and neither path imports
 * {@code model.learner}, the entry above both. Imports and fully qualified names both count; comments
 * do not.
 *
 * <p>And, on the compiled classes, every record under {@code org.smoothcert} is narrow (issue 28): it has at
 * most {@value #MOST_COMPONENTS} components, so none is built from a long list of positional arguments;
 * wider contents are grouped into named nested sections.
 */
class ArchitectureTest {
  /** The most components a record may have. */
  static final int MOST_COMPONENTS = 4;

  private static final String MODEL = "org.smoothcert.model";
  private static final String MLLIB = "org.smoothcert.model.mllib";
  private static final String FAST = "org.smoothcert.model.fast";
  private static final String LEARNER = "org.smoothcert.model.learner";
  private static final String SOURCES = "org.smoothcert.data.table.sources";
  private static final List<String> SPARK_ROOMS =
      List.of("org.smoothcert.spark", "org.smoothcert.app");
  private static final List<String> MLLIB_ONLY = List.of("breeze", "org.apache.spark.ml.ann");
  private static final List<String> MLLIB_SPARK = List.of(
      "org.apache.spark.ml.ann", "org.apache.spark.ml.linalg", "org.apache.spark.ml.classification");
  private static final Pattern PACKAGE =
      Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
  private static final Pattern REFERENCE = Pattern.compile(
      "(?<![\\w.$])(org\\.apache\\.spark(?:\\.[\\w$]+)*|breeze(?:\\.[\\w$]+)+|org\\.smoothcert\\.model(?:\\.[\\w$]+)+)");

  @Test
  void everyMainSourceFileKeepsToItsRoom() throws IOException {
    Path root = Path.of(System.getProperty("smoothcert.basedir", ".")).resolve("src/main/java");
    List<String> violations = new ArrayList<>();
    int files = 0;
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path file : (Iterable<Path>) paths.filter(p -> p.toString().endsWith(".java"))::iterator) {
        files++;
        for (String violation : violations(Files.readString(file))) {
          violations.add(root.relativize(file) + ": " + violation);
        }
      }
    }
    assertFalse(files == 0, "no sources under " + root);
    assertEquals(List.of(), violations);
  }

  @Test
  void theRulesAllowEachRoomItsOwn() {
    assertAllowed("org.smoothcert.spark.job", "org.apache.spark.sql.Dataset");
    assertAllowed("org.smoothcert.app", "org.apache.spark.SparkConf");
    assertAllowed("org.smoothcert.spark", "org.apache.spark.ml.classification.MultilayerPerceptronClassifier");
    assertAllowed("org.smoothcert.spark.tables", "org.apache.spark.sql.DataFrameReader");
    assertAllowed(MLLIB, "org.apache.spark.ml.linalg.*");
    assertAllowed(MLLIB, "org.apache.spark.ml.ann.TopologyModel");
    assertAllowed(MLLIB, "org.apache.spark.ml.classification.MultilayerPerceptronClassifier");
    assertAllowed(MLLIB, "breeze.linalg.DenseMatrix");
    assertAllowed(MLLIB, "org.smoothcert.model.MlpConfig");
    assertAllowed(FAST, "org.smoothcert.model.mllib.MlpNetwork");
    assertAllowed(FAST, "org.smoothcert.model.Minimizer");
    assertAllowed("org.smoothcert.spark", "org.smoothcert.model.learner.MlpLearner");
    assertAllowed(LEARNER, "org.smoothcert.model.fast.SparseMlpTrainer");
    assertAllowed(LEARNER, "org.smoothcert.model.mllib.MllibMlpTrainer");
  }

  @Test
  void theRulesRejectEverythingElse() {
    assertRejected("org.smoothcert.certify", "org.apache.spark.util.Utils");
    assertRejected("org.smoothcert.data", "org.apache.spark.sql.Dataset");
    assertRejected("org.smoothcert.experiments", "org.apache.spark.sql.SparkSession");
    assertRejected("org.smoothcert.bench", "org.apache.spark.sql.SparkSession");
    assertRejected("org.smoothcert.bench", "org.apache.spark.ml.classification.MultilayerPerceptronClassifier");
    assertRejected(SOURCES, "breeze.linalg.DenseVector");
    assertRejected(SOURCES, "org.apache.spark.sql.DataFrameReader");
    assertRejected("org.smoothcert.data.source", "org.apache.spark.sql.SparkSession");
    assertRejected("org.smoothcert.data.table", "org.apache.spark.sql.Dataset");
    assertRejected("org.smoothcert.data.idx", "org.apache.spark.sql.Dataset");
    assertRejected("org.smoothcert.smoothing", "breeze.linalg.DenseVector");
    assertRejected("org.smoothcert.spark", "breeze.optimize.LBFGS");
    assertRejected("org.smoothcert.spark", "org.apache.spark.ml.ann.FeedForwardTopology");
    assertRejected(MLLIB, "org.apache.spark.sql.SparkSession");
    assertRejected(MLLIB, "org.apache.spark.SparkContext");
    assertRejected(MLLIB, "org.apache.spark.rdd.RDD");
    assertRejected(MLLIB, "org.apache.spark.api.java.JavaRDD");
    assertRejected(MLLIB, "org.apache.spark.*");
    assertRejected(MLLIB, "org.apache.spark.mllib.linalg.Vector");
    for (String room : List.of(MODEL, FAST, LEARNER)) {
      assertRejected(room, "org.apache.spark.ml.ann.TopologyModel");
      assertRejected(room, "org.apache.spark.ml.linalg.Vectors");
      assertRejected(room, "org.apache.spark.ml.classification.MultilayerPerceptronClassificationModel");
      assertRejected(room, "breeze.linalg.DenseMatrix");
    }
    assertRejected(MODEL, "org.smoothcert.model.mllib.MlpNetwork");
    assertRejected(MODEL, "org.smoothcert.model.learner.MlpLearner");
    assertRejected(FAST, "org.smoothcert.model.learner.MlpLearner");
    assertRejected(MLLIB, "org.smoothcert.model.learner.MlpLearner");
    assertRejected(MLLIB, "org.smoothcert.model.fast.ArrayLbfgs");
  }

  @Test
  void qualifiedNamesCountAndCommentsDoNot() {
    assertEquals(1, violations("package org.smoothcert.data;\nclass A { org.apache.spark.sql.Row r; }").size());
    assertEquals(List.of(), violations("package org.smoothcert.smoothing;\nclass A { int breeze = 1; }"));
    assertEquals(List.of(), violations("package org.smoothcert.certify;\n// org.apache.spark.rdd.RDD\n"
        + "/* org.apache.spark.sql.Dataset */ class A { String s = \"// \"; }"));
  }

  @Test
  void everyRecordHasAtMostFourComponents() {
    List<Class<?>> classes = mainClasses();
    assertTrue(classes.stream().anyMatch(c -> c.getName().equals("org.smoothcert.config.RunConfig")),
        "RunConfig is not among the compiled classes");
    assertEquals(List.of(), tooWide(classes));
  }

  @Test
  void theWidthRuleNamesEveryWideRecord() {
    assertEquals(List.of("org.smoothcert.ArchitectureTest$WideConfig has 5 components (at most 4): a, b, c, d, e",
        "org.smoothcert.ArchitectureTest$WideRow has 5 components (at most 4): a, b, c, d, e"),
        tooWide(List.of(WideConfig.class, NarrowConfig.class, WideRow.class, String.class)));
  }

  private record WideConfig(int a, int b, int c, int d, int e) {}

  private record NarrowConfig(int a, int b, int c, int d) {}

  private record WideRow(int a, int b, int c, int d, int e) {}

  /** The main classes under org.smoothcert, compiled. */
  private static List<Class<?>> mainClasses() {
    List<Class<?>> classes = new ArrayList<>();
    new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
        .importPackages("org.smoothcert")
        .forEach(c -> classes.add(c.reflect()));
    return classes;
  }

  /** The records among {@code classes} with more than four components, each named. */
  static List<String> tooWide(List<Class<?>> classes) {
    List<String> wide = new ArrayList<>();
    for (Class<?> c : classes) {
      if (c.isRecord() && c.getRecordComponents().length > MOST_COMPONENTS) {
        wide.add(c.getName() + " has " + c.getRecordComponents().length + " components (at most " + MOST_COMPONENTS
            + "): " + Arrays.stream(c.getRecordComponents()).map(RecordComponent::getName)
            .collect(Collectors.joining(", ")));
      }
    }
    return wide;
  }

  private static void assertAllowed(String room, String imported) {
    assertEquals(List.of(), violations("package " + room + ";\nimport " + imported + ";"));
  }

  private static void assertRejected(String room, String imported) {
    assertEquals(1, violations("package " + room + ";\nimport " + imported + ";").size(), imported);
  }

  /** What in {@code source} uses a package its room may not use, one entry per use. */
  static List<String> violations(String source) {
    String code = withoutComments(source);
    Matcher declared = PACKAGE.matcher(code);
    String room = declared.find() ? declared.group(1) : "";
    List<String> violations = new ArrayList<>();
    Matcher reference = REFERENCE.matcher(code);
    while (reference.find()) {
      String used = reference.group(1);
      if (!allowed(room, used)) {
        violations.add(room + " uses " + used);
      }
    }
    return violations;
  }

  private static boolean allowed(String room, String used) {
    if (within(used, MODEL)) {
      // No cycle among the learner's rooms: model imports no subpackage, the reference not the fast path,
      // and neither path the entry above them.
      boolean subpackage = within(used, MLLIB) || within(used, FAST) || within(used, LEARNER);
      boolean path = within(room, MLLIB) || within(room, FAST);
      return !(room.equals(MODEL) && subpackage) && !(within(room, MLLIB) && within(used, FAST))
          && !(path && within(used, LEARNER));
    }
    boolean mllib = within(room, MLLIB);
    if (MLLIB_ONLY.stream().anyMatch(p -> within(used, p))) {
      return mllib;
    }
    if (SPARK_ROOMS.stream().anyMatch(r -> within(room, r))) {
      return true;
    }
    return mllib && MLLIB_SPARK.stream().anyMatch(p -> within(used, p));
  }

  private static boolean within(String name, String prefix) {
    return name.equals(prefix) || name.startsWith(prefix + ".");
  }

  /** The source with its comments blanked out; string and character literals are kept. */
  private static String withoutComments(String source) {
    StringBuilder code = new StringBuilder(source.length());
    int i = 0;
    int n = source.length();
    while (i < n) {
      char c = source.charAt(i);
      if (source.startsWith("//", i)) {
        int end = source.indexOf('\n', i);
        i = end < 0 ? n : end;
      } else if (source.startsWith("/*", i)) {
        int end = source.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
        code.append(' ');
      } else if (c == '"' || c == '\'') {
        int end = endOfLiteral(source, i);
        code.append(source, i, end);
        i = end;
      } else {
        code.append(c);
        i++;
      }
    }
    return code.toString();
  }

  private static int endOfLiteral(String source, int start) {
    String quote = source.startsWith("\"\"\"", start) ? "\"\"\"" : source.substring(start, start + 1);
    int i = start + quote.length();
    while (i < source.length() && !source.startsWith(quote, i)) {
      i += source.charAt(i) == '\\' ? 2 : 1;
    }
    return Math.min(i + quote.length(), source.length());
  }
}
