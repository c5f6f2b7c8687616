package org.smoothcert.experiments;

import java.nio.file.Files;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.smoothcert.config.RunConfig;
import org.smoothcert.data.DataSample;
import org.smoothcert.data.DataSpec;
import org.smoothcert.data.Examples;
import org.smoothcert.data.FeatureDomains;
import org.smoothcert.data.MnistData;

/** A run's data: loaded and drawn as its config says, fingerprinted for the votes identity, described for summary.json. */
public final class RunData {
  private static final Logger LOG = LogManager.getLogger(RunData.class);

  private RunData() {}

  public static DataSample load(RunConfig config, Configuration hadoop) {
    return MnistData.load(withResolvedDir(config.data()), hadoop);
  }

  /** A relative data.dir is looked up in the working directory, then in the smoothcert folder. */
  public static DataSpec withResolvedDir(DataSpec spec) {
    String home = System.getProperty("smoothcert.home");
    String dir = spec.dir();
    boolean relative = !dir.contains(":") && !dir.startsWith("/");
    if (relative && home != null && !Files.exists(Paths.get(dir)) && Files.exists(Paths.get(home, dir))) {
      LOG.info("data.dir {} resolved against the smoothcert folder {}", dir, home);
      return new DataSpec(Paths.get(home, dir).toString(), spec.digits(), spec.trainSize(), spec.testSize(),
          spec.levels(), spec.seed(), spec.sourceClasses());
    }
    return spec;
  }

  /** The fingerprint of the data sets in the votes identity: votes of other data are never reused. */
  public static String sha256(Examples... sets) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (Examples e : sets) {
        md.update((e.count() + "x" + e.dim() + "/" + domains(e.domains()) + "/" + e.classes() + ";").getBytes());
        md.update(e.features());
        md.update(e.labels());
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One domain as its number (as before there were several), several as the list of every column's. */
  private static String domains(FeatureDomains domains) {
    return domains.isUniform() ? Integer.toString(domains.largest()) : Arrays.toString(domains.sizes());
  }

  /** The data section of summary.json: where the examples came from and how they were drawn. */
  public static Map<String, Object> provenance(DataSample sample) {
    var p = sample.provenance();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("dir", p.dir());
    m.put("digits", p.digits());
    m.put("levels", p.levels());
    m.put("seed", p.seed());
    m.put("one_split", p.oneSplit());
    for (var side : List.of(Map.entry("train", p.train()), Map.entry("test", p.test()))) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("split", side.getValue().split().toString());
      s.put("images", side.getValue().imagesFile());
      s.put("labels", side.getValue().labelsFile());
      s.put("available_per_class", side.getValue().availablePerClass());
      s.put("drawn_per_class", side.getValue().drawnPerClass());
      s.put("other_digits_skipped", side.getValue().otherDigits());
      m.put(side.getKey(), s);
    }
    return m;
  }
}
