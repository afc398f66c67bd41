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
  // geography and age bands
  exports org.clientele.practice.geography;
  exports org.clientele.practice.age;

  // Each dimension exports its own package (org.clientele.practice.<dimension>) and provides its
  // ClassifierProvider here.

  // geography and age bands
  provides org.clientele.api.spi.ClassifierProvider with
      org.clientele.practice.geography.GeographyClassifierProvider,
      org.clientele.practice.age.AgeClassifierProvider;
}
