/**
 * The Clientele test kit for plugin authors: contract tests a classifier or strategy provider
 * passes by extending {@link org.clientele.testkit.ClassifierProviderContract} or {@link
 * org.clientele.testkit.StrategyProviderContract}, customer fixtures ({@link
 * org.clientele.testkit.Customers}, {@link org.clientele.testkit.Population}) and AssertJ
 * assertions ({@link org.clientele.testkit.ClienteleAssertions}).
 */
module org.clientele.testkit {
  requires transitive org.clientele.api;
  requires transitive org.clientele.core;
  requires transitive org.junit.jupiter.api;
  requires transitive org.assertj.core;
  requires static transitive org.jspecify;

  exports org.clientele.testkit;

  uses org.clientele.api.spi.ClassifierProvider;
  uses org.clientele.api.spi.StrategyProvider;
}
