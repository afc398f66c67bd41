package org.clientele.benchmarks.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;

/**
 * The calibrated cut-offs of a model, read from its JSON once, the way a user who writes the rules
 * by hand would read them: value's Pareto cut-offs and the RFM quintile cut points. Everything else
 * in the default rules is a constant.
 *
 * @param valueCore value: revenue at or above which a customer is CORE
 * @param valueImportant value: revenue at or above which a customer is IMPORTANT
 * @param recencyBreaks RFM: four ascending cut points of days since the last purchase
 * @param frequencyBreaks RFM: four ascending cut points of purchase days (whole history)
 * @param monetaryBreaks RFM: four ascending cut points of revenue (whole history)
 */
public record Thresholds(
    double valueCore,
    double valueImportant,
    double[] recencyBreaks,
    double[] frequencyBreaks,
    double[] monetaryBreaks) {

  /**
   * Checks the cut points and copies the arrays.
   *
   * @param valueCore value: revenue at or above which a customer is CORE
   * @param valueImportant value: revenue at or above which a customer is IMPORTANT
   * @param recencyBreaks RFM: four ascending cut points of days since the last purchase
   * @param frequencyBreaks RFM: four ascending cut points of purchase days (whole history)
   * @param monetaryBreaks RFM: four ascending cut points of revenue (whole history)
   */
  public Thresholds {
    recencyBreaks = four(recencyBreaks, "recencyBreaks");
    frequencyBreaks = four(frequencyBreaks, "frequencyBreaks");
    monetaryBreaks = four(monetaryBreaks, "monetaryBreaks");
  }

  private static double[] four(double[] breaks, String name) {
    if (breaks.length != 4) {
      throw new IllegalArgumentException("Thresholds." + name + " needs 4 cut points, found " + breaks.length);
    }
    return breaks.clone();
  }

  /**
   * Reads the cut-offs from a calibrated model's JSON ({@code $.dimensions.value.calibration} and
   * {@code $.dimensions.rfm.calibration}).
   *
   * @param modelJson the model
   * @return the cut-offs
   * @throws IllegalArgumentException if the model is not calibrated for value and RFM
   */
  public static Thresholds fromModelJson(String modelJson) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(modelJson);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the model is not valid JSON: " + e.getOriginalMessage(), e);
    }
    JsonNode value = calibration(root, "value");
    JsonNode rfm = calibration(root, "rfm");
    return new Thresholds(
        number(value, "core"),
        number(value, "important"),
        numbers(rfm, "recencyBreaks"),
        numbers(rfm, "frequencyBreaks"),
        numbers(rfm, "monetaryBreaks"));
  }

  private static JsonNode calibration(JsonNode root, String dimension) {
    JsonNode c = root.path("dimensions").path(dimension).path("calibration");
    if (!c.isObject()) {
      throw new IllegalArgumentException("the model has no $.dimensions." + dimension + ".calibration: calibrate it first");
    }
    return c;
  }

  private static double number(JsonNode node, String key) {
    JsonNode n = node.get(key);
    if (n == null || !n.isNumber()) {
      throw new IllegalArgumentException("calibration key '" + key + "' is missing or not a number");
    }
    return n.doubleValue();
  }

  private static double[] numbers(JsonNode node, String key) {
    JsonNode n = node.get(key);
    if (n == null || !n.isArray()) {
      throw new IllegalArgumentException("calibration key '" + key + "' is missing or not an array");
    }
    double[] out = new double[n.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = n.get(i).doubleValue();
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Thresholds t
        && Double.compare(valueCore, t.valueCore) == 0
        && Double.compare(valueImportant, t.valueImportant) == 0
        && Arrays.equals(recencyBreaks, t.recencyBreaks)
        && Arrays.equals(frequencyBreaks, t.frequencyBreaks)
        && Arrays.equals(monetaryBreaks, t.monetaryBreaks);
  }

  @Override
  public int hashCode() {
    return Double.hashCode(valueCore) * 31 + Arrays.hashCode(recencyBreaks);
  }

  @Override
  public String toString() {
    return "Thresholds[value core " + valueCore + ", important " + valueImportant + ", R " + Arrays.toString(recencyBreaks)
        + ", F " + Arrays.toString(frequencyBreaks) + ", M " + Arrays.toString(monetaryBreaks) + "]";
  }
}
