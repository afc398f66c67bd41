package org.clientele.core.io;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Opens input text in its configured encoding (UTF-8 by default). A byte order mark wins over the
 * configuration: UTF-8, UTF-16LE and UTF-16BE files that start with one are read in that encoding
 * and the mark is dropped. Malformed bytes are replaced by U+FFFD so that one bad row becomes a
 * rejection ({@link RejectionReason#INVALID_ENCODING}) rather than the end of the file. The first
 * bytes are also sniffed, so that a header that does not decode can say which encoding the file
 * looks like (see {@link Decoded#looksLike()}).
 */
final class TextInput {

  /** The replacement character the decoder puts where bytes were not valid in the encoding. */
  static final char REPLACEMENT = '\uFFFD';

  /** How many leading bytes are sniffed for a byte order mark and the encoding's look. */
  private static final int SNIFF = 8192;

  private TextInput() {}

  /**
   * Decoded text, the encoding it was decoded with, and what the bytes look like.
   *
   * @param reader the text, without a byte order mark
   * @param charset the encoding used
   * @param looksLike a description of the encoding the first bytes look like when they are not
   *     valid in {@code charset} (for example "GB18030 ..."), or null when they are
   */
  record Decoded(Reader reader, Charset charset, @Nullable String looksLike) {}

  /**
   * Resolves an {@code encoding} setting.
   *
   * @throws IllegalArgumentException naming the usual encodings
   */
  static Charset charset(String name) {
    String n = name.trim();
    if (n.equalsIgnoreCase("gbk") || n.equalsIgnoreCase("gb2312")) {
      return Charset.forName("GB18030"); // a superset of both, and what Chinese Excel writes
    }
    try {
      return Charset.forName(n);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new IllegalArgumentException(
          "encoding \"" + name + "\" is not an encoding this Java runtime knows; use UTF-8 (the"
              + " default), GB18030 (also for GBK), UTF-16, windows-1252 or ISO-8859-1",
          e);
    }
  }

  static Decoded open(Path file, Charset charset) {
    try {
      // gzip is decompressed and known binary formats refused before any decoding (InputFiles).
      Path name = file.getFileName();
      return decode(InputFiles.text(Files.newInputStream(file), name == null ? file.toString() : name.toString()), charset);
    } catch (NoSuchFileException e) {
      throw new InputException(file.toString(), 0, "file not found; check the path", e);
    } catch (IOException e) {
      throw new InputException(file.toString(), 0, "cannot open the file: " + e, e);
    }
  }

  /** Decodes UTF-8 (for the fuzz replay and tests). */
  static Reader decode(InputStream in) {
    return decode(in, StandardCharsets.UTF_8).reader();
  }

  static Decoded decode(InputStream raw, Charset configured) {
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
    byte[] head;
    try {
      in.mark(SNIFF);
      head = in.readNBytes(SNIFF);
      in.reset();
    } catch (IOException e) {
      // Reported again, with the file name, by the first real read.
      return new Decoded(reader(in, configured), configured, null);
    }
    Charset charset = configured;
    int skip = 0;
    if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
      charset = StandardCharsets.UTF_8;
      skip = 3;
    } else if (startsWith(head, 0xFF, 0xFE)) {
      charset = StandardCharsets.UTF_16LE;
      skip = 2;
    } else if (startsWith(head, 0xFE, 0xFF)) {
      charset = StandardCharsets.UTF_16BE;
      skip = 2;
    }
    try {
      in.skipNBytes(skip);
    } catch (IOException e) {
      return new Decoded(reader(in, charset), charset, null);
    }
    byte[] sample = Arrays.copyOfRange(head, skip, head.length);
    String looksLike = decodes(sample, charset, head.length == SNIFF) ? null : guess(sample);
    return new Decoded(reader(in, charset), charset, looksLike);
  }

  private static Reader reader(InputStream in, Charset charset) {
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    return withoutBom(new BufferedReader(new InputStreamReader(in, decoder), 1 << 16));
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** True if the sample is valid text in the encoding (a cut-off last character is forgiven). */
  private static boolean decodes(byte[] sample, Charset charset, boolean truncated) {
    CharsetDecoder d =
        charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer bytes = ByteBuffer.wrap(sample);
    CharBuffer chars = CharBuffer.allocate(sample.length * 2 + 4);
    var result = d.decode(bytes, chars, !truncated);
    if (result.isError()) {
      return false;
    }
    if (!truncated) {
      result = d.flush(chars);
      if (result.isError()) {
        return false;
      }
    }
    chars.flip();
    // NUL characters decode "validly" from UTF-16 read as UTF-8: text files do not have them.
    for (int i = 0; i < chars.length(); i++) {
      if (chars.charAt(i) == 0) {
        return false;
      }
    }
    return true;
  }

  /** What the bytes look like, for the message when the header does not decode. */
  static String guess(byte[] sample) {
    int zeroEven = 0;
    int zeroOdd = 0;
    for (int i = 0; i < sample.length; i++) {
      if (sample[i] == 0) {
        if (i % 2 == 0) {
          zeroEven++;
        } else {
          zeroOdd++;
        }
      }
    }
    if (zeroOdd > sample.length / 8 && zeroOdd > 2 * zeroEven) {
      return "UTF-16LE without a byte order mark (Excel \"Unicode text\"); set encoding to UTF-16LE";
    }
    if (zeroEven > sample.length / 8 && zeroEven > 2 * zeroOdd) {
      return "UTF-16BE without a byte order mark; set encoding to UTF-16BE";
    }
    try {
      Charset.forName("GB18030")
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(sample, 0, Math.max(0, sample.length - 4)));
      return "GB18030/GBK, what Chinese Excel saves as CSV, or another legacy encoding such as"
          + " windows-1252; set encoding to GB18030 (or to the file's encoding)";
    } catch (CharacterCodingException e) {
      return "a legacy encoding such as windows-1252 or ISO-8859-1; set encoding to the file's"
          + " encoding, or save the file as CSV UTF-8";
    }
  }

  /** The message for a header that does not decode in {@code charset}. */
  static String notDecodable(Charset charset, @Nullable String looksLike, String section) {
    String name = charset.name().toUpperCase(Locale.ROOT);
    return "this file is not " + name + " (the header holds bytes that are not " + name
        + (looksLike == null ? "" : "; it looks like " + looksLike) + ")"
        + "; fix: set \"encoding\" in " + section + " (for example \"GB18030\" or \"UTF-16\"),"
        + " or save the file as CSV UTF-8";
  }

  static Reader withoutBom(Reader reader) {
    PushbackReader in = new PushbackReader(reader, 1);
    try {
      int first = in.read();
      if (first != -1 && first != '\uFEFF') {
        in.unread(first);
      }
    } catch (IOException e) {
      // Reported again, with the file name, by the first real read.
      return in;
    }
    return in;
  }
}
