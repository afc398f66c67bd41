package org.clientele.api.spi;

import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.jspecify.annotations.Nullable;

/** The {@link QuantileSketch.Factory} found by ServiceLoader, looked up once. */
final class SketchFactory {

  /** The factory, or null if no module provides one ({@link QuantileSketch#create} says what to add). */
  static final QuantileSketch.@Nullable Factory FOUND = find();

  private SketchFactory() {}

  private static QuantileSketch.@Nullable Factory find() {
    ClassLoader[] loaders = {Thread.currentThread().getContextClassLoader(), QuantileSketch.class.getClassLoader()};
    for (ClassLoader loader : loaders) {
      try {
        for (QuantileSketch.Factory f : ServiceLoader.load(QuantileSketch.Factory.class, loader)) {
          return f;
        }
      } catch (ServiceConfigurationError e) {
        // a broken provider: try the next loader
      }
    }
    return null;
  }
}
