package org.smoothcert.votes;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * The byte format of a slice checkpoint: a magic word, the identity of the votes (the SHA-256 of
 * everything that decides what a classifier votes, as the run directory renders it), the slice's range,
 * the counts and the training statistics, then a CRC-32 of everything before it. A truncated or edited
 * file fails {@link #decode} with a message, so a corrupted checkpoint is retrained instead of summed;
 * the identity travels inside the checksummed bytes, so a slice can only be counted under the
 * configuration that made it.
 *
 * <p>Format 1 ({@code SCVOTES1}, before the identity was stamped into each slice) is still read, with no
 * identity; the run directory decides whether it can be trusted.
 */
public final class SliceCodec {
  private static final byte[] MAGIC_1 = "SCVOTES1".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] MAGIC = "SCVOTES2".getBytes(StandardCharsets.US_ASCII);
  /** Bytes of an identity: a SHA-256 digest. */
  public static final int IDENTITY_BYTES = 32;

  private SliceCodec() {}

  /**
   * A decoded checkpoint: its votes and the identity they were made under (null for format 1, which
   * did not record it).
   */
  public record Stamped(byte[] identity, SliceVotes slice) {
    public boolean madeUnder(byte[] expected) {
      return identity != null && Arrays.equals(identity, expected);
    }
  }

  /** Thrown for a checkpoint that is not a whole, intact slice. */
  public static final class CorruptSliceException extends IOException {
    private static final long serialVersionUID = 1L;

    public CorruptSliceException(String message) {
      super(message);
    }
  }

  /** The checkpoint of {@code slice}, stamped with the identity (a SHA-256 digest) it was made under. */
  public static byte[] encode(SliceVotes slice, byte[] identity) {
    if (identity == null || identity.length != IDENTITY_BYTES) {
      throw new IllegalArgumentException("an identity is a " + IDENTITY_BYTES + "-byte digest");
    }
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.write(MAGIC);
      out.write(identity);
      out.writeLong(slice.from());
      out.writeLong(slice.to());
      VoteCounts v = slice.votes();
      out.writeInt(v.points());
      out.writeInt(v.classes());
      TrainingStats s = slice.stats();
      for (long x : new long[] {s.correct(), s.predictions(), s.costEvaluations(), s.iterations(),
          s.trainNanos(), s.predictNanos()}) {
        out.writeLong(x);
      }
      for (int c : v.toArray()) {
        out.writeInt(c);
      }
      out.flush();
      CRC32 crc = new CRC32();
      crc.update(bytes.toByteArray());
      out.writeLong(crc.getValue());
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("in-memory write failed", e);
    }
  }

  public static Stamped decode(byte[] data) throws CorruptSliceException {
    byte[] magic = Arrays.copyOf(data, MAGIC.length);
    boolean stamped = Arrays.equals(magic, MAGIC);
    if (data.length < MAGIC.length + 8 || !(stamped || Arrays.equals(magic, MAGIC_1))) {
      throw new CorruptSliceException("not a slice checkpoint (bad magic or too short)");
    }
    int identityBytes = stamped ? IDENTITY_BYTES : 0;
    CRC32 crc = new CRC32();
    crc.update(data, 0, data.length - 8);
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      in.skipNBytes(MAGIC.length);
      byte[] identity = stamped ? in.readNBytes(IDENTITY_BYTES) : null;
      long from = in.readLong();
      long to = in.readLong();
      int points = in.readInt();
      int classes = in.readInt();
      long[] s = new long[6];
      for (int i = 0; i < s.length; i++) {
        s[i] = in.readLong();
      }
      long expectedLength = MAGIC.length + identityBytes + 16 + 8 + 48 + 4L * points * classes + 8;
      if (points < 0 || classes < 2 || data.length != expectedLength) {
        throw new CorruptSliceException("length " + data.length + " does not match its header");
      }
      int[] counts = new int[points * classes];
      for (int i = 0; i < counts.length; i++) {
        counts[i] = in.readInt();
      }
      if (in.readLong() != crc.getValue()) {
        throw new CorruptSliceException("checksum mismatch");
      }
      TrainingStats stats = new TrainingStats(new TrainingStats.Accuracy(s[0], s[1]),
          new TrainingStats.Effort(s[2], s[3]), new TrainingStats.Nanos(s[4], s[5]));
      return new Stamped(identity, new SliceVotes(from, to, VoteCounts.of(points, classes, to - from, counts),
          stats));
    } catch (IllegalArgumentException e) {
      throw new CorruptSliceException("inconsistent contents: " + e.getMessage());
    } catch (CorruptSliceException e) {
      throw e;
    } catch (IOException e) {
      throw new CorruptSliceException("truncated: " + e.getMessage());
    }
  }
}
