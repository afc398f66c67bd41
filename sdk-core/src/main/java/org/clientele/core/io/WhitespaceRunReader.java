package org.clientele.core.io;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Turns whitespace-separated text into tab-separated text for Jackson's CSV parser, which only
 * knows single-character separators: spaces and tabs at the start and end of a line are dropped
 * and every run of spaces and tabs inside a line becomes one tab. Line ends ({@code \n}, {@code
 * \r}) pass through unchanged, so line numbers stay those of the file. A tab cannot survive
 * inside a value, so it is a safe separator whatever the decimal separator is.
 */
final class WhitespaceRunReader extends FilterReader {

  static final char SEPARATOR = '\t';

  private boolean atLineStart = true;
  private boolean pendingSeparator;
  private int held = -1;

  WhitespaceRunReader(Reader in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    if (held >= 0) {
      int c = held;
      held = -1;
      return c;
    }
    while (true) {
      int c = in.read();
      if (c == ' ' || c == '\t') {
        if (!atLineStart) {
          pendingSeparator = true;
        }
        continue;
      }
      if (c == -1 || c == '\n' || c == '\r') {
        pendingSeparator = false; // trailing whitespace is dropped
        atLineStart = c != -1;
        return c;
      }
      atLineStart = false;
      if (pendingSeparator) {
        pendingSeparator = false;
        held = c;
        return SEPARATOR;
      }
      return c;
    }
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    int n = 0;
    while (n < length) {
      int c = read();
      if (c == -1) {
        return n == 0 ? -1 : n;
      }
      buffer[offset + n++] = (char) c;
      if (c == '\n' && !in.ready()) {
        break; // do not block for more input than the caller needs
      }
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = 0;
    while (skipped < n && read() != -1) {
      skipped++;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }
}
