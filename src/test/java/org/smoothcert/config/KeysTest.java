package org.smoothcert.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smoothcert.UserError;

class KeysTest {
  private static Config of(String text) {
    return ConfigFactory.parseString(text);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "seed = 1.5 | seed must be a whole number, got 1.5",
      "seed = 1e20 | seed must be a whole number from -2^53 to 2^53 when written with an exponent or a decimal point",
      "seed = x | seed must be a whole number, got \"x\"",
  })
  void aNumberThatIsNoUsableWholeNumberIsNamedForWhatItIs(String text, String expected) {
    UserError e = assertThrows(UserError.class, () -> Keys.getLong(of(text), "seed"));
    assertEquals(true, e.getMessage().startsWith(expected), e.getMessage());
  }

  @Test
  void wholeNumbersWithAnExponentOrDigitsAloneAreRead() {
    assertEquals(20_000L, Keys.getLong(of("seed = 2e4"), "seed"));
    assertEquals(1L << 53, Keys.getLong(of("seed = 9.007199254740992e15"), "seed"));
    assertEquals(Long.MAX_VALUE, Keys.getLong(of("seed = 9223372036854775807"), "seed"));
  }
}
