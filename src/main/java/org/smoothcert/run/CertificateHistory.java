package org.smoothcert.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import com.typesafe.config.ConfigRenderOptions;
import java.math.BigDecimal;
import java.math.MathContext;
import org.smoothcert.UserError;
import org.smoothcert.config.Certifiers;
import org.smoothcert.config.RunConfig;

/**
 * Every certificate computed on one run directory's votes, in order: its N, its alpha and the rest of its
 * certify settings. Each certificate holds with probability 1 - alpha only for settings fixed before any
 * votes were seen. A run that raises N (or changes alpha) on votes already certified is another look at
 * the same data: whichever certificate is reported is wrong only if one of them is, so by the union bound
 * they all hold together with probability at least 1 - (sum of their alphas), whatever led to the choice.
 * The history is written before each run's reports, so a run killed after showing a result still counts.
 */
public record CertificateHistory(List<Look> looks) {
  /** The file in a run directory that holds the history. */
  public static final String FILE = "certificates.tsv";
  private static final String HEADER = "classifiers\talpha\tcertify";
  private static final String COMMENT = "# every certificate computed on this directory's votes (smoothcert);"
      + " each one's 1 - alpha holds for settings fixed before any votes were seen";

  /**
   * One certificate computed on the votes.
   *
   * @param classifiers N
   * @param alpha the failure probability the whole certificate proves
   * @param settings the certify settings that shape it beside N (alpha included), as one line
   */
  public record Look(long classifiers, double alpha, String settings) {
    /**
     * The certificate {@code config} computes: its N, the alpha it proves (the nominal alpha, or more when
     * bounds are left unpaid for: 2 x alpha for the paper's protocol with two classes) and its certify section.
     */
    // The trigger size is left out of the settings: it changes which radius the same bounds certify, not the
    // bounds, so the certificates of several trigger sizes on one look's bounds all hold when they hold;
    // and directories made before the key existed keep their looks' spelling.
    public static Look of(RunConfig config) {
      return new Look(config.smoothing().classifiers(), Certifiers.provenAlpha(config),
          config.source().getConfig("certify").withoutPath("trigger-size").root().render(ConfigRenderOptions.concise()));
    }

    public Look {
      if (settings.contains("\t") || settings.contains("\n")) {
        throw new IllegalArgumentException("settings must be one line without tabs: " + settings);
      }
    }
  }

  public CertificateHistory {
    looks = List.copyOf(looks);
  }

  public static CertificateHistory empty() {
    return new CertificateHistory(List.of());
  }

  /** Reads a history as {@link #render} wrote it; {@code source} names the file in errors. */
  public static CertificateHistory parse(String text, String source) {
    List<Look> looks = new ArrayList<>();
    String[] lines = text.split("\n");
    int row = 0;
    for (String line : lines) {
      row++;
      if (line.isBlank() || line.startsWith("#") || line.equals(HEADER)) {
        continue;
      }
      String[] cells = line.split("\t", -1);
      try {
        if (cells.length != 3) {
          throw new NumberFormatException("expected 3 tab-separated cells, found " + cells.length);
        }
        long n = Long.parseLong(cells[0]);
        double alpha = Double.parseDouble(cells[1]);
        if (n < 1 || !(alpha > 0 && alpha < 1)) {
          throw new NumberFormatException("N " + cells[0] + " or alpha " + cells[1] + " out of range");
        }
        looks.add(new Look(n, alpha, cells[2]));
      } catch (NumberFormatException e) {
        throw new UserError(source + " line " + row + " is damaged (" + e.getMessage() + "); it records the"
            + " certificates computed on these votes, which the next one's confidence depends on: restore it,"
            + " or start the run afresh in another directory");
      }
    }
    return new CertificateHistory(looks);
  }

  public String render() {
    StringBuilder sb = new StringBuilder(COMMENT).append('\n').append(HEADER).append('\n');
    for (Look l : looks) {
      sb.append(l.classifiers()).append('\t').append(l.alpha()).append('\t').append(l.settings()).append('\n');
    }
    return sb.toString();
  }

  /**
   * This history with {@code look} added at the end, unless the same certificate (N and settings) was
   * computed before; a record of it with a smaller alpha (written before the proven alpha was recorded)
   * is raised to {@code look}'s.
   */
  public CertificateHistory with(Look look) {
    List<Look> more = new ArrayList<>(looks);
    for (int i = 0; i < more.size(); i++) {
      if (same(more.get(i), look)) {
        if (more.get(i).alpha() >= look.alpha()) {
          return this;
        }
        more.set(i, look);
        return new CertificateHistory(more);
      }
    }
    more.add(look);
    return new CertificateHistory(more);
  }

  private static boolean same(Look a, Look b) {
    return a.classifiers() == b.classifiers() && a.settings().equals(b.settings());
  }

  /** The certificates other than {@code current} computed on these votes. */
  public List<Look> others(Look current) {
    return looks.stream().filter(l -> !same(l, current)).toList();
  }

  /** The probability, by the union bound, that every certificate of this history holds at once. */
  public double jointConfidence() {
    return 1 - looks.stream().mapToDouble(Look::alpha).sum();
  }

  /** The console's warning when {@code current} is not the only certificate on these votes; null if it is. */
  public String warning(Look current) {
    CertificateHistory all = with(current);
    List<Look> others = all.others(current);
    if (others.isEmpty()) {
      return null;
    }
    Look last = others.get(others.size() - 1);
    String what;
    if (last.classifiers() < current.classifiers()) {
      what = String.format(Locale.ROOT, "N was raised from %,d to %,d after the votes of N = %,d were certified",
          last.classifiers(), current.classifiers(), last.classifiers());
    } else if (last.classifiers() > current.classifiers()) {
      what = String.format(Locale.ROOT, "N = %,d was certified on votes already certified with N = %,d",
          current.classifiers(), last.classifiers());
    } else {
      what = "these votes were certified before under other certify settings";
    }
    return String.format(Locale.ROOT, "%s in this directory (%d certificates on these votes, see %s): each holds"
        + " with 1 - alpha only if its settings were fixed before any votes were seen; chosen after looking,"
        + " together they hold with probability at least 1 - %s = %s (union bound), not 1 - %s",
        what, all.looks().size(), FILE, alphaText(all.looks().stream().mapToDouble(Look::alpha).sum()),
        alphaText(all.jointConfidence()), alphaText(current.alpha()));
  }

  private static String alphaText(double a) {
    return new BigDecimal(a).round(new MathContext(6)).stripTrailingZeros().toPlainString();
  }
}
