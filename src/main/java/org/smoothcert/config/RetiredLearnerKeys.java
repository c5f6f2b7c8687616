package org.smoothcert.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import java.util.Map;
import java.util.TreeMap;
import org.smoothcert.UserError;
import org.smoothcert.model.MlpImplementation;

/**
 * The learner as it was spelled before {@code learner.implementation} alone chose the path: then
 * {@code learner.implementation} (sparse | mllib) and {@code learner.optimizer} (arrays | breeze) made a
 * 2x2, and a config or votes identity without {@code learner.optimizer} meant breeze (the key came
 * later). Two of the four are today's paths: sparse + arrays is {@code fast}, mllib + breeze is
 * {@code mllib}. The mixed two are no longer a learner a run trains ({@code smoothcert bench} still
 * times them).
 *
 * <p>A config a user writes must use today's spelling: each old one gets a one-line error saying what to
 * write instead. A run directory's stored config and identity are read in either spelling.
 */
final class RetiredLearnerKeys {
  static final String OPTIMIZER = "learner.optimizer";
  private static final String IMPLEMENTATION = ConfigKeys.IMPLEMENTATION.name();
  private static final String SPARSE = "sparse";

  private RetiredLearnerKeys() {}

  /** Refuses a config (a file or --set) that spells the learner the old way, saying what to write. */
  static void rejectIn(Config config) {
    if (config.hasPath(OPTIMIZER)) {
      String origin = Keys.origin(config.getValue(OPTIMIZER));
      throw new UserError(OPTIMIZER + " is gone (" + origin + "): delete it; " + IMPLEMENTATION
          + " alone chooses the learner, fast (was sparse + arrays) or mllib (was mllib + breeze)");
    }
    if (SPARSE.equals(config.getValue(IMPLEMENTATION).unwrapped())) {
      String origin = Keys.origin(config.getValue(IMPLEMENTATION));
      throw new UserError(IMPLEMENTATION + " = sparse is now called fast (" + origin + "): write "
          + IMPLEMENTATION + " = fast");
    }
  }

  /**
   * A config in today's spelling (a run directory's stored config may have the old one): sparse + arrays
   * reads as fast, mllib + breeze (or mllib alone) as mllib. A mixed combination reads as the path with
   * its cost function: re-certifying stored votes trains nothing, and resuming such a run is refused by
   * {@link #inTodaysSpelling(Map)}.
   */
  static Config inTodaysSpelling(Config config) {
    if (!config.hasPath(OPTIMIZER) && !SPARSE.equals(config.getValue(IMPLEMENTATION).unwrapped())) {
      return config;
    }
    String spelled = Keys.getString(config, IMPLEMENTATION);
    String optimizer = config.hasPath(OPTIMIZER) ? Keys.getString(config, OPTIMIZER) : "breeze";
    MlpImplementation path = path(spelled, optimizer);
    String today = path != null ? path.key() : SPARSE.equals(spelled) ? MlpImplementation.FAST.key() : spelled;
    ConfigValue value = ConfigValueFactory.fromAnyRef(today).withOrigin(config.getValue(IMPLEMENTATION).origin());
    return config.withoutPath(OPTIMIZER).withValue(IMPLEMENTATION, value);
  }

  /**
   * A stored votes identity in today's spelling: sparse + arrays reads as fast, mllib + breeze (or mllib
   * alone, from before learner.optimizer) as mllib. A mixed combination is refused: its votes can be
   * re-certified, but no run trains more of them.
   */
  static Map<String, String> inTodaysSpelling(Map<String, String> identity) {
    String implementation = identity.get(IMPLEMENTATION);
    String optimizer = identity.getOrDefault(OPTIMIZER, "breeze");
    if (implementation == null || !identity.containsKey(OPTIMIZER) && !SPARSE.equals(implementation)) {
      return identity;
    }
    MlpImplementation path = path(implementation, optimizer);
    if (path == null) {
      throw new UserError("the run directory holds votes of " + IMPLEMENTATION + " = " + implementation
          + " with " + OPTIMIZER + " = " + optimizer + ", a combination runs no longer train: it can be"
          + " re-certified (smoothcert certify --run) but not resumed; use another --out");
    }
    Map<String, String> today = new TreeMap<>(identity);
    today.remove(OPTIMIZER);
    today.put(IMPLEMENTATION, path.key());
    return today;
  }

  /** Today's path of an old (implementation, optimizer) pair; null for a mixed one. */
  private static MlpImplementation path(String implementation, String optimizer) {
    if (implementation.equals(SPARSE) && optimizer.equals("arrays")) {
      return MlpImplementation.FAST;
    }
    if (implementation.equals("mllib") && optimizer.equals("breeze")) {
      return MlpImplementation.MLLIB;
    }
    return null;
  }
}
