package org.clientele.api;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The immutable {@link Segments} behind {@link Segments#of}. */
final class FixedSegments implements Segments {

  private final List<Dimension> dimensions;
  private final int[] labels;
  private final double[] scores;
  private final boolean[] fallback;

  FixedSegments(List<Dimension> dimensions, int[] labels, double[] scores, boolean[] fallback) {
    this.dimensions = List.copyOf(Objects.requireNonNull(dimensions, "dimensions"));
    this.labels = Objects.requireNonNull(labels, "labels").clone();
    this.scores = Objects.requireNonNull(scores, "scores").clone();
    this.fallback = Objects.requireNonNull(fallback, "fallback").clone();
    if (labels.length != this.dimensions.size() || scores.length != this.dimensions.size()
        || fallback.length != this.dimensions.size()) {
      throw new IllegalArgumentException(
          this.dimensions.size() + " dimensions need as many labels, scores and fallback flags; got "
              + labels.length + " labels, " + scores.length + " scores and " + fallback.length + " flags");
    }
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < labels.length; i++) {
      Dimension d = this.dimensions.get(i);
      if (!ids.add(d.id())) {
        throw new IllegalArgumentException("dimension '" + d.id() + "' appears twice");
      }
      if (labels[i] < -1 || labels[i] >= d.labels().size()) {
        throw new IllegalArgumentException(
            "label index " + labels[i] + " is outside dimension '" + d.id() + "' (-1 to " + (d.labels().size() - 1) + ")");
      }
    }
  }

  @Override
  public int size() {
    return dimensions.size();
  }

  @Override
  public Dimension dimension(int position) {
    return dimensions.get(position);
  }

  @Override
  public int labelIndex(int position) {
    return labels[position];
  }

  @Override
  public double score(int position) {
    return scores[position];
  }

  @Override
  public boolean isFallback(int position) {
    return labels[position] >= 0 && fallback[position];
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("Segments{");
    for (int i = 0; i < labels.length; i++) {
      b.append(i == 0 ? "" : ", ").append(dimensions.get(i).id()).append('=').append(dimensions.get(i).label(labels[i]))
          .append(isFallback(i) ? " (fallback)" : "");
    }
    return b.append('}').toString();
  }
}
