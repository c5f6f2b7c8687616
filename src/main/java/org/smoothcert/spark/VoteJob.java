package org.smoothcert.spark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.SparkExecutorInfo;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.smoothcert.data.Examples;
import org.smoothcert.run.RunDirectory;
import org.smoothcert.votes.SliceVotes;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * The distributed part of a run: broadcast the training and test sets, train the missing slices of
 * classifiers as Spark tasks (one slice per partition), and, as each task finishes, checkpoint its
 * votes in the run directory on the driver and report progress. Returns the votes of all N.
 */
final class VoteJob {
  private static final Logger LOG = LogManager.getLogger(VoteJob.class);

  private VoteJob() {}

  static CollectedVotes run(JavaSparkContext jsc, RunDirectory dir, VotePlan votePlan) {
    int classifiers = votePlan.classifiers();
    int slices = votePlan.slices();
    long[] cuts = votePlan.cuts();
    int sliceCount = slices > 0 ? slices : SlicePlan.autoSlices(classifiers, jsc.defaultParallelism());
    SlicePlan plan = SlicePlan.plan(classifiers, sliceCount, dir.readSlices(), cuts);
    if (plan.reusedClassifiers() > 0) {
      LOG.info("resuming: {} of {} classifiers ({} slices) are already in {}; training the other {}",
          plan.reusedClassifiers(), classifiers, plan.reused().size(), dir.location(), plan.classifiersToTrain());
    }
    List<SliceVotes> done = new ArrayList<>(plan.reused());
    if (!plan.toTrain().isEmpty()) {
      done.addAll(trainMissing(jsc, dir, plan, votePlan));
    }
    long collected = done.stream().mapToLong(SliceVotes::classifiers).sum();
    if (collected != classifiers) {
      throw new IllegalStateException("collected " + collected + " of " + classifiers + " votes");
    }
    return new CollectedVotes(List.copyOf(done), new CollectedVotes.Share(plan.reusedClassifiers(), plan.reused().size()),
        new CollectedVotes.Share(plan.classifiersToTrain(), plan.toTrain().size()));
  }

  private static List<SliceVotes> trainMissing(JavaSparkContext jsc, RunDirectory dir, SlicePlan plan,
      VotePlan votePlan) {
    Examples train = votePlan.train();
    Examples test = votePlan.test();
    int classifiers = votePlan.classifiers();
    Broadcast<Examples> trainB = jsc.broadcast(train);
    Broadcast<Examples> testB = jsc.broadcast(test);
    List<SlicePlan.Range> ranges = plan.toTrain();
    JavaRDD<SlicePlan.Range> rdd = jsc.parallelize(ranges, ranges.size()).setName("classifier slices");
    Progress progress = new Progress(classifiers, plan.reusedClassifiers(), Duration.ofSeconds(10),
        System::nanoTime, LOG::info);
    String group = "smoothcert-" + UUID.randomUUID();
    jsc.setJobGroup(group, String.format("train %,d classifiers in %d slices and count their votes on %d test points",
        plan.classifiersToTrain(), ranges.size(), test.count()), false);
    SliceHandler handler = new SliceHandler(dir, progress, () -> jsc.cancelJobGroup(group));
    ClassTag<SliceVotes> tag = ClassTag$.MODULE$.apply(SliceVotes.class);
    try {
      try {
        jsc.sc().runJob(rdd.rdd(), new SliceTask(trainB, testB, votePlan.learner(), votePlan.smoothing()), handler, tag);
      } catch (Exception e) {
        if (handler.failure == null) {
          throw e;
        }
      }
      if (handler.failure != null) {
        awaitRunningTasks(jsc);
        throw handler.failure;
      }
    } finally {
      jsc.clearJobGroup();
      trainB.destroy();
      testB.destroy();
    }
    return handler.results;
  }

  /**
   * Waits for the tasks still training after the job was cancelled: they do not stop midway, and one that
   * finishes after Spark has stopped is logged as an error with its stack trace.
   */
  private static void awaitRunningTasks(JavaSparkContext jsc) {
    boolean logged = false;
    while (true) {
      int running = Arrays.stream(jsc.sc().statusTracker().getExecutorInfos())
          .mapToInt(SparkExecutorInfo::numRunningTasks).sum();
      if (running == 0) {
        return;
      }
      if (!logged) {
        LOG.info("waiting for the {} slice(s) still training to end; their votes are not kept", running);
        logged = true;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /**
   * Runs on the driver as each task finishes: checkpoint first, then count it as done. A checkpoint that
   * cannot be written (a full disk) cancels the job instead of failing inside Spark's scheduler (which
   * would log its stack trace): the failure is kept, later slices are dropped, and it is thrown once the
   * job has ended.
   */
  private static final class SliceHandler extends AbstractFunction2<Object, SliceVotes, BoxedUnit> {
    private final RunDirectory dir;
    private final Progress progress;
    private final Runnable cancel;
    private final List<SliceVotes> results = new ArrayList<>();
    private volatile RuntimeException failure;

    SliceHandler(RunDirectory dir, Progress progress, Runnable cancel) {
      this.dir = dir;
      this.progress = progress;
      this.cancel = cancel;
    }

    @Override
    public BoxedUnit apply(Object partition, SliceVotes slice) {
      if (failure != null) {
        return BoxedUnit.UNIT;
      }
      try {
        dir.writeSlice(slice);
      } catch (RuntimeException e) {
        failure = e;
        cancel.run();
        return BoxedUnit.UNIT;
      }
      synchronized (results) {
        results.add(slice);
      }
      progress.completed(slice.classifiers());
      return BoxedUnit.UNIT;
    }
  }
}
