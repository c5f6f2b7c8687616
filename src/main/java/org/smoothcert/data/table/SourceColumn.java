package org.smoothcert.data.table;

/**
 * A column of a file as a reader found it.
 *
 * @param type how its cells arrive: numbers, strings, text still to be read as numbers (CSV), or a type
 *     no feature or label can have
 * @param typeName the reader's name for the type, for errors (e.g. "array&lt;double&gt;")
 */
public record SourceColumn(String name, Type type, String typeName) {
  /** How a column's cells arrive. */
  public enum Type {
    /** Numbers (a Parquet numeric or boolean column, LibSVM's label and features). */
    NUMBER,
    /** Strings: a label or a categorical column, never a number. */
    STRING,
    /** Text that is read as a number or a category as the column's role says (CSV). */
    TEXT,
    /** Neither (arrays, structs, dates, ...): no feature or label can be one. */
    OTHER
  }
}
