package org.smoothcert.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smoothcert.UserError;

class StudyVariantsTest {
  @TempDir
  Path dir;

  @Test
  void readsNamesAndOverrides() throws Exception {
    List<Study.Variant> variants = read("variants = [{name = a, set = [\"learner.hidden = 0\", \"learner.l2 = 1\"]}"
        + ", {name = \"b-1.5\"}]");
    assertEquals(List.of(new Study.Variant("a", List.of("learner.hidden = 0", "learner.l2 = 1")),
        new Study.Variant("b-1.5", List.of())), variants);
  }

  @Test
  void shippedLearnerStudyHasEveryVariantItWrites() throws Exception {
    Path shipped = Path.of(System.getProperty("smoothcert.basedir", "."), "conf", "learner-study.conf");
    long written = Files.readAllLines(shipped).stream().filter(l -> l.trim().startsWith("{name =")).count();
    assertEquals(written, Study.readVariants(shipped.toString(), new Configuration()).size());
  }

  @Test
  void withoutAFileTheVariantIsNamedAfterTheConfig() {
    assertEquals("paper-mnist-1-7", Study.nameOf("conf/paper-mnist-1-7.conf"));
    assertEquals("x_y", Study.nameOf("hdfs://nn/exp/x y.conf"));
    assertEquals("default", Study.nameOf(null));
  }

  @Test
  void badFilesAreOneLineErrorsNamingTheProblem() {
    assertMessage("variants = [{name = \"a/b\"}]", "variant name 'a/b'");
    assertMessage("variants = [{name = a}, {name = a}]", "variant 'a' is named twice");
    assertMessage("variants = []", "no variants");
    assertMessage("variant = [{name = a}]", "expected variants = [");
    assertMessage("variants = [{set = [\"x = 1\"]}]", "expected variants = [");
  }

  private void assertMessage(String text, String expected) {
    UserError e = assertThrows(UserError.class, () -> read(text));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertTrue(!e.getMessage().contains("\n"), e.getMessage());
  }

  private List<Study.Variant> read(String text) throws Exception {
    Path file = dir.resolve("study.conf");
    Files.writeString(file, text);
    return Study.readVariants(file.toString(), new Configuration());
  }
}
