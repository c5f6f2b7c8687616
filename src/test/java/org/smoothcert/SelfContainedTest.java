package org.smoothcert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A user's clone has nothing beside it: no file the build, the tests or the configs read may name the
 * developers' folder next to the repository (the pattern is assembled here so this file does not name it).
 */
class SelfContainedTest {
  private static final Path BASE = Path.of(System.getProperty("smoothcert.basedir", "."));
  private static final List<String> CHECKED = List.of("src", "conf", "submit", "pom.xml", ".ci", "README.md");
  private static final Pattern OUTSIDE = Pattern.compile(Pattern.quote("..") + "[/\\\\]" + "shared"
      + "|" + Pattern.quote("/work/") + "shared");

  @Test
  void noCheckedFileNamesAFolderOutsideTheRepository() throws IOException {
    List<String> hits = new ArrayList<>();
    int files = 0;
    for (String top : CHECKED) {
      Path start = BASE.resolve(top);
      assertTrue(Files.exists(start), start + " is missing");
      try (Stream<Path> paths = Files.walk(start)) {
        for (Path file : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
          files++;
          String text;
          try {
            text = Files.readString(file);
          } catch (MalformedInputException binary) {
            text = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
          }
          String[] lines = text.split("\n", -1);
          for (int i = 0; i < lines.length; i++) {
            if (OUTSIDE.matcher(lines[i]).find()) {
              hits.add(BASE.relativize(file) + ":" + (i + 1) + ": " + lines[i].strip());
            }
          }
        }
      }
    }
    assertTrue(files > 100, "only " + files + " files checked under " + BASE);
    assertEquals(List.of(), hits);
  }

  @Test
  void thePatternCatchesWhatItMustAndNothingElse() {
    assertTrue(OUTSIDE.matcher("dir = \"" + ".." + "/shared/data/mnist\"").find());
    assertTrue(OUTSIDE.matcher("--from /work/" + "shared/data/mnist").find());
    assertTrue(!OUTSIDE.matcher("the sharedWeights array, data/mnist").find());
  }
}
