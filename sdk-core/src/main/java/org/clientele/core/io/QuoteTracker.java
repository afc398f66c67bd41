package org.clientele.core.io;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Passes CSV text through unchanged while following its quoting (RFC 4180: a quote opens a value
 * only at the start of a field, {@code ""} inside a quoted value is one quote), so that when the
 * parser reaches the end of the file inside a quoted value, the error can name the line where the
 * quote was opened rather than the last line of the file.
 */
final class QuoteTracker extends FilterReader {

  private final char delimiter;
  private long line;
  private boolean inQuote;
  private boolean fieldStart = true;
  private boolean justClosed;
  private long quoteLine;
  private boolean ended;

  QuoteTracker(Reader in, char delimiter, long firstLine) {
    super(in);
    this.delimiter = delimiter;
    this.line = firstLine;
  }

  /** True if the text read so far ends inside a quoted value. */
  boolean inQuote() {
    return inQuote;
  }

  /** The 1-based line on which the open quoted value started. */
  long quoteLine() {
    return quoteLine;
  }

  /** True once the end of the text was read (the parser's look-ahead is then no longer ahead). */
  boolean ended() {
    return ended;
  }

  /** The 1-based line reached. */
  long line() {
    return line;
  }

  @Override
  public int read() throws IOException {
    int c = super.read();
    if (c >= 0) {
      track((char) c);
    } else {
      ended = true;
    }
    return c;
  }

  @Override
  public int read(char[] buf, int off, int len) throws IOException {
    int n = super.read(buf, off, len);
    if (n < 0) {
      ended = true;
    }
    for (int i = 0; i < n; i++) {
      track(buf[off + i]);
    }
    return n;
  }

  private void track(char c) {
    if (c == '\n') {
      line++;
    }
    if (inQuote) {
      if (c == '"') {
        inQuote = false;
        justClosed = true;
      }
      return;
    }
    if (c == '"' && (fieldStart || justClosed)) {
      if (!justClosed) {
        quoteLine = line;
      }
      inQuote = true; // opening quote, or the second of a doubled quote inside the value
      justClosed = false;
      fieldStart = false;
      return;
    }
    justClosed = false;
    if (c == delimiter || c == '\n' || c == '\r') {
      fieldStart = true;
    } else {
      fieldStart = false;
    }
  }
}
