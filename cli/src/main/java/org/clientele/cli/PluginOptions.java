package org.clientele.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.clientele.core.job.Segmentation;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * {@code --plugins DIR}: every jar in a folder joins the providers the engine discovers, as if it
 * were on the class path. The jars are loaded by one {@link URLClassLoader} whose parent is the
 * tool's own class loader (so the SDK's types are shared) and handed to the engine's {@link
 * java.util.ServiceLoader}, which reads each jar's {@code META-INF/services} entries.
 */
final class PluginOptions {

  @Option(
      names = "--plugins",
      paramLabel = "DIR",
      description = "Load every .jar in this folder as a plugin (class path style: each jar declares its"
          + " providers in META-INF/services). Its classifiers and strategies are then available to the"
          + " configuration like the built-in ones. An empty folder is a note, not an error.")
  @Nullable Path dir;

  private @Nullable URLClassLoader loader;

  /**
   * Hands the plugin class loader to every engine the job builds; does nothing without {@code --plugins}.
   *
   * @param job the job being assembled
   * @param err where the note about an empty folder goes
   */
  void apply(Segmentation.Builder job, PrintWriter err) {
    ClassLoader l = loader(err);
    if (l != null) {
      job.engine(b -> b.classLoader(l));
    }
  }

  /** The plugin class loader, made once; null without {@code --plugins} or with an empty folder. */
  @Nullable ClassLoader loader(PrintWriter err) {
    Path folder = dir;
    if (folder == null) {
      return null;
    }
    if (loader != null) {
      return loader;
    }
    if (!Files.exists(folder)) {
      throw new CliException("--plugins " + folder + ": no such folder; give the folder that holds the plugin jars");
    }
    if (!Files.isDirectory(folder)) {
      throw new CliException("--plugins " + folder + ": not a folder; give the folder that holds the plugin jars"
          + " (every .jar in it is loaded), not a jar itself");
    }
    List<Path> jars = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      files.filter(f -> f.getFileName() != null && f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f))
          .sorted()
          .forEach(jars::add);
    } catch (IOException | UncheckedIOException e) {
      throw new CliException("--plugins " + folder + ": cannot list the folder: " + e.getMessage(), e);
    }
    if (jars.isEmpty()) {
      err.println("note: --plugins " + folder + " holds no .jar file; only the providers already on the class path are used");
      err.flush();
      return null;
    }
    URL[] urls = new URL[jars.size()];
    for (int i = 0; i < urls.length; i++) {
      try {
        urls[i] = jars.get(i).toUri().toURL();
      } catch (MalformedURLException e) {
        throw new CliException("--plugins: cannot load " + jars.get(i) + ": " + e.getMessage(), e);
      }
    }
    // Lives as long as the command: providers and their classes are used until it ends.
    loader = new URLClassLoader("clientele-plugins", urls, PluginOptions.class.getClassLoader());
    return loader;
  }
}
