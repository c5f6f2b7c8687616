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

  /** The digits against the source's classes; each key's own range is ConfigKeysTest's. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "one digit      | 7     | 10 | data.digits: choose at least two digits",
      "digit twice    | 1,7,1 | 10 | data.digits: a digit is chosen twice",
      "digit 10       | 1,10  | 10 | data.digits: digit 10 is not a class",
      "digit of 5     | 1,7   | 5  | data.digits: digit 7 is not a class",
      "negative digit | -1,7  | 10 | data.digits: digit -1",
  })
  void badDigitsNameTheirKey(String name, String digits, int classes, String message) {
    List<Integer> digitList = Arrays.stream(digits.split(",")).map(Integer::valueOf).toList();
    UserError e = assertThrows(UserError.class, () -> new DataSpec.Source("d", digitList, classes));
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
  }

  @Test
  void theCertifiedPointsAreTheTestOrTheValidationExamples() {
    DataSpec spec = DataSpec.paper("d", 1);
    assertEquals(1000, spec.withSizes(new DataSpec.Sizes(100, 1000, 200, CertifiedPoints.TEST)).certifiedSize());
    assertEquals(200, spec.withSizes(new DataSpec.Sizes(100, 1000, 200, CertifiedPoints.VALIDATION)).certifiedSize());
    assertEquals(CertifiedPoints.TEST, DataSpec.paper("mnist", 7).certified());
    UserError e = assertThrows(UserError.class,
        () -> new DataSpec.Sizes(100, 1000, 0, CertifiedPoints.VALIDATION));
    assertEquals("data.certify-on = validation needs data.validation-size above 0: the validation examples are the"
        + " points certified", e.getMessage());
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
