/** Clientele predictions. */
module org.clientele.predict {
  requires transitive org.clientele.api;
  requires static org.jspecify;

  exports org.clientele.predict;
}
