package org.smoothcert.data.table.sources;

import java.util.List;
import java.util.function.IntPredicate;
import org.smoothcert.UserError;
import org.smoothcert.data.table.SourceColumn;
import org.smoothcert.data.table.TableSink;

/** A sink that takes the columns {@code wants} says and keeps only how many cells and rows came. */
public final class CountingSink implements TableSink {
  private final IntPredicate wants;
  public long cells;
  public long rows;

  public CountingSink(IntPredicate wants) {
    this.wants = wants;
  }

  @Override
  public void beginFile(String file, List<SourceColumn> columns) {}

  @Override
  public boolean wants(int column) {
    return wants.test(column);
  }

  @Override
  public void number(int column, double value) {
    cells++;
  }

  @Override
  public void text(int column, String value) {
    cells++;
  }

  @Override
  public void missing(int column) {
    cells++;
  }

  @Override
  public void endRow() {
    rows++;
  }

  @Override
  public RuntimeException rowError(String fault) {
    return new UserError(fault);
  }
}
