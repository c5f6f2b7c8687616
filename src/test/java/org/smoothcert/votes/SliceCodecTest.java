package org.smoothcert.votes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

public class SliceCodecTest {
  public static SliceVotes slice(long from, long to) {
    VoteCounts v = new VoteCounts(4, 2);
    for (long j = from; j < to; j++) {
      v.addClassifier(new int[] {0, (int) (j % 2), 1, 0});
    }
    return new SliceVotes(from, to, v, new TrainingStats(new TrainingStats.Accuracy(7, 8),
        new TrainingStats.Effort(9, 10), new TrainingStats.Nanos(11, 12)));
  }

  static final byte[] IDENTITY = identity(1);

  static byte[] identity(int seed) {
    byte[] id = new byte[SliceCodec.IDENTITY_BYTES];
    Arrays.fill(id, (byte) seed);
    id[0] = 42;
    return id;
  }

  @Test
  void roundTripsWithTheIdentityItWasMadeUnder() throws Exception {
    SliceVotes s = slice(100, 150);
    SliceCodec.Stamped back = SliceCodec.decode(SliceCodec.encode(s, IDENTITY));
    assertEquals(s, back.slice());
    assertTrue(back.madeUnder(identity(1)));
    assertFalse(back.madeUnder(identity(2)));
  }

  @Test
  void refusesToWriteASliceWithoutAWholeIdentity() {
    assertThrows(IllegalArgumentException.class, () -> SliceCodec.encode(slice(0, 2), null));
    assertThrows(IllegalArgumentException.class, () -> SliceCodec.encode(slice(0, 2), new byte[31]));
  }

  /** Format 1 (before slices carried their identity) still decodes, with no identity to match. */
  @Test
  void readsFormatOneWithoutAnIdentity() throws Exception {
    byte[] two = SliceCodec.encode(slice(0, 10), IDENTITY);
    byte[] one = new byte[two.length - SliceCodec.IDENTITY_BYTES];
    System.arraycopy("SCVOTES1".getBytes(StandardCharsets.US_ASCII), 0, one, 0, 8);
    System.arraycopy(two, 8 + SliceCodec.IDENTITY_BYTES, one, 8, one.length - 16);
    CRC32 crc = new CRC32();
    crc.update(one, 0, one.length - 8);
    ByteBuffer.wrap(one).putLong(one.length - 8, crc.getValue());
    SliceCodec.Stamped back = SliceCodec.decode(one);
    assertEquals(slice(0, 10), back.slice());
    assertEquals(null, back.identity());
    assertFalse(back.madeUnder(IDENTITY));
  }

  @Test
  void detectsTruncationAndEdits() {
    byte[] bytes = SliceCodec.encode(slice(0, 10), IDENTITY);
    assertThrows(SliceCodec.CorruptSliceException.class, () -> SliceCodec.decode(Arrays.copyOf(bytes, bytes.length - 3)));
    assertThrows(SliceCodec.CorruptSliceException.class, () -> SliceCodec.decode(new byte[0]));
    for (int i = 8; i < bytes.length; i += 7) {
      byte[] edited = bytes.clone();
      edited[i] ^= 0x10;
      int at = i;
      SliceCodec.CorruptSliceException e = assertThrows(SliceCodec.CorruptSliceException.class,
          () -> SliceCodec.decode(edited), "edit at byte " + at);
      assertTrue(e.getMessage().length() > 5);
    }
  }
}
