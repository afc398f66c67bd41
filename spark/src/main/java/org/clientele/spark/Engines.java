package org.clientele.spark;

import org.clientele.core.Engine;
import org.clientele.core.EngineBuilder;
import org.clientele.core.Model;
import org.clientele.core.PartialCalibration;
import org.jspecify.annotations.Nullable;

/**
 * The engine of the broadcast model, built once per executor JVM and shared by its partitions
 * (an {@link Engine} is immutable and thread-safe). Building one means discovering the providers
 * and creating every classifier and the strategy: tens of milliseconds that, per partition, would
 * cost more than classifying the partition. Keeps the last model only: a job uses one at a time.
 */
final class Engines {

  private static final Object LOCK = new Object();
  private static @Nullable String json;
  private static @Nullable Model model;
  private static @Nullable EngineBuilder builder;
  private static @Nullable Engine engine;

  private Engines() {}

  /** The engine of this model JSON, built on first use in this JVM. */
  static Engine engine(String modelJson, String source) {
    synchronized (LOCK) {
      EngineBuilder b = builder(modelJson, source);
      Engine e = engine;
      if (e == null) {
        e = b.build();
        engine = e;
      }
      return e;
    }
  }

  /**
   * A new engine of this model JSON from the shared builder (providers already found), for a
   * partition that needs error counts of its own ({@link Engine#errorCounts()} counts since the
   * engine was built, so a shared engine would count other partitions' faults too).
   */
  static Engine freshEngine(String modelJson, String source) {
    synchronized (LOCK) {
      return builder(modelJson, source).build();
    }
  }

  /** The model of this JSON. */
  static Model model(String modelJson, String source) {
    synchronized (LOCK) {
      builder(modelJson, source);
      Model m = model;
      if (m == null) {
        throw new IllegalStateException("builder() sets the model");
      }
      return m;
    }
  }

  /** A fresh partial calibration of this model JSON (the builder and its providers are shared). */
  static PartialCalibration partialCalibration(String modelJson, String source) {
    synchronized (LOCK) {
      return builder(modelJson, source).partialCalibration();
    }
  }

  private static EngineBuilder builder(String modelJson, String source) {
    EngineBuilder b = builder;
    if (b == null || !modelJson.equals(json)) {
      Model m = Model.fromJson(modelJson, source);
      b = Engine.builder().parallelism(1).model(m);
      json = modelJson;
      model = m;
      builder = b;
      engine = null;
    }
    return b;
  }
}
