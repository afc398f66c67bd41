package org.clientele.core.features;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.clientele.core.io.InputException;
import org.jspecify.annotations.Nullable;

/**
 * The rows a derivation keeps while its reference date is still open: for each row that may fall
 * into a 12- or 24-month window, the customer's number, whether it opened an order, its day and
 * its amount (16 bytes). Once the date is settled they are replayed in file order, so every
 * window sum is the same sum of the same amounts in the same order as when the date was known
 * from the start (floating-point sums depend on the order). Kept in memory up to a budget, then
 * appended to a temporary file that is deleted when the rows are released.
 *
 * <p>Not thread-safe.
 */
final class WindowRows implements AutoCloseable {

  /** Receives the kept rows in file order. */
  @FunctionalInterface
  interface Visitor {
    void row(int customer, boolean newOrder, int day, double amount);
  }

  private static final int BYTES_PER_ROW = 16;
  private static final int FIRST_CAPACITY = 1 << 12;

  private final int budgetRows;
  /** The customer's number, or its complement ({@code ~number}) for a row that opened an order. */
  private int[] customers = new int[FIRST_CAPACITY];
  private int[] days = new int[FIRST_CAPACITY];
  private double[] amounts = new double[FIRST_CAPACITY];
  private int size;
  private @Nullable Path spill;
  private @Nullable DataOutputStream out;
  private long spilled;

  /**
   * Keeps rows in memory up to a budget.
   *
   * @param budgetBytes the memory to use before the rows go to a temporary file
   */
  WindowRows(long budgetBytes) {
    this.budgetRows = (int) Math.max(FIRST_CAPACITY, Math.min(Integer.MAX_VALUE - 8, budgetBytes / BYTES_PER_ROW));
  }

  /**
   * The default budget: a sixteenth of the heap, at most 64 MB (four million rows). The rows past
   * it cost a sequential write and read of a temporary file; the heap is better left to the
   * per-customer state, which has nowhere else to go (a million customers in 256 MB).
   */
  static long defaultBudget() {
    return Math.min(64L << 20, Runtime.getRuntime().maxMemory() / 16);
  }

  /**
   * Keeps a row, first dropping the rows before {@code horizon} when the memory is full.
   *
   * @param horizon the first day any window can still reach; rows before it are never read
   */
  void add(int customer, boolean newOrder, int day, double amount, long horizon) {
    if (size == customers.length) {
      makeRoom(horizon);
    }
    customers[size] = newOrder ? ~customer : customer;
    days[size] = day;
    amounts[size] = amount;
    size++;
  }

  private void makeRoom(long horizon) {
    int kept = 0;
    for (int i = 0; i < size; i++) {
      if (days[i] >= horizon) {
        customers[kept] = customers[i];
        days[kept] = days[i];
        amounts[kept] = amounts[i];
        kept++;
      }
    }
    size = kept;
    if (size < customers.length * 3 / 4) {
      return; // enough room freed
    }
    if (customers.length < budgetRows) {
      int grown = (int) Math.min(budgetRows, 2L * customers.length);
      customers = Arrays.copyOf(customers, grown);
      days = Arrays.copyOf(days, grown);
      amounts = Arrays.copyOf(amounts, grown);
      return;
    }
    writeOut();
  }

  /** Appends the rows in memory to the temporary file, in order. */
  private void writeOut() {
    try {
      DataOutputStream o = out;
      if (o == null) {
        Path file = Files.createTempFile("clientele-window-rows", ".bin");
        spill = file;
        file.toFile().deleteOnExit();
        o = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        out = o;
      }
      for (int i = 0; i < size; i++) {
        o.writeInt(customers[i]);
        o.writeInt(days[i]);
        o.writeDouble(amounts[i]);
      }
      spilled += size;
      size = 0;
    } catch (IOException e) {
      throw new InputException(String.valueOf(spill), 0,
          "cannot write the temporary file that holds the log's rows while the reference date is open: " + e
              + "; free space in the temporary directory (java.io.tmpdir), give more heap (-Xmx), or give the"
              + " reference date (input.derive.referenceDate, --reference-date) so that no row is kept", e);
    }
  }

  /** Hands every kept row to the visitor, in the order they were added. */
  void replay(Visitor visitor) {
    Path file = spill;
    DataOutputStream o = out;
    if (file != null && o != null) {
      try {
        o.close();
        out = null;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
          for (long i = 0; i < spilled; i++) {
            int c = in.readInt();
            int day = in.readInt();
            double amount = in.readDouble();
            visitor.row(c < 0 ? ~c : c, c < 0, day, amount);
          }
        }
      } catch (EOFException e) {
        throw new IllegalStateException("the temporary file " + file + " was cut short while it was read", e);
      } catch (IOException e) {
        throw new InputException(file.toString(), 0,
            "cannot read back the temporary file that holds the log's rows: " + e
                + "; give the reference date (input.derive.referenceDate, --reference-date) so that no row is kept", e);
      }
    }
    for (int i = 0; i < size; i++) {
      int c = customers[i];
      visitor.row(c < 0 ? ~c : c, c < 0, days[i], amounts[i]);
    }
  }

  /** Releases the memory and deletes the temporary file. */
  @Override
  public void close() {
    customers = new int[0];
    days = new int[0];
    amounts = new double[0];
    size = 0;
    try {
      DataOutputStream o = out;
      if (o != null) {
        o.close();
        out = null;
      }
      Path file = spill;
      if (file != null) {
        Files.deleteIfExists(file);
        spill = null;
      }
    } catch (IOException e) {
      // a temporary file left behind is deleted on exit
    }
  }
}
