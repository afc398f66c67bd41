package org.clientele.core.io;

import java.io.Closeable;
import org.jspecify.annotations.Nullable;

/** Produces the raw rows of one file, one at a time. */
interface RowSource extends Closeable {

  /**
   * Returns the next row, or null at the end of the file.
   *
   * @throws InputException if the file cannot be read further
   */
  @Nullable RawRow next();

  /** The header's column names, or an empty list for JSON Lines and files without a header. */
  java.util.List<String> header();

  @Override
  void close();
}
