/**
 * The rest of the practice as published dimensions: needs, geography, channel preference, promotion
 * response and age bands. Each is written against sdk-api alone, exactly as a third-party plugin
 * would be (the proof that the SPI is enough), found by {@link java.util.ServiceLoader} and checked
 * by the same contract kit.
 */
module org.clientele.practice {
  requires transitive org.clientele.api;
  requires static org.jspecify;

  exports org.clientele.practice;
  // Each dimension exports its own package and provides its ClassifierProvider here (and in
  // META-INF/services, for the class path).
  exports org.clientele.practice.needs;
  exports org.clientele.practice.geography;
  exports org.clientele.practice.channel;
  exports org.clientele.practice.promotion;
  exports org.clientele.practice.age;

  provides org.clientele.api.spi.ClassifierProvider with
      org.clientele.practice.needs.NeedsClassifierProvider,
      org.clientele.practice.geography.GeographyClassifierProvider,
      org.clientele.practice.channel.ChannelClassifierProvider,
      org.clientele.practice.promotion.PromotionClassifierProvider,
      org.clientele.practice.age.AgeClassifierProvider;
}
