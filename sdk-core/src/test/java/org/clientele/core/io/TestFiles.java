package org.clientele.core.io;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Objects;

/** Finds the test corpus under src/test/resources/input. */
public final class TestFiles {

  private TestFiles() {}

  /** Returns the path of a file under {@code input/}. */
  public static Path input(String name) {
    URL url = Objects.requireNonNull(TestFiles.class.getResource("/input/" + name), name);
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
