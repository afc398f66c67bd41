/**
 * An example Clientele plugin: the {@code acme-geography} dimension. It needs {@code org.clientele.api}
 * alone and offers its provider to {@link java.util.ServiceLoader} on the module path.
 */
module com.example.clientele.geography {
  requires transitive org.clientele.api;
  requires static org.jspecify;

  exports com.example.clientele.geography;

  provides org.clientele.api.spi.ClassifierProvider with
      com.example.clientele.geography.GeographyClassifierProvider;
}
