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

  // Each dimension exports its own package (org.clientele.practice.<dimension>) and provides its
  // ClassifierProvider here.
  exports org.clientele.practice.needs;
  exports org.clientele.practice.channel;
  exports org.clientele.practice.promotion;

  provides org.clientele.api.spi.ClassifierProvider with
      org.clientele.practice.needs.NeedsClassifierProvider,
      org.clientele.practice.channel.ChannelClassifierProvider,
      org.clientele.practice.promotion.PromotionClassifierProvider;
}
