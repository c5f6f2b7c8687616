package org.smoothcert.data.source;

import java.nio.file.Files;
import java.nio.file.Paths;
import org.apache.hadoop.conf.Configuration;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.smoothcert.data.DataSample;
import org.smoothcert.data.DataSpec;
import org.smoothcert.data.idx.MnistData;
import org.smoothcert.data.table.TableData;
import org.smoothcert.data.table.TableSpec;
import org.smoothcert.data.table.sources.FileTables;

/**
 * A run's data, IDX files or a table as {@code data.format} says, read on the driver through Hadoop's
 * file systems without Spark: the one place that chooses between the two rooms, {@code data.idx} and
 * {@code data.table}.
 */
public final class DataSource {
  private static final Logger LOG = LogManager.getLogger(DataSource.class);

  private DataSource() {}

  /** The examples {@code data} and {@code table} describe: drawn, discrete, with their provenance. */
  public static DataSample load(DataSpec data, TableSpec table, Configuration hadoop) {
    if (!table.format().isTable()) {
      return MnistData.load(withResolvedDir(data), hadoop);
    }
    return TableData.load(data, table.withPaths(DataSource::resolved), new FileTables(hadoop));
  }

  /** A relative data.dir is looked up in the working directory, then in the smoothcert folder. */
  public static DataSpec withResolvedDir(DataSpec spec) {
    String dir = resolved(spec.dir(), DataSpec.KEY_DIR);
    return dir.equals(spec.dir()) ? spec : spec.inDir(dir);
  }

  /** A relative local path that is not in the working directory but in the smoothcert folder is taken from there. */
  private static String resolved(String path, String key) {
    String home = System.getProperty("smoothcert.home");
    boolean relative = !path.isEmpty() && !path.contains(":") && !path.startsWith("/");
    if (relative && home != null && !Files.exists(Paths.get(path)) && Files.exists(Paths.get(home, path))) {
      LOG.info("{} {} resolved against the smoothcert folder {}", key, path, home);
      return Paths.get(home, path).toString();
    }
    return path;
  }
}
