package org.clientele.classifiers.wrongfixture;

import org.clientele.core.Engine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deliberately wrong: a built-in classifier class that logs with SLF4J and uses sdk-core. */
public final class ClassifierUsingCoreAndSlf4j {

  private static final Logger LOG = LoggerFactory.getLogger(ClassifierUsingCoreAndSlf4j.class);

  static void log(Engine engine) {
    LOG.info("{}", engine);
  }
}
