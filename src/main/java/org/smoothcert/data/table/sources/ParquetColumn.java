package org.smoothcert.data.table.sources;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ValuesType;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridDecoder;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

/**
 * One flat column of a row group, read page by page straight from its decoders (as parquet-column's
 * ColumnReader does, without reading the repetition levels a top-level column does not have, nor the
 * definition levels of a column that cannot be null): a batch of values at a time, a null as a mark.
 */
final class ParquetColumn {
  private final ColumnDescriptor descriptor;
  private final PageReader pages;
  private final Dictionary dictionary;
  private final int maxDefinition;
  private final PrimitiveType type;
  private final int scale;
  private final boolean unsigned;
  private ValuesReader values;
  /** With a dictionary: its entries as cells, and the current page's ids (null on a page of plain values). */
  private final double[] dictionaryNumbers;
  private final String[] dictionaryStrings;
  private DictionaryIds ids;
  private int[] runIds = new int[0];
  private RunLengthBitPackingHybridDecoder definitionsV2;
  private ValuesReader definitionsV1;
  private int left;

  ParquetColumn(ColumnDescriptor descriptor, PageReader pages) throws IOException {
    this.descriptor = descriptor;
    this.pages = pages;
    DictionaryPage page = pages.readDictionaryPage();
    this.dictionary = page == null ? null : page.getEncoding().initDictionary(descriptor, page);
    this.maxDefinition = descriptor.getMaxDefinitionLevel();
    this.type = descriptor.getPrimitiveType();
    LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
    this.scale = logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d ? d.getScale() : -1;
    this.unsigned = logical instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i && !i.isSigned();
    int entries = dictionary == null ? 0 : dictionary.getMaxId() + 1;
    dictionaryNumbers = new double[entries];
    dictionaryStrings = new String[entries];
    for (int id = 0; id < entries; id++) {
      if (type.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.BINARY) {
        dictionaryStrings[id] = dictionary.decodeToBinary(id).toStringUsingUTF8();
      }
      if (type.getPrimitiveTypeName() != PrimitiveType.PrimitiveTypeName.INT96 && (scale >= 0
          || type.getPrimitiveTypeName() != PrimitiveType.PrimitiveTypeName.BINARY
          && type.getPrimitiveTypeName() != PrimitiveType.PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY)) {
        dictionaryNumbers[id] = number(new DictionaryEntry(dictionary, id));
      }
    }
  }

  /** The next {@code count} values as numbers (or, {@code strings} not null, as text); nulls marked. */
  void fill(double[] numbers, String[] strings, boolean[] nulls, int count) throws IOException {
    if (maxDefinition == 0 && strings == null) {
      // A column that cannot be null, of numbers: whole runs of a page at a time.
      for (int i = 0; i < count; ) {
        if (left == 0) {
          nextPage();
        }
        int run = Math.min(left, count - i);
        left -= run;
        if (ids != null) {
          if (runIds.length < run) {
            runIds = new int[Math.max(run, 64)];
          }
          ids.next(runIds, run);
          for (int k = 0; k < run; k++) {
            numbers[i + k] = dictionaryNumbers[runIds[k]];
          }
        } else {
          for (int k = 0; k < run; k++) {
            numbers[i + k] = number(values);
          }
        }
        java.util.Arrays.fill(nulls, i, i + run, false);
        i += run;
      }
      return;
    }
    for (int i = 0; i < count; i++) {
      if (left == 0) {
        nextPage();
      }
      left--;
      nulls[i] = maxDefinition > 0 && definition() < maxDefinition;
      if (nulls[i]) {
        continue;
      }
      if (ids != null) {
        int id = ids.next();
        if (strings != null) {
          strings[i] = dictionaryStrings[id];
        } else {
          numbers[i] = dictionaryNumbers[id];
        }
      } else if (strings != null) {
        strings[i] = values.readBytes().toStringUsingUTF8();
      } else {
        numbers[i] = number(values);
      }
    }
  }

  private int definition() throws IOException {
    return definitionsV2 != null ? definitionsV2.readInt() : definitionsV1.readInteger();
  }

  /** The current value as Spark's value of it, a Java number (a boolean as 1 or 0), widened to a double. */
  private double number(ValuesReader values) {
    return switch (type.getPrimitiveTypeName()) {
      case BOOLEAN -> values.readBoolean() ? 1 : 0;
      case INT32 -> scale >= 0 ? BigDecimal.valueOf(values.readInteger(), scale).doubleValue()
          : unsigned ? Integer.toUnsignedLong(values.readInteger()) : values.readInteger();
      case INT64 -> scale >= 0 ? BigDecimal.valueOf(values.readLong(), scale).doubleValue()
          : unsigned ? new BigDecimal(Long.toUnsignedString(values.readLong())).doubleValue()
          : (double) values.readLong();
      case FLOAT -> values.readFloat();
      case DOUBLE -> values.readDouble();
      case BINARY, FIXED_LEN_BYTE_ARRAY -> new BigDecimal(new BigInteger(values.readBytes().getBytes()), scale)
          .doubleValue();
      case INT96 -> throw new IllegalStateException("INT96 is not a number");
    };
  }

  private void nextPage() throws IOException {
    DataPage page = pages.readPage();
    if (page == null) {
      throw new IOException("column " + descriptor + ": fewer values than the row group's rows");
    }
    left = page.getValueCount();
    definitionsV1 = null;
    definitionsV2 = null;
    if (page instanceof DataPageV1 v1) {
      ByteBufferInputStream in = v1.getBytes().toInputStream();
      ValuesReader repetitions = v1.getRlEncoding().getValuesReader(descriptor, ValuesType.REPETITION_LEVEL);
      definitionsV1 = v1.getDlEncoding().getValuesReader(descriptor, ValuesType.DEFINITION_LEVEL);
      repetitions.initFromPage(left, in);
      definitionsV1.initFromPage(left, in);
      start(v1.getValueEncoding(), in);
    } else {
      DataPageV2 v2 = (DataPageV2) page;
      if (maxDefinition > 0) {
        definitionsV2 = new RunLengthBitPackingHybridDecoder(
            org.apache.parquet.bytes.BytesUtils.getWidthFromMaxInt(maxDefinition),
            v2.getDefinitionLevels().toInputStream());
      }
      start(v2.getDataEncoding(), v2.getData().toInputStream());
    }
  }

  private void start(Encoding encoding, ByteBufferInputStream in) throws IOException {
    values = null;
    ids = null;
    if (encoding.usesDictionary()) {
      if (dictionary == null) {
        throw new IOException("column " + descriptor + ": a dictionary-encoded page without a dictionary");
      }
      ids = new DictionaryIds(in.slice(in.available()));
    } else {
      values = encoding.getValuesReader(descriptor, ValuesType.VALUES);
      values.initFromPage(left, in);
    }
  }

  /** One entry of a dictionary, read as a page's plain values are. */
  private static final class DictionaryEntry extends ValuesReader {
    private final Dictionary dictionary;
    private final int id;

    DictionaryEntry(Dictionary dictionary, int id) {
      this.dictionary = dictionary;
      this.id = id;
    }

    @Override
    public void skip() {}

    @Override
    public boolean readBoolean() {
      return dictionary.decodeToBoolean(id);
    }

    @Override
    public int readInteger() {
      return dictionary.decodeToInt(id);
    }

    @Override
    public long readLong() {
      return dictionary.decodeToLong(id);
    }

    @Override
    public float readFloat() {
      return dictionary.decodeToFloat(id);
    }

    @Override
    public double readDouble() {
      return dictionary.decodeToDouble(id);
    }

    @Override
    public org.apache.parquet.io.api.Binary readBytes() {
      return dictionary.decodeToBinary(id);
    }
  }
}
