package org.clientele.core.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Opens input text: UTF-8, a leading byte order mark dropped, and malformed bytes replaced by
 * U+FFFD so that one bad row becomes a rejection ({@link RejectionReason#INVALID_ENCODING}) rather
 * than the end of the file.
 */
final class TextInput {

  /** The replacement character the decoder puts where bytes were not valid UTF-8. */
  static final char REPLACEMENT = '\uFFFD';

  private TextInput() {}

  static Reader open(Path file) {
    try {
      Path name = file.getFileName();
      return decode(InputFiles.text(Files.newInputStream(file), name == null ? file.toString() : name.toString()));
    } catch (NoSuchFileException e) {
      throw new InputException(file.toString(), 0, "file not found; check the path", e);
    } catch (IOException e) {
      throw new InputException(file.toString(), 0, "cannot open the file: " + e, e);
    }
  }

  static Reader decode(InputStream in) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    return withoutBom(new BufferedReader(new InputStreamReader(in, decoder), 1 << 16));
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
