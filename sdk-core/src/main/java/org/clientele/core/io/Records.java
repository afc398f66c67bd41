package org.clientele.core.io;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One pass over an input's records with its counts: a file's reader, or the host's own objects.
 * Whatever reads input (the feature derivation, the batch job) takes this, so a file and an
 * iterator are counted the same way (read = accepted + rejected).
 *
 * @param <T> the record type
 * @since 0.1.0
 */
public interface Records<T> extends Iterator<T>, AutoCloseable {

  /**
   * Returns the counts so far; after the last record, the counts of the whole input.
   *
   * @return read, accepted and rejected rows
   */
  ReadCounts counts();

  /**
   * Returns where the record last returned by {@link #next()} came from, for a rejection that a
   * later step makes (an implausible date found only once the whole file was seen).
   *
   * @return the 1-based line of a file, the 1-based position of a host's object, or 0 if unknown
   */
  default long line() {
    return 0;
  }

  /**
   * Returns the input's own name for a field of the record last returned by {@link #next()}, for a
   * rejection that a later step makes: the rejection names the column as the file has it.
   *
   * @param field the field's name in the record, for example {@code date}
   * @return the file's column name; by default the field's name
   * @since 0.1.0
   */
  default String column(String field) {
    return field;
  }

  /**
   * Returns the text of a field of the record last returned by {@link #next()} as the input wrote
   * it (for example {@code 03/01/2098}), for a rejection that a later step makes.
   *
   * @param field the field's name in the record, for example {@code date}
   * @return the text, or null when the input does not keep it (a host's objects)
   * @since 0.1.0
   */
  default @Nullable String rawText(String field) {
    return null;
  }

  /** Releases the input; never throws. */
  /**
   * Returns whether a row carrying this customer id was rejected for its values (a number that does
   * not parse, contradictory dates), so that a join does not classify the customer from the rest of
   * its data as if the row had never existed. Readers that do not read customers answer false.
   *
   * @param id a customer id
   * @return true if a row with this id was rejected (not counting rejected duplicates of an accepted row)
   * @since 0.1.0
   */
  default boolean wasRejected(String id) {
    return false;
  }

  /**
   * Returns the line of the first row carrying this customer id that was rejected for its values
   * (as {@link #wasRejected}), so that a lookup can say why the customer is missing.
   *
   * @param id a customer id
   * @return the 1-based line; empty if no such row was rejected or the reader does not read customers
   * @since 0.1.0
   */
  default java.util.OptionalLong rejectedLine(String id) {
    return java.util.OptionalLong.empty();
  }

  @Override
  void close();

  /**
   * Wraps the host's objects: every object is a row read and accepted (the host validated them
   * when it built them).
   *
   * @param <T> the record type
   * @param records the objects
   * @param source a name for counts and messages, for example {@code "orders (host)"}
   * @return a pass over them
   */
  static <T> Records<T> of(Iterator<? extends T> records, String source) {
    Objects.requireNonNull(records, "records");
    Objects.requireNonNull(source, "source");
    return new Records<>() {
      private long read;

      @Override
      public boolean hasNext() {
        return records.hasNext();
      }

      @Override
      public T next() {
        if (!records.hasNext()) {
          throw new NoSuchElementException();
        }
        T t = Objects.requireNonNull(records.next(), () -> source + ": record " + (read + 1) + " is null");
        read++;
        return t;
      }

      @Override
      public ReadCounts counts() {
        return new ReadCounts(source, read, read, 0, java.util.Map.of(), java.util.List.of());
      }

      @Override
      public long line() {
        return read;
      }

      @Override
      public void close() {}
    };
  }
}
