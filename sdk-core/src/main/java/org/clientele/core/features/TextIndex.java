package org.clientele.core.features;

import java.util.Arrays;

/**
 * Texts numbered in the order they were first added (0, 1, 2, ...), found by any character
 * sequence with the same characters, so that a reused view of a row's bytes finds its customer
 * without a string per row. Open addressing over an int table; one string per distinct text.
 */
final class TextIndex {

  private String[] texts = new String[16];
  private int[] hashes = new int[16];
  /** Slot -> number + 1 (0 = free); its length is a power of two, at most half full. */
  private int[] slots = new int[32];
  private int size;

  /** The number of distinct texts. */
  int size() {
    return size;
  }

  /** The text with this number. */
  String text(int number) {
    return texts[number];
  }

  /** The number of the text, or -1 if it was never added. */
  int find(CharSequence text) {
    int h = hash(text);
    int mask = slots.length - 1;
    for (int slot = spread(h) & mask; ; slot = (slot + 1) & mask) {
      int n = slots[slot] - 1;
      if (n < 0) {
        return -1;
      }
      if (hashes[n] == h && texts[n].contentEquals(text)) {
        return n;
      }
    }
  }

  /** The number of the text, adding it (as a copy) if it is new. */
  int add(CharSequence text) {
    int h = hash(text);
    int mask = slots.length - 1;
    int slot = spread(h) & mask;
    for (; ; slot = (slot + 1) & mask) {
      int n = slots[slot] - 1;
      if (n < 0) {
        break;
      }
      if (hashes[n] == h && texts[n].contentEquals(text)) {
        return n;
      }
    }
    if (size == texts.length) {
      texts = Arrays.copyOf(texts, size * 2);
      hashes = Arrays.copyOf(hashes, size * 2);
    }
    int number = size++;
    texts[number] = text.toString();
    hashes[number] = h;
    slots[slot] = number + 1;
    if (size * 2 > slots.length) {
      rehash();
    }
    return number;
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

  /** {@link String#hashCode()} of the characters, whatever the sequence's class. */
  static int hash(CharSequence text) {
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
