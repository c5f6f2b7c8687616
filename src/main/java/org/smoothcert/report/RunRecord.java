package org.smoothcert.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.smoothcert.certify.AlphaSplit;
import org.smoothcert.certify.CertificationResult;
import org.smoothcert.certify.Certifier;
import org.smoothcert.certify.L0Certificate;
import org.smoothcert.certify.VotesNeeded;
import org.smoothcert.config.Certifiers;
import org.smoothcert.config.RunConfig;
import org.smoothcert.smoothing.Scheme;
import org.smoothcert.votes.RunVotes;
import org.smoothcert.votes.VoteCounts;

/**
 * What a run's summary.json records, typed: the certificate (what the votes certify, and under which
 * settings), the run (where the votes came from, earlier looks at them, timings; the versions come with
 * it), the data (where the examples came from) and the config (the certificate's). {@link #render} writes
 * summary.json, its keys in the order they have always had; {@link Stored} reads one back. Built once per
 * certification, by {@code experiments.Certification}, for {@code run}, {@code certify} and the attacks.
 *
 * @param data the data section: the provenance the data described, or the one the stored run recorded
 */
public record RunRecord(Certificate certificate, Run run, Map<String, Object> data) {
  /** The file a record is written to in a run directory. */
  public static final String FILE = "summary.json";
  private static final String RUN = "run";
  private static final String DATA = "data";
  private static final String FEATURE_DOMAIN = "feature_domain";
  private static final String TRAINING_EXAMPLES = "training_examples";
  private static final String CLASSIFIERS_TRAINED = "classifiers_trained";
  private static final String TRAINING = "training";
  private static final String CAUTION = "caution";
  private static final String TIMINGS = "timings";
  /** A re-certification's caution when it is the only other look at the votes. */
  private static final String RECERTIFIED_CAUTION = "the 1 - alpha guarantee holds for settings (alpha, N,"
      + " protocol) fixed before the votes were seen; settings chosen after looking at them do not keep it";

  /**
   * What certifying the votes gave, and the settings it was given.
   *
   * @param sizes the data's feature domain and training set size the certificate depends on
   * @param votes the votes that were certified
   * @param certified the run's certifier and what it gave
   */
  public record Certificate(RunConfig config, Sizes sizes, RunVotes votes, Certified certified) {
    /**
     * @param featureDomain the largest domain of the data's feature columns
     * @param trainingExamples n, the clean training set's size
     */
    public record Sizes(int featureDomain, int trainingExamples) {}

    /**
     * @param certifier the run's certifier ({@link Certifiers#certifier})
     * @param result every point's certificate
     */
    public record Certified(Certifier certifier, CertificationResult result) {}

    /** Certifies {@code votes} of the points whose true labels are {@code trueLabels} under {@code config}. */
    public static Certificate of(RunConfig config, int featureDomain, int trainingExamples, RunVotes votes,
        int[] trueLabels) {
      Certifier certifier = Certifiers.certifier(config, featureDomain, trainingExamples);
      return new Certificate(config, new Sizes(featureDomain, trainingExamples), votes,
          new Certified(certifier, CertificationResult.of(votes, trueLabels, certifier)));
    }

    public int featureDomain() {
      return sizes.featureDomain();
    }

    public int trainingExamples() {
      return sizes.trainingExamples();
    }

    public Certifier certifier() {
      return certified.certifier();
    }

    public CertificationResult result() {
      return certified.result();
    }

    public AlphaSplit split() {
      return Certifiers.alphaSplit(config);
    }

    public Scheme scheme() {
      return config.smoothing().scheme();
    }

    public boolean flip() {
      return scheme() == Scheme.FLIP;
    }

    /** The votes that bound the classes: all N, or N - n0 in the two-sample protocol. */
    public VoteCounts estimation() {
      return votes.estimation();
    }

    private void render(Map<String, Object> summary) {
      AlphaSplit split = split();
      VoteCounts estimation = estimation();
      summary.put("seed", config.seed());
      summary.put("classifiers", votes.classifiers());
      summary.put("selection_classifiers", config.certify().selectionClassifiers());
      String certified = config.data().certified().key();
      summary.put("certified_points", certified);
      summary.put(certified + "_points", estimation.points());
      summary.put("classes", estimation.classes());
      if (flip()) {
        L0Certificate certificate = Certifiers.certificate(config, featureDomain());
        summary.put("beta", config.smoothing().beta());
        summary.put(FEATURE_DOMAIN, featureDomain());
        summary.put("certificate_domain", Summary.domain(certificate));
        summary.put("alpha", Summary.alpha(split));
        summary.put("ceiling", Summary.ceiling(certificate,
            Certifiers.ceiling(config, featureDomain(), estimation.classifiers()),
            new VotesNeeded(certificate, split, estimation.classifiers()), split.perBound()));
      } else {
        Map<String, Object> schemeSection = SchemeLines.summary(config, trainingExamples());
        if (scheme() == Scheme.PARTITION) {
          schemeSection.put("insertions_or_removals", SchemeLines.insertionsOrRemovals(result()));
        }
        summary.put("scheme", schemeSection);
        summary.put(FEATURE_DOMAIN, featureDomain());
        summary.put(TRAINING_EXAMPLES, trainingExamples());
        summary.put("alpha", certifier().deterministic() ? SchemeLines.noAlpha() : Summary.alpha(split));
      }
      summary.put("certified_accuracy", Summary.accuracy(result()));
      summary.put("certified_share", Summary.certifiedShare(result()));
      summary.put("abstentions", result().abstentions());
      summary.put("base_classifier", Summary.training(votes.stats(), votes.classifiers()));
    }
  }

  /** Where the votes certified came from. */
  public sealed interface Origin {
    /** The Spark version that trained or collected the votes; null when none was started. */
    String sparkVersion();
  }

  /** Where a run ran: its directory, the Spark master and Spark's version. */
  public record Place(String directory, String master, String sparkVersion) {}

  /** An origin that ran on Spark in a place, read through it. */
  public sealed interface Placed extends Origin {
    Place place();

    default String directory() {
      return place().directory();
    }

    default String master() {
      return place().master();
    }

    @Override
    default String sparkVersion() {
      return place().sparkVersion();
    }
  }

  /** A number of classifiers and the slices they came in. */
  public record Share(long classifiers, int slices) {}

  /**
   * A run that trained the missing classifiers on Spark and reused the others from checkpoints.
   *
   * @param finished when training finished (an instant)
   * @param trained the classifiers and slices this run trained
   * @param reused the classifiers and slices it read from checkpoints
   * @param timings what loading the data, starting Spark and training took
   */
  public record Trained(Place place, String finished, Shares shares, Timings timings) implements Placed {
    /** The classifiers and slices a run trained and those it reused. */
    public record Shares(Share trained, Share reused) {}

    /**
     * @param dataSeconds loading and drawing the data
     * @param sparkStartSeconds starting Spark
     * @param trainingSeconds training and collecting the votes
     */
    public record Timings(double dataSeconds, double sparkStartSeconds, double trainingSeconds) {}

    public int slicesTrained() {
      return shares.trained().slices();
    }

    public int slicesReused() {
      return shares.reused().slices();
    }

    public long classifiersTrained() {
      return shares.trained().classifiers();
    }

    public long classifiersReused() {
      return shares.reused().classifiers();
    }

    public double dataSeconds() {
      return timings.dataSeconds();
    }

    public double sparkStartSeconds() {
      return timings.sparkStartSeconds();
    }

    public double trainingSeconds() {
      return timings.trainingSeconds();
    }
  }

  /** An attack's run: the smoothed classifier trained on (possibly poisoned) data, by name. */
  public record Attacked(Place place, String attack, long classifiersTrained, long classifiersReused)
      implements Placed {}

  /** A re-certification of the votes stored in {@code from}, without Spark. */
  public record Recertified(String from) implements Origin {
    @Override
    public String sparkVersion() {
      return null;
    }
  }

  /**
   * Where and how a run directory's votes were trained: the run section of the summary that trained them,
   * as it was written (a record survives any number of re-certifications and repeated runs).
   */
  public record Training(Map<String, Object> section) {}

  /** A certificate computed earlier on the same votes. */
  public record Look(long classifiers, double alpha, String certify) {}

  /**
   * The other certificates computed on these votes, when this one is not the only one.
   *
   * @param jointConfidence the probability, by the union bound, that all of them hold at once
   * @param caution what that means for this certificate
   */
  public record Looks(List<Look> others, double jointConfidence, String caution) {}

  /**
   * The run section.
   *
   * @param training the record of the run that trained the votes, where this one did not train them all
   * @param looks the other certificates on these votes, if any
   * @param seconds what certifying took and what the whole run took
   */
  public record Run(Origin origin, Optional<Training> training, Optional<Looks> looks, Seconds seconds) {
    /**
     * @param certify certifying and writing the reports
     * @param total from the start of the run until its reports were written
     */
    public record Seconds(double certify, double total) {}

    public double certifySeconds() {
      return seconds.certify();
    }

    public double totalSeconds() {
      return seconds.total();
    }

    private Map<String, Object> render() {
      Map<String, Object> m = new LinkedHashMap<>();
      if (origin instanceof Trained t) {
        m.put("directory", t.directory());
        m.put("finished", t.finished());
        m.put("master", t.master());
        m.put("spark_version", t.sparkVersion());
        m.put("slices_trained", t.slicesTrained());
        m.put("slices_reused", t.slicesReused());
        m.put(CLASSIFIERS_TRAINED, t.classifiersTrained());
        m.put("classifiers_reused", t.classifiersReused());
        Map<String, Object> timings = new LinkedHashMap<>();
        timings.put("data_s", t.dataSeconds());
        timings.put("spark_start_s", t.sparkStartSeconds());
        timings.put("training_s", t.trainingSeconds());
        m.put(TIMINGS, timings);
        training.ifPresent(r -> m.put(TRAINING, r.section()));
      } else if (origin instanceof Attacked a) {
        m.put("directory", a.directory());
        m.put("attack", a.attack());
        m.put("master", a.master());
        m.put("spark_version", a.sparkVersion());
        m.put(CLASSIFIERS_TRAINED, a.classifiersTrained());
        m.put("classifiers_reused", a.classifiersReused());
      } else if (origin instanceof Recertified r) {
        m.put("recertified_from", r.from());
        // Where and how the votes were trained (master, classifiers, timings), kept through re-certifications.
        training.ifPresent(t -> m.put(TRAINING, t.section()));
        m.put(CAUTION, looks.map(Looks::caution).orElse(RECERTIFIED_CAUTION));
      }
      looks.ifPresent(l -> {
        List<Map<String, Object>> earlier = new ArrayList<>();
        for (Look look : l.others()) {
          Map<String, Object> e = new LinkedHashMap<>();
          e.put("classifiers", look.classifiers());
          e.put("alpha", look.alpha());
          e.put("certify", look.certify());
          earlier.add(e);
        }
        m.put("other_certificates_on_these_votes", earlier);
        m.put("joint_confidence", l.jointConfidence());
        m.put(CAUTION, l.caution());
      });
      @SuppressWarnings("unchecked")
      Map<String, Object> timings = (Map<String, Object>) m.computeIfAbsent(TIMINGS, k -> new LinkedHashMap<>());
      timings.put("certify_s", certifySeconds());
      timings.put("total_s", totalSeconds());
      return m;
    }
  }

  /** Seconds, rounded to hundredths, for the timings. */
  public static double seconds(long nanos) {
    return Math.round(nanos / 1e7) / 100.0;
  }

  /** summary.json. */
  public String render() {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("versions", Versions.all(run.origin().sparkVersion()));
    certificate.render(summary);
    summary.put(RUN, run.render());
    summary.put(DATA, data);
    summary.put("config", certificate.config().source().root().unwrapped());
    return Json.write(summary);
  }

  /** A summary.json read back: what a later run or re-certification takes from it. */
  public record Stored(Map<String, Object> summary) {
    /** Reads {@code text}, as {@link #render} wrote it (or an earlier version of smoothcert did). */
    public static Stored parse(String text) {
      return new Stored(Json.read(text));
    }

    /** The largest feature domain the run certified with, where it recorded one. */
    public OptionalInt featureDomain() {
      return number(FEATURE_DOMAIN);
    }

    /** The clean training set's size n, where the run recorded it (every scheme but the flip noise does). */
    public OptionalInt trainingExamples() {
      return number(TRAINING_EXAMPLES);
    }

    private OptionalInt number(String key) {
      return summary.get(key) instanceof Number n ? OptionalInt.of(n.intValue()) : OptionalInt.empty();
    }

    /** The data section; empty when there is none. */
    public Map<String, Object> data() {
      return section(summary, DATA);
    }

    /**
     * The training record: the run section itself where that run trained classifiers; else the record it
     * carried (a re-certification, or a run that reused every classifier); empty when it holds none.
     */
    public Optional<Training> training() {
      Map<String, Object> run = section(summary, RUN);
      boolean trainedNothing = !(run.get(CLASSIFIERS_TRAINED) instanceof Number n) || n.longValue() == 0;
      Map<String, Object> record = trainedNothing ? section(run, TRAINING) : run;
      return record.isEmpty() ? Optional.empty() : Optional.of(new Training(record));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> map, String name) {
      return map.get(name) instanceof Map<?, ?> section ? (Map<String, Object>) section : Map.of();
    }
  }
}
