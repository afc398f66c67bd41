package org.clientele.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.clientele.core.io.InputException;

/**
 * Makes pipes readable more than once. The job reads a file once per pass (scan the dates, derive,
 * calibrate, classify); a pipe ({@code -}, {@code /dev/stdin}, {@code <(...)}) yields its bytes
 * only once, so a second pass saw an empty file. A non-regular input is therefore copied once to
 * a temporary file, under its own name so that rejections and the format-by-extension still see
 * it, and the copies are deleted when the command ends ({@link #deleteAll()} in {@link Main#run}).
 */
final class Spool {

  /** The copies made on this thread's command run. */
  private static final ThreadLocal<List<Path>> MADE = ThreadLocal.withInitial(ArrayList::new);

  private Spool() {}

  /** True if the argument names standard input. */
  static boolean isStdin(Path file) {
    return file.toString().equals("-");
  }

  /**
   * Returns a path that can be read more than once: the file itself when it is a regular file
   * (or does not exist, or is a directory: the job reports those), else a temporary copy of its
   * bytes.
   */
  static Path readable(Path file, InputStream stdin) {
    if (!isStdin(file) && (!Files.exists(file) || Files.isRegularFile(file) || Files.isDirectory(file))) {
      return file;
    }
    Path name = file.getFileName();
    String base = isStdin(file) || name == null ? "stdin" : name.toString();
    try {
      Path dir = Files.createTempDirectory("clientele-spool-");
      MADE.get().add(dir);
      Path copy = dir.resolve(base);
      MADE.get().add(copy);
      if (isStdin(file)) {
        Files.copy(stdin, copy, StandardCopyOption.REPLACE_EXISTING);
      } else {
        try (InputStream in = Files.newInputStream(file)) {
          Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        }
      }
      return copy;
    } catch (IOException e) {
      throw new InputException(file.toString(), 0,
          "cannot copy the piped input to a temporary file (" + e.getMessage() + "); set TMPDIR to a"
              + " writable directory with room for the input, or pass a regular file", e);
    }
  }

  /** Deletes the copies made on this thread, files before their directories. */
  static void deleteAll() {
    List<Path> made = MADE.get();
    for (int i = made.size() - 1; i >= 0; i--) {
      try {
        Files.deleteIfExists(made.get(i));
      } catch (IOException e) {
        made.get(i).toFile().deleteOnExit();
      }
    }
    made.clear();
  }
}
