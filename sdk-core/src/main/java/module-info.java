/**
 * The Clientele engine: discovers classifier and strategy providers, applies a JSON
 * configuration, calibrates population-relative classifiers into a {@link org.clientele.core.Model},
 * and classifies customers one at a time or in batches. Also its input side: readers for customer
 * and transaction files with their rejections, and the derivation of customer features from a
 * transaction log. Also deterministic synthetic populations for demos, benchmarks and tests
 * ({@link org.clientele.core.demo}).
 */
module org.clientele.core {
  requires transitive org.clientele.api;
  requires static transitive org.jspecify;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.csv;
  requires org.slf4j;
  // JdbcSource reads a query's result set (the JDK's JDBC API; no driver is bundled).
  requires transitive java.sql;

  exports org.clientele.core;
  exports org.clientele.core.io;
  exports org.clientele.core.features;
  exports org.clientele.core.report;
  exports org.clientele.core.report.html;
  exports org.clientele.core.job;
  exports org.clientele.core.demo;
  exports org.clientele.core.cycle;

  uses org.clientele.api.spi.ClassifierProvider;
  uses org.clientele.api.spi.StrategyProvider;
  uses org.clientele.api.spi.FeatureProvider;

  // Plugins' own JSON files are read like configuration files (PluginConfig.file / json).
  provides org.clientele.api.spi.ConfigReader with org.clientele.core.internal.JsonConfigReader;
}
