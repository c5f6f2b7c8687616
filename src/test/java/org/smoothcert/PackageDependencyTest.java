package org.smoothcert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The house, checked on the compiled classes: which room may use which (the whole table, so a new
 * arrow is a deliberate change of this file, seen in review), and no cycle between rooms. Rooms are the
 * packages under org.smoothcert; every room may use the root package (UserError). Spark and Breeze are
 * checked apart, on the sources, by {@link ArchitectureTest}.
 */
class PackageDependencyTest {
  private static final String ROOT = "org.smoothcert";

  /** Room -> the rooms it may use. Read bottom-up: the core first, the tools on top, the CLI last. */
  private static final Map<String, Set<String>> ALLOWED = new TreeMap<>(Map.ofEntries(
      Map.entry("random", Set.of()),
      Map.entry("votes", Set.of()),
      Map.entry("certify", Set.of("votes")),
      Map.entry("io", Set.of()),
      Map.entry("data", Set.of("random")),
      Map.entry("data.idx", Set.of("data", "io", "random")),
      Map.entry("data.tools", Set.of("data", "data.idx", "io")),
      Map.entry("data.table", Set.of("data", "random")),
      Map.entry("data.table.sources", Set.of("data", "data.table", "io")),
      Map.entry("data.source", Set.of("data", "data.idx", "data.table", "data.table.sources")),
      Map.entry("model", Set.of("data")),
      Map.entry("model.mllib", Set.of("model", "data")),
      Map.entry("model.fast", Set.of("model", "model.mllib", "data")),
      Map.entry("model.learner", Set.of("model", "model.mllib", "model.fast", "data")),
      Map.entry("smoothing", Set.of("random", "data", "model", "votes", "certify")),
      Map.entry("config", Set.of("data", "data.table", "model", "certify", "smoothing")),
      Map.entry("report", Set.of("certify", "config", "data", "data.table", "model", "votes", "smoothing")),
      Map.entry("run", Set.of("config", "io", "votes")),
      Map.entry("spark", Set.of("config", "data", "model", "run", "smoothing", "votes")),
      Map.entry("spark.tables", Set.of("data", "data.table", "data.table.sources")),
      Map.entry("experiments", Set.of("spark", "run", "report", "certify", "config", "data", "data.idx",
          "data.table", "data.source", "model", "model.learner", "smoothing", "votes")),
      Map.entry("attack", Set.of("experiments", "spark", "run", "report", "certify", "config", "data", "data.table",
          "model", "model.learner", "smoothing", "votes")),
      Map.entry("bench", Set.of("config", "data", "model", "model.mllib", "model.fast", "model.learner",
          "smoothing", "random")),
      Map.entry("app", Set.of("experiments", "attack", "bench", "spark", "run", "report", "certify",
          "config", "data", "data.idx", "data.source", "data.table", "data.tools", "io", "model", "model.mllib", "model.fast",
          "model.learner", "smoothing", "votes", "random"))));

  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
      .importPackages(ROOT);

  /** The room of a class: its package below org.smoothcert ("" for the root itself). */
  static String room(JavaClass c) {
    String p = c.getPackageName();
    return p.equals(ROOT) ? "" : p.substring(ROOT.length() + 1);
  }

  @Test
  void everyRoomUsesOnlyTheRoomsTheTableAllowsIt() {
    Set<String> violations = new TreeSet<>();
    Set<String> rooms = new TreeSet<>();
    for (JavaClass c : CLASSES) {
      String from = room(c);
      rooms.add(from);
      if (from.isEmpty()) {
        continue;
      }
      for (Dependency d : c.getDirectDependenciesFromSelf()) {
        JavaClass target = d.getTargetClass();
        if (!target.getPackageName().startsWith(ROOT)) {
          continue;
        }
        String to = room(target);
        if (!to.equals(from) && !to.isEmpty() && !ALLOWED.getOrDefault(from, Set.of()).contains(to)) {
          violations.add(from + " -> " + to + " (" + c.getSimpleName() + " uses " + target.getSimpleName() + ")");
        }
      }
    }
    rooms.remove("");
    assertEquals(ALLOWED.keySet(), rooms, "every room is in the table, and the table names no room that is gone");
    assertEquals(List.of(), List.copyOf(violations));
  }

  @Test
  void noCycleBetweenRooms() {
    SlicesRuleDefinition.slices().matching("org.smoothcert.(**)").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void theTableItselfHasNoCycle() {
    for (String room : ALLOWED.keySet()) {
      Set<String> seen = new TreeSet<>();
      List<String> todo = new java.util.ArrayList<>(ALLOWED.get(room));
      while (!todo.isEmpty()) {
        String next = todo.remove(todo.size() - 1);
        assertTrue(!next.equals(room), room + " reaches itself through the table");
        if (seen.add(next)) {
          todo.addAll(ALLOWED.getOrDefault(next, Set.of()));
        }
      }
    }
  }
}
