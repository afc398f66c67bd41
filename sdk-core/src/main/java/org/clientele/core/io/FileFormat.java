package org.clientele.core.io;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The layout of an input file.
 *
 * @since 0.1.0
 */
public enum FileFormat {
  /** Chosen from the file name: {@code .jsonl}, {@code .ndjson} or {@code .json} mean JSON Lines, anything else CSV. */
  AUTO,
  /** Delimited text (RFC 4180 CSV by default; the delimiter is configurable). */
  CSV,
  /** JSON Lines: one JSON object per line. */
  JSONL;

  /**
   * Resolves {@link #AUTO} from the file name, ignoring a trailing {@code .gz}.
   *
   * @param fileName the file's name or path
   * @return {@link #CSV} or {@link #JSONL}; this format itself if it is not AUTO
   */
  public FileFormat resolve(String fileName) {
    if (this != AUTO) {
      return this;
    }
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".gz")) { // people.jsonl.gz is JSON Lines; the content decides on gzip (InputFiles)
      name = name.substring(0, name.length() - 3);
    }
    return name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")
        ? JSONL
        : CSV;
  }

  /**
   * Resolves {@link #AUTO} from a path's file name.
   *
   * @param file the file
   * @return {@link #CSV} or {@link #JSONL}
   */
  public FileFormat resolve(Path file) {
    Path name = file.getFileName();
    return resolve(name == null ? file.toString() : name.toString());
  }
}
