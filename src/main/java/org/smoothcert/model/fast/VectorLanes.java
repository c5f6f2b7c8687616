package org.smoothcert.model.fast;

import org.smoothcert.UserError;

/**
 * How many double lanes the fast path's SIMD kernels ({@link VectorColumnSums}, {@link VectorLbfgsKernels})
 * use: the machine's preferred vector species (8 with AVX-512, 4 with AVX2, 2 with SSE or NEON), or the
 * width the system property {@value #PROPERTY} forces: 2, 4 or 8 (128-, 256- or 512-bit vectors), for
 * the tests and for {@code bench} (e.g. {@code SMOOTHCERT_JAVA_OPTS=-Dsmoothcert.vector.lanes=4}). The
 * kernels' results are the same bits at every width and in the scalar code ({@code VectorLanesTest}),
 * so the width changes speed only. The property is read once, when the kernels are first loaded: C2
 * turns vector-API calls into SIMD instructions only when the species is a constant.
 */
public final class VectorLanes {
  public static final String PROPERTY = "smoothcert.vector.lanes";

  /** The forced number of lanes, or 0 for the machine's preferred species. */
  static final int FORCED = parse(System.getProperty(PROPERTY));

  private VectorLanes() {}

  static int parse(String value) {
    if (value == null || value.isBlank()) {
      return 0;
    }
    return switch (value.strip()) {
      case "2" -> 2;
      case "4" -> 4;
      case "8" -> 8;
      default -> throw new UserError(PROPERTY + " must be 2, 4 or 8 (double lanes: 128-, 256- or 512-bit"
          + " vectors), got '" + value + "'");
    };
  }

  /** The lanes the kernels run with; 0 when the vector API is absent and the scalar code runs. */
  public static int inUse() {
    return ColumnSums.VECTOR_API ? VectorColumnSums.SPECIES.length() : 0;
  }

  /** One line for {@code bench}: the width in use, where it comes from, and which kernels are SIMD. */
  public static String describe() {
    if (!ColumnSums.VECTOR_API) {
      return "none (jdk.incubator.vector is not in this JVM): scalar kernels";
    }
    int lanes = inUse();
    int preferred = VectorColumnSums.preferredLanes();
    String source = FORCED == 0 ? "the machine's preferred"
        : "forced by -D" + PROPERTY + "; the machine's preferred is " + preferred;
    return String.format("%d doubles (%d-bit, %s); column sums SIMD, L-BFGS dot products %s", lanes,
        64 * lanes, source, LbfgsKernels.VECTOR ? "SIMD" : "scalar");
  }
}
