/**
 * The Clientele public API: customers and their features, dimensions, classifiers, strategies,
 * plans, and the plugin SPI in {@code org.clientele.api.spi}.
 *
 * <p>Plugin authors compile against this module alone. It depends on nothing but the JDK (the
 * JSpecify nullness annotations are optional at run time).
 */
module org.clientele.api {
  requires static transitive org.jspecify;

  exports org.clientele.api;
  exports org.clientele.api.spi;

  // PluginConfig views created without the engine's reader find it here (sdk-core provides one).
  uses org.clientele.api.spi.ConfigReader;
  // QuantileSketch.create() finds its implementation here (classifiers-builtin provides one).
  uses org.clientele.api.spi.QuantileSketch.Factory;
}
