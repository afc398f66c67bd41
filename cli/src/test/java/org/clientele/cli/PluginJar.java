package org.clientele.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Builds a plugin jar the way its author would: sources compiled against clientele-sdk-api (and
 * JSpecify) alone, with its {@code META-INF/services} file, packed into a jar. The tool's tests
 * then load it only through {@code --plugins}: its classes are on no class path of the test.
 */
final class PluginJar {

  private PluginJar() {}

  /**
   * Compiles a source tree and its resources into a jar.
   *
   * @param sources a folder of {@code .java} files (a {@code module-info.java} is left out: the jar
   *     is used class path style)
   * @param resources a folder copied into the jar as it is, or null
   * @param jar the jar to write
   */
  static Path build(Path sources, @org.jspecify.annotations.Nullable Path resources, Path jar) throws IOException {
    Path work = Files.createTempDirectory(jar.getParent(), "plugin-build");
    Path classes = Files.createDirectories(work.resolve("classes"));
    List<String> files = new ArrayList<>();
    try (Stream<Path> all = Files.walk(sources)) {
      all.filter(f -> f.toString().endsWith(".java") && !f.endsWith("module-info.java")).forEach(f -> files.add(f.toString()));
    }
    // The JDK's javac as a process: the tests run as a named module that does not read java.compiler.
    String javac = Path.of(System.getProperty("java.home"), "bin", "javac").toString();
    List<String> args = new ArrayList<>(List.of(javac, "--release", "17", "-proc:none", "-nowarn", "-d", classes.toString(),
        "-classpath", location(org.clientele.api.Feature.class) + java.io.File.pathSeparator
            + location(org.jspecify.annotations.Nullable.class)));
    args.addAll(files);
    Path log = work.resolve("javac.log");
    Process process = new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    int code;
    try {
      code = process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while compiling " + files, e);
    }
    if (code != 0) {
      throw new IllegalStateException("javac failed (" + code + ") on " + files + ":\n" + Files.readString(log));
    }
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
      add(zip, classes);
      if (resources != null) {
        add(zip, resources);
      }
    }
    return jar;
  }

  /** Writes sources and a services file given as text, then builds the jar. */
  static Path build(Map<String, String> sources, String service, String providerClass, Path jar) throws IOException {
    Path root = Files.createTempDirectory(jar.getParent(), "plugin-src");
    Path src = Files.createDirectories(root.resolve("java"));
    for (Map.Entry<String, String> e : sources.entrySet()) {
      Path f = src.resolve(e.getKey());
      Files.createDirectories(f.getParent());
      Files.writeString(f, e.getValue());
    }
    Path res = Files.createDirectories(root.resolve("resources/META-INF/services"));
    Files.writeString(res.resolve(service), providerClass + "\n");
    return build(src, root.resolve("resources"), jar);
  }

  private static void add(JarOutputStream zip, Path root) throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      for (Path f : (Iterable<Path>) all.filter(Files::isRegularFile).sorted()::iterator) {
        zip.putNextEntry(new JarEntry(root.relativize(f).toString().replace('\\', '/')));
        Files.copy(f, zip);
        zip.closeEntry();
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static String location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
