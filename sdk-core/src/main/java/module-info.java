/**
 * The Clientele engine and its input side: readers for customers and transaction files, the
 * rejection record, and the derivation of customer features from a transaction log.
 */
module org.clientele.core {
  requires transitive org.clientele.api;
  requires static org.jspecify;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.csv;
  requires org.slf4j;

  exports org.clientele.core.io;
  exports org.clientele.core.features;
}
