package org.smoothcert.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smoothcert.app.Main;

/**
 * A run whose input is read from and whose run directory is written to an in-process HDFS
 * ({@code hdfs://127.0.0.1:PORT/...}): the same points.csv as a run on local files, and a second run
 * of the same command resumes from the checkpoints on HDFS.
 */
class HdfsRunIT {
  static final java.nio.file.Path DIR = Scripts.TARGET.resolve("hdfs-it");

  @RegisterExtension
  static final MiniHdfs HDFS = new MiniHdfs(DIR.resolve("dfs"));

  static String run(String data, String out, String... more) {
    List<String> args = new ArrayList<>(List.of("run", "--master", "local[2]", "--out", out));
    List<String> sets = new ArrayList<>(List.of("data.dir=\"" + data + "\"", "data.train-size=40",
        "data.test-size=60", "smoothing.classifiers=24", "learner.hidden=8", "learner.max-iter=30", "job.slices=4"));
    sets.addAll(List.of(more));
    for (String set : sets) {
      args.addAll(List.of("--set", set));
    }
    ByteArrayOutputStream out0 = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.execute(args.toArray(String[]::new), new PrintStream(out0, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
    return out0.toString(StandardCharsets.UTF_8);
  }

  static String read(FileSystem fs, String path) throws Exception {
    try (var in = fs.open(new Path(path))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** target/ outlives a run of the suite: a local run of an earlier build would be another configuration. */
  private static java.nio.file.Path freshLocalOut(String name) throws IOException {
    java.nio.file.Path out = DIR.resolve(name);
    org.apache.commons.io.FileUtils.deleteDirectory(out.toFile());
    return out;
  }

  @Test
  void runReadsAndWritesHdfsAndResumesThere() throws Exception {
    java.nio.file.Path localData = Scripts.HOME.resolve("data/mnist-1-7");
    java.nio.file.Path localOut = freshLocalOut("local-run");
    String local = run(localData.toString(), localOut.toString());
    assertTrue(local.contains("certified accuracy"), local);

    FileSystem fs = HDFS.fileSystem();
    fs.copyFromLocalFile(new Path(localData.toUri()), new Path("/data/mnist-1-7"));
    String data = HDFS.uri() + "/data/mnist-1-7";
    String out = HDFS.uri() + "/runs/a";
    String first = run(data, out);
    assertTrue(first.contains("data: " + data + ","), first);
    assertTrue(first.contains("smoothcert run -> " + out), first);
    assertEquals(Files.readString(localOut.resolve("points.csv")), read(fs, out + "/points.csv"));
    for (FileStatus report : fs.listStatus(new Path(out))) {
      assertTrue(report.isDirectory() || report.getLen() > 0, report.getPath() + " is empty");
    }
    assertEquals(4, fs.listStatus(new Path(out + "/votes")).length);

    String again = run(data, out);
    assertTrue(again.contains("reused 24 classifiers (4 slices) from earlier runs; trained 0 (0 slices)"), again);
    assertEquals(Files.readString(localOut.resolve("points.csv")), read(fs, out + "/points.csv"));
  }

  /** A table on HDFS is read by Spark's CSV reader as the same file on the local disk is. */
  @Test
  void aCsvOnHdfsCertifiesAsTheLocalFile() throws Exception {
    java.nio.file.Path csv = Scripts.HOME.resolve("data/breast-cancer/breast-cancer.csv");
    String[] table = {"data.format=csv", "data.label-column=diagnosis", "data.classes=[malignant, benign]",
        "data.discretize=quantile"};
    java.nio.file.Path localOut = freshLocalOut("local-csv-run");
    List<String> local = new ArrayList<>(List.of(table));
    local.add("data.train-path=\"" + csv + "\"");
    run("unused", localOut.toString(), local.toArray(String[]::new));

    FileSystem fs = HDFS.fileSystem();
    fs.copyFromLocalFile(new Path(csv.toUri()), new Path("/tables/breast-cancer.csv"));
    String out = HDFS.uri() + "/runs/csv";
    List<String> onHdfs = new ArrayList<>(List.of(table));
    onHdfs.add("data.train-path=\"" + HDFS.uri() + "/tables/breast-cancer.csv\"");
    String printed = run("unused", out, onHdfs.toArray(String[]::new));
    assertTrue(printed.contains("data: csv " + HDFS.uri() + "/tables/breast-cancer.csv"), printed);
    assertEquals(Files.readString(localOut.resolve("points.csv")), read(fs, out + "/points.csv"));
  }
}
