package org.smoothcert.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smoothcert.UserError;

class DataSpecTest {
  @Test
  void thePapersSetting() {
    DataSpec spec = DataSpec.paper("mnist", 7);
    assertEquals(List.of(1, 7), spec.digits());
    assertEquals(100, spec.trainSize());
    assertEquals(1000, spec.testSize());
    assertEquals(2, spec.levels());
    assertEquals(10, spec.sourceClasses());
    assertEquals(7, spec.seed());
    assertEquals(0, spec.selection().classOf(1));
    assertEquals(1, spec.selection().classOf(7));
    assertEquals(DigitSelection.NOT_CHOSEN, spec.selection().classOf(3));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "dir blank      | ' ' | 1,7   | 100 | 1000 | 2   | 10  | data.dir: name the folder",
      "one digit      | d   | 7     | 100 | 1000 | 2   | 10  | data.digits: choose at least two digits",
      "digit twice    | d   | 1,7,1 | 100 | 1000 | 2   | 10  | data.digits: a digit is chosen twice",
      "digit 10       | d   | 1,10  | 100 | 1000 | 2   | 10  | data.digits: digit 10 is not a class",
      "digit of 5     | d   | 1,7   | 100 | 1000 | 2   | 5   | data.digits: digit 7 is not a class",
      "negative digit | d   | -1,7  | 100 | 1000 | 2   | 10  | data.digits: digit -1",
      "train 0        | d   | 1,7   | 0   | 1000 | 2   | 10  | data.train-size must be at least 1, got 0",
      "test -1        | d   | 1,7   | 100 | -1   | 2   | 10  | data.test-size must be at least 1, got -1",
      "levels 1       | d   | 1,7   | 100 | 1000 | 1   | 10  | data.levels must be in [2, 256]",
      "levels 257     | d   | 1,7   | 100 | 1000 | 257 | 10  | data.levels must be in [2, 256]",
      "classes 1      | d   | 0,1   | 100 | 1000 | 2   | 1   | data.source-classes must be in [2, 256], got 1",
      "classes 300    | d   | 0,1   | 100 | 1000 | 2   | 300 | data.source-classes must be in [2, 256]",
  })
  void badValuesNameTheirKey(String name, String dir, String digits, int train, int test, int levels,
      int classes, String message) {
    List<Integer> digitList = Arrays.stream(digits.split(",")).map(Integer::valueOf).toList();
    UserError e = assertThrows(UserError.class,
        () -> new DataSpec(dir, digitList, train, test, levels, 1, classes));
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
  }

  @Test
  void digitsAreParsedFromCommaSeparatedText() {
    assertEquals(List.of(3, 8, 0), DigitSelection.parse(" 3, 8,0", 10, "--digits").digits());
    assertEquals("3,8,0", DigitSelection.parse("3,8,0", 10, "--digits").toString());
    for (String bad : List.of("", "1,,7", "1;7", "one")) {
      UserError e = assertThrows(UserError.class, () -> DigitSelection.parse(bad, 10, "--digits"));
      assertTrue(e.getMessage().startsWith("--digits: expected digits separated by commas"), e.getMessage());
    }
  }
}
