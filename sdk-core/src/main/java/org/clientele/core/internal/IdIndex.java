package org.clientele.core.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Texts (customer ids, channel names) numbered 0, 1, 2, ... in the order they were first added,
 * found by any character sequence with the same characters, so that a reused view of a row's
 * bytes finds its customer without a string per row.
 *
 * <p>Compact for millions of ids: no object per text. The characters are stored once in pages of
 * bytes (one byte per character when every character is Latin-1, two otherwise), and an
 * open-addressing int table finds them; about 20 bytes per id plus its characters, against about
 * 100 for a {@code HashMap<String, ...>} entry. Lookups compare the characters, never only a
 * hash. Not thread-safe.
 */
public final class IdIndex {

  /** Pages of at most 1 MiB: growing never copies a large array. */
  private static final int PAGE_BITS = 20;
  private static final int PAGE = 1 << PAGE_BITS;
  private static final int MAX_PAGES = 1 << (31 - PAGE_BITS);

  private byte[][] pages = {new byte[64]};
  private int lastPage;
  /** Bytes used in the last page. */
  private int fill;
  /** Per number: page << PAGE_BITS | offset. */
  private int[] address = new int[16];
  /** Per number: the length in characters; {@code ~length} when stored as two bytes per character. */
  private int[] lengths = new int[16];
  private int[] hashes = new int[16];
  /** Slot -> number + 1 (0 = free); its length is a power of two, at most half full. */
  private int[] slots = new int[32];
  private int size;

  /** Creates an empty index. */
  public IdIndex() {
    // empty
  }

  /**
   * Returns the number of distinct texts.
   *
   * @return the count
   */
  public int size() {
    return size;
  }

  /**
   * Returns the text with this number, as a new string.
   *
   * @param number a number below {@link #size()}
   * @return the text
   */
  public String text(int number) {
    if (number < 0 || number >= size) {
      throw new IndexOutOfBoundsException(number);
    }
    byte[] page = pages[address[number] >>> PAGE_BITS];
    int offset = address[number] & (PAGE - 1);
    int length = lengths[number];
    if (length >= 0) {
      return new String(page, offset, length, StandardCharsets.ISO_8859_1);
    }
    char[] chars = new char[~length];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = wide(page, offset, i);
    }
    return new String(chars);
  }

  /**
   * Returns the number of a text.
   *
   * @param text the characters
   * @return its number, or -1 if it was never added
   */
  public int find(CharSequence text) {
    int h = hash(text);
    int mask = slots.length - 1;
    for (int slot = spread(h) & mask; ; slot = (slot + 1) & mask) {
      int n = slots[slot] - 1;
      if (n < 0) {
        return -1;
      }
      if (hashes[n] == h && matches(n, text)) {
        return n;
      }
    }
  }

  /**
   * Returns the number of a text, adding a copy of its characters if it is new (with the next
   * number, {@link #size()} before the call).
   *
   * @param text the characters
   * @return its number
   */
  public int add(CharSequence text) {
    int h = hash(text);
    int mask = slots.length - 1;
    int slot = spread(h) & mask;
    for (; ; slot = (slot + 1) & mask) {
      int n = slots[slot] - 1;
      if (n < 0) {
        break;
      }
      if (hashes[n] == h && matches(n, text)) {
        return n;
      }
    }
    if (size == address.length) {
      int grown = size * 2;
      address = Arrays.copyOf(address, grown);
      lengths = Arrays.copyOf(lengths, grown);
      hashes = Arrays.copyOf(hashes, grown);
    }
    int number = size++;
    store(number, text);
    hashes[number] = h;
    slots[slot] = number + 1;
    if (size * 2 > slots.length) {
      rehash();
    }
    return number;
  }

  private void store(int number, CharSequence text) {
    int length = text.length();
    boolean latin1 = true;
    for (int i = 0; i < length && latin1; i++) {
      latin1 = text.charAt(i) <= 0xFF;
    }
    int bytes = latin1 ? length : 2 * length;
    byte[] page = room(bytes);
    int offset = fill;
    if (latin1) {
      for (int i = 0; i < length; i++) {
        page[offset + i] = (byte) text.charAt(i);
      }
    } else {
      for (int i = 0; i < length; i++) {
        char c = text.charAt(i);
        page[offset + 2 * i] = (byte) (c >>> 8);
        page[offset + 2 * i + 1] = (byte) c;
      }
    }
    fill += bytes;
    address[number] = lastPage << PAGE_BITS | offset;
    lengths[number] = latin1 ? length : ~length;
  }

  /** The last page, with room for {@code bytes} more at {@link #fill}: grown, or a new page. */
  private byte[] room(int bytes) {
    byte[] page = pages[lastPage];
    if (fill + bytes <= page.length) {
      return page;
    }
    if (fill + bytes <= PAGE) {
      // The first page grows geometrically up to a full page, so that a small index stays small.
      page = Arrays.copyOf(page, Math.min(PAGE, Math.max(fill + bytes, 2 * page.length)));
      pages[lastPage] = page;
      return page;
    }
    if (lastPage + 1 == MAX_PAGES) {
      throw new IllegalStateException("more than 2 GB of distinct ids: the id index is full");
    }
    if (lastPage + 1 == pages.length) {
      pages = Arrays.copyOf(pages, 2 * pages.length);
    }
    lastPage++;
    fill = 0;
    // A text longer than a page gets a page of its own; its offset is 0.
    page = new byte[Math.max(PAGE, bytes)];
    pages[lastPage] = page;
    return page;
  }

  private boolean matches(int number, CharSequence text) {
    int length = lengths[number];
    boolean latin1 = length >= 0;
    int n = latin1 ? length : ~length;
    if (n != text.length()) {
      return false;
    }
    byte[] page = pages[address[number] >>> PAGE_BITS];
    int offset = address[number] & (PAGE - 1);
    if (latin1) {
      for (int i = 0; i < n; i++) {
        if ((char) (page[offset + i] & 0xFF) != text.charAt(i)) {
          return false;
        }
      }
    } else {
      for (int i = 0; i < n; i++) {
        if (wide(page, offset, i) != text.charAt(i)) {
          return false;
        }
      }
    }
    return true;
  }

  private static char wide(byte[] page, int offset, int i) {
    return (char) ((page[offset + 2 * i] & 0xFF) << 8 | (page[offset + 2 * i + 1] & 0xFF));
  }

  private void rehash() {
    slots = new int[slots.length * 2];
    int mask = slots.length - 1;
    for (int n = 0; n < size; n++) {
      int slot = spread(hashes[n]) & mask;
      while (slots[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      slots[slot] = n + 1;
    }
  }

  /**
   * Returns {@link String#hashCode()} of the characters, whatever the sequence's class.
   *
   * @param text the characters
   * @return the hash
   */
  public static int hash(CharSequence text) {
    if (text instanceof String s) {
      return s.hashCode();
    }
    int h = 0;
    for (int i = 0; i < text.length(); i++) {
      h = 31 * h + text.charAt(i);
    }
    return h;
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }
}
