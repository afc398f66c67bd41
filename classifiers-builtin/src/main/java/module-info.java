/**
 * The built-in classifiers (value, loyalty, behaviour and RFM, risk, industry) and the built-in
 * {@code playbook} strategy with its coverage analysis, budget allocation and outcome recording.
 */
module org.clientele.classifiers {
  requires transitive org.clientele.api;
  requires static org.jspecify;
  requires com.fasterxml.jackson.databind;
  requires org.slf4j;

  exports org.clientele.classifiers.playbook;
  exports org.clientele.classifiers.playbook.budget;
  exports org.clientele.classifiers.playbook.outcome;

  provides org.clientele.api.spi.StrategyProvider with
      org.clientele.classifiers.playbook.PlaybookStrategyProvider;
}
