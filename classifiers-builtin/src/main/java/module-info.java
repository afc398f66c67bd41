/**
 * The built-in Clientele classifiers (value, loyalty, behaviour with its lifecycle and activity
 * schemes, RFM, credit risk, industry, purchase pattern). Each is a provider found by {@link
 * java.util.ServiceLoader}; the provider classes are exported so a host can also register them by
 * hand.
 */
// datasketches-java 6.2.0 has no module name of its own: it is an automatic module, and automatic
// modules cannot require anything, so its dependency datasketches-memory (a named module) is
// required here too, or the module path would not resolve it (NoClassDefFoundError on the KLL path).
@SuppressWarnings("requires-automatic")
module org.clientele.classifiers {
  requires transitive org.clientele.api;
  requires static org.jspecify;
  requires datasketches.java;
  requires org.apache.datasketches.memory;

  exports org.clientele.classifiers.value;
  exports org.clientele.classifiers.loyalty;
  exports org.clientele.classifiers.behaviour;
  exports org.clientele.classifiers.rfm;
  exports org.clientele.classifiers.risk;
  exports org.clientele.classifiers.industry;
  exports org.clientele.classifiers.pattern;

  provides org.clientele.api.spi.ClassifierProvider with
      org.clientele.classifiers.value.ValueClassifierProvider,
      org.clientele.classifiers.loyalty.LoyaltyClassifierProvider,
      org.clientele.classifiers.behaviour.BehaviourClassifierProvider,
      org.clientele.classifiers.rfm.RfmClassifierProvider,
      org.clientele.classifiers.risk.RiskClassifierProvider,
      org.clientele.classifiers.industry.IndustryClassifierProvider,
      org.clientele.classifiers.pattern.PurchasePatternClassifierProvider;
  // QuantileSketch.create() for plugins: the same distribution the built-ins calibrate with.
  provides org.clientele.api.spi.QuantileSketch.Factory with
      org.clientele.classifiers.internal.DistributionSketch.Factory;
}
