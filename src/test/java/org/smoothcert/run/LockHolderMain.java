package org.smoothcert.run;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Takes a folder's lock and ends the JVM with the given status without closing it, as a signal's exit
 * (143, 130) does while the outputs are written: for {@link DirectoryLockTest}, in a process of its own.
 */
public final class LockHolderMain {
  private LockHolderMain() {}

  public static void main(String[] args) throws Exception {
    Path folder = new Path(args[0]);
    DirectoryLock.take(FileSystem.getLocal(new Configuration()), folder, args[0]);
    System.out.println("taken");
    System.out.flush();
    Runtime.getRuntime().exit(Integer.parseInt(args[1]));
  }
}
