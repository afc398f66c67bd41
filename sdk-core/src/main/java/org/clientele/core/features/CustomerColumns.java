package org.clientele.core.features;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The running totals of a derivation, one column per total, indexed by customer number (the order
 * of the customer's first transaction): primitive columns in pages ({@link Paged}), no object per
 * customer. About 80 bytes per customer plus the purchase days ({@link DaySets}), against about
 * 350 for an object per customer with its own arrays.
 *
 * <p>Not thread-safe.
 */
final class CustomerColumns {

  /** Channels with a column of their own; the counts of any further channel are kept per customer. */
  static final int DENSE_CHANNELS = 8;

  final Paged.Doubles revenueTotal = new Paged.Doubles();
  final Paged.Doubles revenue12 = new Paged.Doubles();
  final Paged.Doubles revenuePrev12 = new Paged.Doubles();
  final Paged.Doubles refunds12 = new Paged.Doubles();
  /** Sum of purchase amounts (all amounts in lifetimes mode). */
  final Paged.Doubles purchases = new Paged.Doubles();
  /** Sum of the amounts on the first purchase day. */
  final Paged.Doubles firstDayAmount = new Paged.Doubles();
  final Paged.Ints orders = new Paged.Ints(0);
  final Paged.Ints orders12 = new Paged.Ints(0);
  final Paged.Ints ordersPrev12 = new Paged.Ints(0);
  final DaySets days = new DaySets();
  /**
   * The last purchase's order id, coded exactly ({@link #orderCode}); {@link #NO_ORDER} if none.
   * Only the pass reads it: null once {@link #finish finished}.
   */
  private Paged.@Nullable Longs lastOrder = new Paged.Longs();
  /** The characters of a last order id too long to code ({@link #TEXT}); null once finished. */
  private Paged.@Nullable Refs<char[]> lastOrderChars = new Paged.Refs<>();
  /** Purchase rows per channel number below {@link #DENSE_CHANNELS}: a column each. */
  private Paged.Ints[] channelRows = new Paged.Ints[0];
  /** Per customer, purchase rows of channels {@link #DENSE_CHANNELS} and up. */
  private final Paged.Refs<int[]> moreChannelRows = new Paged.Refs<>();

  /**
   * Ends the pass: drops what only the pass reads (the last order ids) and reduces the purchase
   * days to their counts in all and in the windows {@code [from[i], to)} ({@link DaySets#finish}).
   * No transaction can be added afterwards.
   *
   * @param customers the number of customers
   * @param from the windows' first days (epoch days)
   * @param to the day after every window
   */
  void finish(int customers, long[] from, long to) {
    days.finish(customers, from, to);
    lastOrder = null;
    lastOrderChars = null;
  }

  private static <T> T live(@Nullable T part) {
    if (part == null) {
      throw new IllegalStateException("the last order ids were dropped when the derivation finished;"
          + " a deriver that takes more transactions is made with FeatureDeriver.asOf or lifetimes");
    }
    return part;
  }

  // --- the last order id, exact: the rows of one order that follow each other are one order

  /** No order id. */
  static final long NO_ORDER = 0;
  private static final long TEXT = 0xC000_0000_0000_0000L;
  private static final long DIGITS = Long.MIN_VALUE;

  /**
   * Codes an order id as a long, one code per text (no two texts share one): up to 9 ASCII
   * characters (no NUL) as seven bits each (positive); 10 to 17 digits as their value and
   * length (bit 63 set, bit 62 clear, the length in bits 57 to 61); 10 to 14 characters of
   * digits and the separators {@code - . / : _} as four bits each, 1 to 15, the first character
   * highest (bit 63 set, bits 57 to 62 clear: no digits code has a length of 0, and no character
   * codes as 0, so the number of characters is the number of nibbles up to the highest non-zero
   * one); anything else as {@code TEXT | length} (bits 63 and 62 set), its characters kept aside.
   * The third kind covers ids such as {@code 0000001-12} or {@code 2024-000123}: a million
   * customers' last order ids keep no characters of their own.
   */
  static long orderCode(CharSequence order) {
    int length = order.length();
    if (length >= 1 && length <= 9) {
      long code = 0;
      for (int i = 0; i < length; i++) {
        char ch = order.charAt(i);
        if (ch == 0 || ch > 0x7F) {
          return TEXT | length;
        }
        code = code << 7 | ch;
      }
      return code;
    }
    if (length >= 10 && length <= 17 && allDigits(order)) {
      long value = 0;
      for (int i = 0; i < length; i++) {
        value = value * 10 + (order.charAt(i) - '0');
      }
      return DIGITS | (long) length << 57 | value;
    }
    if (length >= 10 && length <= 14) {
      long code = 0;
      for (int i = 0; i < length; i++) {
        int symbol = symbol(order.charAt(i));
        if (symbol == 0) {
          return TEXT | length;
        }
        code = code << 4 | symbol;
      }
      return DIGITS | code; // bits 57-62 stay clear: 14 nibbles fill bits 0-55
    }
    return TEXT | length;
  }

  private static boolean allDigits(CharSequence text) {
    for (int i = 0, length = text.length(); i < length; i++) {
      char ch = text.charAt(i);
      if (ch < '0' || ch > '9') {
        return false;
      }
    }
    return true;
  }

  /** A character of the four-bit order-id code, 1 to 15; 0 for any other character. */
  private static int symbol(char ch) {
    if (ch >= '0' && ch <= '9') {
      return ch - '0' + 1;
    }
    return switch (ch) {
      case '-' -> 11;
      case '.' -> 12;
      case '/' -> 13;
      case ':' -> 14;
      case '_' -> 15;
      default -> 0;
    };
  }

  private static boolean isText(long code) {
    return (code & TEXT) == TEXT;
  }

  /** Whether customer n's last order id is {@code order}, whose code is given. */
  boolean isLastOrder(int n, long code, CharSequence order) {
    if (live(lastOrder).get(n) != code) {
      return false;
    }
    if (!isText(code)) {
      return true;
    }
    char[] chars = live(lastOrderChars).get(n);
    if (chars == null) {
      return false;
    }
    for (int i = 0, length = order.length(); i < length; i++) {
      if (chars[i] != order.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Sets customer n's last order id (null: none), whose code is given. */
  void setLastOrder(int n, long code, @Nullable CharSequence order) {
    live(lastOrder).set(n, code);
    if (order == null || !isText(code)) {
      return;
    }
    Paged.Refs<char[]> lastOrderChars = live(this.lastOrderChars);
    int length = order.length();
    char[] chars = lastOrderChars.get(n);
    if (chars == null || chars.length < length) {
      chars = new char[Math.max(length, chars == null ? 0 : 2 * chars.length)];
      lastOrderChars.set(n, chars);
    }
    for (int i = 0; i < length; i++) {
      chars[i] = order.charAt(i);
    }
  }

  // --- purchase rows per channel

  void countChannel(int n, int channel) {
    if (channel < DENSE_CHANNELS) {
      while (channelRows.length <= channel) {
        channelRows = Arrays.copyOf(channelRows, channelRows.length + 1);
        channelRows[channelRows.length - 1] = new Paged.Ints(0);
      }
      channelRows[channel].increment(n);
      return;
    }
    int[] counts = moreChannelRows.get(n);
    int index = channel - DENSE_CHANNELS;
    if (counts == null || counts.length <= index) {
      counts = counts == null ? new int[index + 1] : Arrays.copyOf(counts, index + 1);
      moreChannelRows.set(n, counts);
    }
    counts[index]++;
  }

  /** Customer n's purchase rows with this channel. */
  int channelRows(int n, int channel) {
    if (channel < DENSE_CHANNELS) {
      return channel < channelRows.length ? channelRows[channel].get(n) : 0;
    }
    int[] counts = moreChannelRows.get(n);
    int index = channel - DENSE_CHANNELS;
    return counts == null || counts.length <= index ? 0 : counts[index];
  }
}
