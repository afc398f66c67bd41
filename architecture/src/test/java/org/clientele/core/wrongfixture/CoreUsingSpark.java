package org.clientele.core.wrongfixture;

import org.clientele.spark.TransactionColumns;

/** Deliberately wrong: an sdk-core class that needs the Spark module. */
public final class CoreUsingSpark {

  private CoreUsingSpark() {}

  static String columns() {
    return TransactionColumns.defaults().customerId();
  }
}
