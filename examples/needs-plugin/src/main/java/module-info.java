/**
 * An example Clientele plugin: the {@code acme-needs} dimension, calibrated on the population. It needs
 * {@code org.clientele.api} alone and offers its provider to {@link java.util.ServiceLoader} on the
 * module path.
 */
module com.example.clientele.needs {
  requires transitive org.clientele.api;
  requires static org.jspecify;

  exports com.example.clientele.needs;

  provides org.clientele.api.spi.ClassifierProvider with
      com.example.clientele.needs.NeedsClassifierProvider;
}
