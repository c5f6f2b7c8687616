package org.smoothcert.spark;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Classifiers done / N, rate and ETA, reported at most once every {@code interval} so a long run
 * prints one line now and then rather than one per slice.
 */
public final class Progress {
  private final long total;
  private final long alreadyDone;
  private final Duration interval;
  private final LongSupplier clock;
  private final Consumer<String> sink;
  private final long start;
  private long done;
  private long lastReport;

  /**
   * @param total classifiers of the run (N)
   * @param alreadyDone classifiers reused from checkpoints (not counted in the rate)
   */
  public Progress(long total, long alreadyDone, Duration interval, LongSupplier nanoClock, Consumer<String> sink) {
    this.total = total;
    this.alreadyDone = alreadyDone;
    this.interval = interval;
    this.clock = nanoClock;
    this.sink = sink;
    this.start = nanoClock.getAsLong();
    this.lastReport = start;
  }

  public synchronized void completed(long classifiers) {
    done += classifiers;
    long now = clock.getAsLong();
    if (now - lastReport >= interval.toNanos() || alreadyDone + done == total) {
      lastReport = now;
      sink.accept(line(now));
    }
  }

  String line(long now) {
    double seconds = Math.max(1e-9, (now - start) / 1e9);
    double rate = done / seconds;
    long remaining = total - alreadyDone - done;
    String eta = remaining == 0 ? "done" : rate > 0 ? "ETA " + format(remaining / rate) : "ETA ?";
    return String.format("classifiers %,d / %,d (%.0f%%), %.1f/s, %s elapsed, %s",
        alreadyDone + done, total, 100.0 * (alreadyDone + done) / total, rate, format(seconds), eta);
  }

  static String format(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600 ? String.format("%dh%02dm", s / 3600, (s % 3600) / 60)
        : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
  }
}
