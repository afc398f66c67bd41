/**
 * The Clientele {@code playbook} strategy: a decision table in JSON from a customer's labels (and
 * optionally features) to a plan of actions, with its coverage analysis and outcome recording.
 * (Budgets from measured response are sdk-core's {@code org.clientele.core.cycle.ResponseBudget}.) The provider is found by {@link java.util.ServiceLoader} under the name
 * {@code playbook}; its class is exported so a host can also register it by hand.
 */
module org.clientele.playbook {
  requires transitive org.clientele.api;
  requires static org.jspecify;

  exports org.clientele.playbook;
  exports org.clientele.playbook.outcome;

  provides org.clientele.api.spi.StrategyProvider with
      org.clientele.playbook.PlaybookStrategyProvider;
}
