package org.clientele.spark.wrongfixture;

import org.clientele.classifiers.value.ValueClassifierProvider;

/** Deliberately wrong: a Spark-module class that knows a particular built-in classifier. */
public final class SparkUsingAClassifier {

  private SparkUsingAClassifier() {}

  static String name(ValueClassifierProvider value) {
    return value.name();
  }
}
