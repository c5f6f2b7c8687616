package org.smoothcert.experiments;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.smoothcert.UserError;
import org.smoothcert.certify.Beta;
import org.smoothcert.config.ConfigKeys;
import org.smoothcert.config.RunConfig;
import org.smoothcert.data.DataSample;
import org.smoothcert.data.Examples;
import org.smoothcert.data.FeatureDomains;
import org.smoothcert.data.Provenance;
import org.smoothcert.data.TableProvenance;
import org.smoothcert.data.source.DataSource;

/** A run's data: loaded and drawn as its config says, fingerprinted for the votes identity, described for summary.json. */
public final class RunData {
  private RunData() {}

  /**
   * The run's data ({@link DataSource}: IDX files, or a table read without Spark). A table's categorical
   * columns bring domains of their own, so beta is checked against them once they are known.
   */
  public static DataSample load(RunConfig config, Configuration hadoop) {
    DataSample sample = DataSource.load(config.data(), config.table(), hadoop);
    if (config.table().format().isTable()) {
      Beta.requireAboveChance(ConfigKeys.BETA.name(), config.smoothing().beta(),
          sample.train().domains().smallest(), config.classes(), UserError::new);
    }
    return sample;
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
    if (sample.origin() instanceof TableProvenance table) {
      return table.summary();
    }
    var p = sample.provenance();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("dir", p.dir());
    m.put("digits", p.digits());
    m.put("levels", p.levels());
    m.put("seed", p.seed());
    m.put("one_split", p.oneSplit());
    List<Map.Entry<String, Provenance.Side>> sides = new ArrayList<>(List.of(Map.entry("train", p.train()),
        Map.entry("test", p.test())));
    if (sample.validation().count() > 0) {
      sides.add(Map.entry("validation", p.validation()));
    }
    for (var side : sides) {
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
