/**
 * The {@code clientele} command-line tool: classifies customer and transaction files with the
 * Clientele engine, writes per-customer results, rejections and the segmentation report,
 * calibrates models, explains one customer, validates configurations and runs a demo on a
 * generated population ({@link org.clientele.core.demo.TransactionPopulation}, from sdk-core).
 *
 * <p>Run it as {@code java -jar cli/target/clientele.jar --help}.
 */
module org.clientele.cli {
  requires transitive org.clientele.core;
  requires static transitive org.jspecify;
  requires org.clientele.predict;
  requires info.picocli;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.csv;

  exports org.clientele.cli;

  // picocli reads the command classes' annotated fields reflectively.
  opens org.clientele.cli to info.picocli;
}
