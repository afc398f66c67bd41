/**
 * The Clientele engine: discovers classifier and strategy providers, applies a JSON
 * configuration, calibrates population-relative classifiers into a {@link org.clientele.core.Model},
 * and classifies customers one at a time or in batches.
 */
module org.clientele.core {
  requires transitive org.clientele.api;
  requires static transitive org.jspecify;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.csv;
  requires com.fasterxml.jackson.datatype.jsr310;
  requires org.slf4j;

  exports org.clientele.core;
  exports org.clientele.core.report;

  uses org.clientele.api.spi.ClassifierProvider;
  uses org.clientele.api.spi.StrategyProvider;
}
