package org.smoothcert.cluster;

import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** An HDFS name node and data node in the test JVM, on 127.0.0.1 only, for the tests of a class. */
final class MiniHdfs implements BeforeAllCallback, AfterAllCallback {
  private final Path dir;
  private MiniDFSCluster cluster;

  MiniHdfs(Path dir) {
    this.dir = dir;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, dir.toString());
    conf.setInt("dfs.replication", 1);
    for (String key : new String[] {"dfs.namenode.http-address", "dfs.namenode.https-address",
        "dfs.datanode.address", "dfs.datanode.http.address", "dfs.datanode.https.address",
        "dfs.datanode.ipc.address"}) {
      conf.set(key, "127.0.0.1:0");
    }
    cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).nameNodePort(0).format(true).build();
    cluster.waitActive();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (cluster != null) {
      cluster.shutdown(true);
    }
  }

  /** hdfs://127.0.0.1:PORT */
  String uri() {
    return "hdfs://127.0.0.1:" + cluster.getNameNodePort();
  }

  FileSystem fileSystem() throws java.io.IOException {
    return cluster.getFileSystem();
  }
}
