package org.smoothcert.votes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

public class SliceCodecTest {
  public static SliceVotes slice(long from, long to) {
    VoteCounts v = new VoteCounts(4, 2);
    for (long j = from; j < to; j++) {
      v.addClassifier(new int[] {0, (int) (j % 2), 1, 0});
    }
    return new SliceVotes(from, to, v, new TrainingStats(7, 8, 9, 10, 11, 12));
  }

  @Test
  void roundTrips() throws Exception {
    SliceVotes s = slice(100, 150);
    SliceVotes back = SliceCodec.decode(SliceCodec.encode(s));
    assertEquals(s, back);
  }

  @Test
  void detectsTruncationAndEdits() {
    byte[] bytes = SliceCodec.encode(slice(0, 10));
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
