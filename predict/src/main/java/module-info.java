/**
 * Clientele predictions: the customer-base models BG/NBD, Pareto/NBD and Gamma-Gamma fitted by
 * maximum likelihood (Hipparchus), the per-customer predictions (P(alive), expected purchases,
 * churn risk, expected spend, lifetime value), the {@code predictions} feature step that adds them
 * to every customer before classification, and the {@code churn} dimension that labels customers
 * by P(alive).
 */
// Hipparchus 4.0.2 jars have no module name of their own: they are automatic modules named after
// the jar files. No Hipparchus type appears in an exported signature.
@SuppressWarnings("requires-automatic")
module org.clientele.predict {
  requires transitive org.clientele.api;
  requires static org.jspecify;
  requires hipparchus.core;
  requires hipparchus.optim;

  exports org.clientele.predict;
  exports org.clientele.predict.churn;

  provides org.clientele.api.spi.ClassifierProvider with
      org.clientele.predict.churn.ChurnClassifierProvider;
  provides org.clientele.api.spi.FeatureProvider with
      org.clientele.predict.churn.PredictionFeatureProvider;
}
