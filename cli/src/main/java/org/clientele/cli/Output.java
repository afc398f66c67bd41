package org.clientele.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.clientele.core.io.InputException;

/** Opening output files, with {@code -} for standard output. */
final class Output {

  private Output() {}

  static boolean isStdout(Path file) {
    return file.toString().equals("-");
  }

  /** Opens a file for writing (parent directories created), or standard output for {@code -}. */
  static Writer open(Path file, PrintWriter stdout) {
    if (isStdout(file)) {
      return new FilterWriter(stdout) {
        @Override
        public void flush() throws IOException {
          super.flush();
          if (stdout.checkError()) {
            throw new IOException("cannot write to standard output (closed pipe or full disk)");
          }
        }

        @Override
        public void close() throws IOException {
          flush(); // never close standard output
        }
      };
    }
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InputException(file.toString(), 0, "cannot create the output file: " + e.getMessage(), e);
    }
  }

  static void writeString(Path file, String text) {
    try (Writer w = open(file, new PrintWriter(Writer.nullWriter()))) {
      w.write(text);
    } catch (IOException e) {
      throw new CliException(file + ": cannot write: " + e.getMessage(), e);
    }
  }
}
