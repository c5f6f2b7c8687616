package org.smoothcert.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Cells#decimal} gives Double.parseDouble's double, bit for bit, for every plain decimal. */
class CellsTest {
  @Test
  void decimalsAsParseDoubleReadsThem() {
    Random random = new Random(11);
    for (int n = 0; n < 300_000; n++) {
      StringBuilder s = new StringBuilder();
      if (random.nextInt(4) == 0) {
        s.append(random.nextBoolean() ? '-' : '+');
      }
      int whole = random.nextInt(4) == 0 ? 0 : random.nextInt(random.nextBoolean() ? 4 : 25) + 1;
      for (int i = 0; i < whole; i++) {
        s.append(random.nextInt(5) == 0 ? '0' : (char) ('0' + random.nextInt(10)));
      }
      int fraction = whole == 0 ? random.nextInt(20) + 1 : random.nextInt(3) == 0 ? -1 : random.nextInt(22);
      if (fraction >= 0) {
        s.append('.');
        for (int i = 0; i < fraction; i++) {
          s.append(random.nextInt(4) == 0 ? '0' : (char) ('0' + random.nextInt(10)));
        }
      }
      if (random.nextBoolean()) {
        s.append(random.nextBoolean() ? 'e' : 'E');
        int r = random.nextInt(3);
        s.append(r == 0 ? "" : r == 1 ? "-" : "+");
        int e = random.nextInt(4) == 0 ? random.nextInt(400) : random.nextInt(30);
        s.append(random.nextInt(8) == 0 ? "0" : "").append(e);
      }
      String text = s.toString();
      double expected = Double.parseDouble(text);
      assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(Cells.decimal(text, 0,
          text.length())), text);
      assertEquals(expected, Cells.number(" " + text + "\t"), text);
    }
  }

  @Test
  void edgeSpellings() {
    for (String text : new String[] {"1e3", "+5", "-0", "0.0", "-0.0", "1.", ".5", "1e400", "-1e400", "1e-400",
        "4.9e-324", "2.2250738585072011e-308", "9007199254740993", "179769313486231580793728971405303415079934132"
        + "71008235298232918059218727453624589285958489178213908931416946812847101718213460123456789012345678901"
        + "23456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012"
        + "345678901234567890123456789012345678901234567890123456789", "0.1e23", "1e22", "1e23", "123456789012345e22",
        "0000000000000000000000000000001.5", "1.000000000000000000000000001", "0e99999999999"}) {
      double expected = Double.parseDouble(text);
      assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(Cells.decimal(text, 0,
          text.length())), text);
    }
    for (String text : new String[] {"0x10", "1_000", "1d", "1f", "", "+", "-", ".", "e3", "1e", "1e+", "1.2.3",
        "1e3.5", "1,5", "--1", "NaN", "Infinity"}) {
      assertTrue(Double.isNaN(Cells.decimal(text, 0, text.length())), text);
    }
    assertNull(Cells.number("0x10"));
    assertNull(Cells.number("1_000"));
    assertEquals(7.0, Cells.number(" 7 "));
    assertTrue(Double.isNaN(Cells.number("NaN")));
  }
}
