package org.clientele.core.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Writes rejections to a file as they arrive: CSV (RFC 4180, UTF-8, a header row) or JSON Lines,
 * with the fields {@code file, line, column, value, reason, message, fix} ({@code reason} is the
 * {@link RejectionReason#code() code}). Also a {@link RejectionSink}, so it can be handed to a
 * reader directly.
 *
 * <pre>{@code
 * try (RejectionWriter rejections = RejectionWriter.open(Path.of("rejections.csv"))) {
 *   ... TransactionReader.open(file, format, rejections) ...
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class RejectionWriter implements RejectionSink, AutoCloseable {

  /** The field names, in file order. */
  public static final List<String> FIELDS =
      List.of("file", "line", "column", "value", "reason", "message", "fix");

  private static final ObjectMapper JSON =
      new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  private final Writer target;
  private final @Nullable SequenceWriter csv;
  private long written;

  private RejectionWriter(Writer target, @Nullable SequenceWriter csv) {
    this.target = target;
    this.csv = csv;
  }

  /**
   * Creates (or replaces) a rejections file; JSON Lines if the name ends in {@code .jsonl}, {@code
   * .ndjson} or {@code .json}, CSV otherwise.
   *
   * @param file the file to write
   * @return the writer
   * @throws InputException if the file cannot be created
   */
  public static RejectionWriter open(Path file) {
    Objects.requireNonNull(file, "file");
    try {
      return of(Files.newBufferedWriter(file, StandardCharsets.UTF_8), FileFormat.AUTO.resolve(file));
    } catch (IOException e) {
      throw new InputException(file.toString(), 0, "cannot create the rejections file: " + e, e);
    }
  }

  /**
   * Writes rejections to a character stream, which {@link #close()} closes.
   *
   * @param writer the destination
   * @param format {@link FileFormat#CSV} or {@link FileFormat#JSONL}
   * @return the writer
   */
  public static RejectionWriter of(Writer writer, FileFormat format) {
    Objects.requireNonNull(writer, "writer");
    Objects.requireNonNull(format, "format");
    if (format == FileFormat.AUTO) {
      throw new IllegalArgumentException("format must be CSV or JSONL, not AUTO");
    }
    Writer buffered = writer instanceof BufferedWriter ? writer : new BufferedWriter(writer);
    try {
      if (format == FileFormat.CSV) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        for (String field : FIELDS) {
          schema.addColumn(field);
        }
        CsvMapper mapper = new CsvMapper();
        return new RejectionWriter(buffered, mapper.writer(schema.build()).writeValues(buffered));
      }
      return new RejectionWriter(buffered, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void reject(Rejection r) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("file", r.source());
    row.put("line", r.line());
    row.put("column", r.column());
    row.put("value", r.value());
    row.put("reason", r.reason().code());
    row.put("message", r.message());
    row.put("fix", r.fix());
    try {
      if (csv != null) {
        csv.write(row);
      } else {
        target.write(JSON.writeValueAsString(row));
        target.write('\n');
      }
      written++;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the rejections file: " + e.getMessage(), e);
    }
  }

  /**
   * Returns how many rejections were written.
   *
   * @return the count
   */
  public long written() {
    return written;
  }

  /** Flushes and closes the file. */
  @Override
  public void close() {
    try {
      if (csv != null) {
        csv.close();
      }
      target.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the rejections file: " + e.getMessage(), e);
    }
  }
}
