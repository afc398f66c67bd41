package org.clientele.playbook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clientele.api.Action;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.Segments;
import org.clientele.api.spi.PluginConfig;

/** Fake engine pieces: the agreed built-in dimensions, segments by label name, and plan capture. */
final class Fixtures {

  private Fixtures() {}

  static final Dimension VALUE = Dimension.of("value", "CORE", "IMPORTANT", "POTENTIAL", "LOW");
  static final Dimension LOYALTY = Dimension.of("loyalty", "HIGH", "MEDIUM", "LOW");
  static final Dimension LIFECYCLE =
      Dimension.of("behaviour", "ACTIVE", "NEW", "SWINGING", "AT_RISK", "LOST", "PROSPECT");
  static final Dimension ACTIVITY = Dimension.of("behaviour", "ACTIVE", "PASSIVE", "PROSPECT");
  static final Dimension RFM =
      Dimension.of(
          "rfm", "CHAMPIONS", "LOYAL", "POTENTIAL_LOYALIST", "NEW_CUSTOMERS", "PROMISING", "NEED_ATTENTION",
          "ABOUT_TO_SLEEP", "AT_RISK", "CANNOT_LOSE", "HIBERNATING", "LOST");
  static final Dimension RISK = Dimension.of("risk", "LOW", "NORMAL", "HIGH", "UNRATED");
  static final Dimension INDUSTRY =
      Dimension.of(
          "industry", "MANUFACTURING", "CONSTRUCTION", "WHOLESALE_RETAIL", "TRANSPORT_LOGISTICS", "HOSPITALITY",
          "INFORMATION_TECH", "FINANCE", "REAL_ESTATE", "PROFESSIONAL_SERVICES", "PUBLIC_ADMINISTRATION",
          "EDUCATION", "HEALTHCARE", "AGRICULTURE", "ENERGY_UTILITIES", "OTHER_SERVICES", "UNKNOWN");

  static final Dimension PURCHASE_PATTERN =
      Dimension.of(
          "purchase_pattern", "FREQUENT_BIG_ORDERS", "FREQUENT_SMALL_ORDERS", "OCCASIONAL_BIG_ORDERS",
          "OCCASIONAL_SMALL_ORDERS", "UNKNOWN");

  /** Every built-in dimension, lifecycle behaviour scheme, in a deliberately non-alphabetical order. */
  static final List<Dimension> ALL = List.of(RISK, VALUE, INDUSTRY, LOYALTY, RFM, LIFECYCLE, PURCHASE_PATTERN);

  static final Customer NOBODY = Customer.builder("C-0").build();

  /** Labels by dimension id, for example {@code "value=CORE loyalty=HIGH"}; UNCLASSIFIED allowed. */
  static Segments segments(List<Dimension> dims, String labels) {
    Map<String, String> byId = new LinkedHashMap<>();
    for (String part : labels.trim().split("\\s+")) {
      if (part.isEmpty()) {
        continue;
      }
      String[] kv = part.split("=", 2);
      byId.put(kv[0], kv[1]);
    }
    int[] indexes = new int[dims.size()];
    boolean[] fallback = new boolean[dims.size()];
    for (int i = 0; i < dims.size(); i++) {
      Dimension d = dims.get(i);
      String label = byId.remove(d.id());
      // "risk=LOW?" is LOW decided for lack of data (Segments.isFallback).
      if (label != null && label.endsWith("?")) {
        label = label.substring(0, label.length() - 1);
        fallback[i] = true;
      }
      if (label == null) {
        // Unspecified dimensions take the label no default rule singles out on its own.
        label = switch (d.id()) {
          case "loyalty" -> "MEDIUM";
          default -> d.labels().get(d.size() - 1).equals("UNKNOWN") ? "UNKNOWN" : d.labels().get(0);
        };
      }
      indexes[i] = label.equals(Dimension.UNCLASSIFIED) ? -1 : d.indexOf(label);
      if (indexes[i] == -1 && !label.equals(Dimension.UNCLASSIFIED)) {
        throw new IllegalArgumentException(label + " is not a label of " + d);
      }
    }
    if (!byId.isEmpty()) {
      throw new IllegalArgumentException("unknown dimensions " + byId.keySet());
    }
    double[] scores = new double[dims.size()];
    java.util.Arrays.fill(scores, Double.NaN);
    return Segments.of(dims, indexes, scores, fallback);
  }

  static List<Action> plan(Playbook playbook, Customer customer, Segments segments) {
    List<Action> out = new ArrayList<>();
    playbook.plan(customer, segments, out::add);
    return out;
  }

  static List<String> codes(List<Action> actions) {
    return actions.stream().map(Action::code).toList();
  }

  /** Parses a JSON object, with single quotes allowed for readability. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> json(String text) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper()
          .configure(com.fasterxml.jackson.core.JsonParser.Feature.ALLOW_SINGLE_QUOTES, true)
          .readValue(text, Map.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** A strategy section from JSON text, as the engine would hand it over. */
  static PluginConfig config(String json) {
    return config(json(json));
  }

  static PluginConfig config(Map<String, ?> values) {
    return PluginConfig.of("playbook", "clientele.json", "$.strategy", values);
  }
}
