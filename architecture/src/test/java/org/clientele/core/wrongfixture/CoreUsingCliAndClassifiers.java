package org.clientele.core.wrongfixture;

import org.clientele.classifiers.value.ValueClassifierProvider;
import org.clientele.cli.Main;

/** Deliberately wrong: an sdk-core class that knows the command line and a built-in classifier. */
public final class CoreUsingCliAndClassifiers {

  private CoreUsingCliAndClassifiers() {}

  static String both(Main cli, ValueClassifierProvider value) {
    return cli + " " + value.name();
  }
}
