package org.clientele.core.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * Looks at the first bytes of an input file, whatever its name: gzip-compressed text is
 * decompressed on the fly, and a binary file that is not text (an Excel workbook, a ZIP archive,
 * a PDF, a database file...) is refused with an {@link InputException} that says what it is and
 * what to do, instead of a rejection per line of binary. Every file the readers and the batch job
 * open goes through here.
 *
 * @since 0.1.0
 */
public final class InputFiles {

  private static final int MAGIC = 16;

  private InputFiles() {}

  /** A recognised binary format: its leading bytes, what it is, what to do with it. */
  private record Kind(byte[] magic, String what, String fix) {}

  private static final Kind[] BINARY = {
    kind(new int[] {'P', 'K', 3, 4}, "a ZIP archive (an Excel .xlsx workbook is one)",
        "for a workbook, read it with XlsxSource (clientele-xlsx) or save the sheet as \"CSV UTF-8\";"
            + " for an archive, unzip it and give the CSV or JSON Lines file inside"),
    kind(new int[] {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1},
        "an old-style Excel .xls workbook (or another OLE2 document)",
        "save the sheet as \"CSV UTF-8\" or as .xlsx"),
    kind(new int[] {'%', 'P', 'D', 'F'}, "a PDF document", "export the table from its source as CSV UTF-8"),
    kind(new int[] {'S', 'Q', 'L', 'i', 't', 'e', ' ', 'f', 'o', 'r', 'm', 'a', 't', ' ', '3', 0},
        "an SQLite database", "query it through JdbcSource, or export the table as CSV"),
    kind(new int[] {'P', 'A', 'R', '1'}, "an Apache Parquet file", "export it as CSV or JSON Lines"),
    kind(new int[] {'B', 'Z', 'h'}, "a bzip2-compressed file", "decompress it (bunzip2) or compress it with gzip"),
    kind(new int[] {0xFD, '7', 'z', 'X', 'Z', 0}, "an xz-compressed file", "decompress it (unxz) or compress it with gzip"),
    kind(new int[] {0x28, 0xB5, 0x2F, 0xFD}, "a zstd-compressed file", "decompress it (unzstd) or compress it with gzip"),
    kind(new int[] {'7', 'z', 0xBC, 0xAF, 0x27, 0x1C}, "a 7-Zip archive", "extract the CSV or JSON Lines file inside"),
    kind(new int[] {0x89, 'P', 'N', 'G'}, "a PNG image", "give the CSV or JSON Lines export of the data instead"),
    kind(new int[] {0xFF, 0xD8, 0xFF}, "a JPEG image", "give the CSV or JSON Lines export of the data instead"),
  };

  private static Kind kind(int[] magic, String what, String fix) {
    byte[] b = new byte[magic.length];
    for (int i = 0; i < magic.length; i++) {
      b[i] = (byte) magic[i];
    }
    return new Kind(b, what, fix);
  }

  /**
   * Returns the text bytes of an input: the stream itself for text, decompressed for gzip.
   *
   * @param raw the file's bytes, from the start; closed with the returned stream
   * @param source the file name, for the error
   * @return the stream to decode as text
   * @throws InputException if the bytes are a known binary format other than gzip, naming it and
   *     the fix
   */
  public static InputStream text(InputStream raw, String source) {
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(source, "source");
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
    byte[] head = peek(in, source);
    if (head.length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B) {
      try {
        return text(new GZIPInputStream(in, 1 << 16), source + " (gzip)");
      } catch (IOException e) {
        throw new InputException(source, 0, "the file starts like gzip but cannot be decompressed: " + e.getMessage()
            + "; check that it was copied whole", e);
      }
    }
    for (Kind k : BINARY) {
      if (head.length >= k.magic().length && Arrays.equals(head, 0, k.magic().length, k.magic(), 0, k.magic().length)) {
        close(in);
        throw new InputException(source, 0, "the file is " + k.what() + ", not CSV or JSON Lines text; " + k.fix(), null);
      }
    }
    return in;
  }

  private static byte[] peek(BufferedInputStream in, String source) {
    in.mark(MAGIC);
    try {
      byte[] head = in.readNBytes(MAGIC);
      in.reset();
      return head;
    } catch (IOException e) {
      throw new InputException(source, 0, "cannot read the file: " + e.getMessage(), e);
    }
  }

  private static void close(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      // already failing with a clearer message
    }
  }
}
