package org.smoothcert.data.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smoothcert.UserError;
import org.smoothcert.data.DataFormat;
import org.smoothcert.data.table.sources.FileTables;

/**
 * A Parquet file with nested and repeated columns: each refused, in one line, as a label or feature;
 * the flat columns beside them read, each from its own column.
 */
class NestedParquetColumnsTest {
  static final MessageType SCHEMA = MessageTypeParser.parseMessageType("message m {\n"
      + "  optional group g { optional int32 x; optional double y; }\n"
      + "  repeated int32 r;\n"
      + "  optional group l (LIST) { repeated group list { optional double element; } }\n"
      + "  required int32 label;\n"
      + "  optional group m (MAP) { repeated group key_value { required binary key (STRING); optional int32 value; } }\n"
      + "  required double after;\n"
      + "}");

  @TempDir
  Path tmp;

  @Test
  void nestedColumnsAreRefusedAndFlatOnesReadBesideThem() throws Exception {
    Path file = tmp.resolve("nested.parquet");
    SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
    Configuration hadoop = new Configuration();
    try (ParquetWriter<Group> out = ExampleParquetWriter.builder(new org.apache.hadoop.fs.Path(file.toUri()))
        .withType(SCHEMA).withConf(hadoop).build()) {
      for (int i = 0; i < 500; i++) {
        Group g = groups.newGroup();
        if (i % 3 != 0) {
          g.addGroup("g").append("x", i).append("y", i * 0.5);
        }
        for (int k = 0; k < i % 4; k++) {
          g.add("r", k);
        }
        Group list = g.addGroup("l");
        for (int k = 0; k < i % 3; k++) {
          list.addGroup("list").append("element", k * 1.5);
        }
        g.add("label", i % 2);
        g.addGroup("m").addGroup("key_value").append("key", "k" + i).append("value", i);
        g.add("after", i * 11.0);
        out.write(g);
      }
    }
    ClassList classes = new ClassList(List.of("0", "1"), TableSpec.KEY_CLASSES);
    for (String column : List.of("g", "r", "l", "m")) {
      TableBuilder builder = new TableBuilder(file.toString(), "label", List.of(column), false, null, List.of(),
          classes);
      String message = assertThrows(UserError.class, () -> new FileTables(hadoop).read(DataFormat.PARQUET,
          file.toString(), 0, builder)).getMessage();
      assertFalse(message.contains("\n"), message);
      assertEquals(true, message.contains("column '" + column + "' has type "), message);
    }
    TableBuilder all = new TableBuilder(file.toString(), "label", List.of(), true, null, List.of(), classes);
    assertThrows(UserError.class, () -> new FileTables(hadoop).read(DataFormat.PARQUET, file.toString(), 0, all));
    TableBuilder flat = new TableBuilder(file.toString(), "label", List.of("after"), false, null, List.of(), classes);
    new FileTables(hadoop).read(DataFormat.PARQUET, file.toString(), 0, flat);
    Table table = flat.build(0);
    assertEquals(500, table.rows());
    for (int i = 0; i < 500; i++) {
      assertEquals(i * 11.0, table.value(i, 0));
      assertEquals(i % 2, table.classes()[i]);
    }
  }
}
