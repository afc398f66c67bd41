package org.clientele.api.spi;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.clientele.api.ConfigurationException;

/**
 * Parses a JSON document into the JSON-compatible values a {@link PluginConfig} holds.
 *
 * <p>The engine supplies the reader it reads configuration files with (the same limits on depth,
 * number length, string length and document size, and duplicate keys rejected), and every {@link
 * PluginConfig} it hands to a provider carries it. A plugin therefore never parses JSON itself: it
 * calls {@link PluginConfig#file(String)} for a file named in its section, or {@link
 * PluginConfig#json(String, InputStream)} for a class-path resource, and its files are read exactly
 * as strictly as the configuration that names them.
 *
 * <p>A {@link PluginConfig} created without a reader (by a test, with {@link PluginConfig#of}) uses
 * the reader found by {@link java.util.ServiceLoader}; {@code clientele-sdk-core} provides one.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ConfigReader {

  /**
   * Reads one JSON object.
   *
   * @param in the document, read to its end; the caller closes it
   * @param source the file or resource name, for messages
   * @return the top-level object: {@link String}, {@link Number}, {@link Boolean}, {@link
   *     java.util.List} and {@link Map} values, in document order
   * @throws ConfigurationException naming the source (and the line and column where known) if the
   *     document cannot be read, is not valid JSON, is beyond the read limits, repeats a key in an
   *     object, or is not an object at the top level
   */
  Map<String, Object> readObject(InputStream in, String source);

  /**
   * Reads one or more JSON objects that follow one another in a stream: the form a class-path
   * resource takes when a fat-jar build (maven-shade's {@code AppendingTransformer}, Gradle
   * shadow's {@code append}) merges the same resource of several jars into one.
   *
   * <p>The default reads exactly one object with {@link #readObject(InputStream, String)}, so a
   * reader that does not override it fails loudly on a merged resource rather than reading part
   * of it.
   *
   * @param in the documents, read to their end; the caller closes it
   * @param source the file or resource name, for messages
   * @return the top-level objects in stream order, at least one
   * @throws ConfigurationException naming the source (and the line and column where known) under
   *     the same conditions as {@link #readObject(InputStream, String)}, for any of the objects
   * @since 0.1.0
   */
  default List<Map<String, Object>> readObjects(InputStream in, String source) {
    return List.of(readObject(in, source));
  }
}
