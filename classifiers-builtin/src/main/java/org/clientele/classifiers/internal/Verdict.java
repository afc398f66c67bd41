package org.clientele.classifiers.internal;

import org.clientele.api.LabelSink;

/**
 * A label sink that remembers what it was given; {@code explain} paths use it to run the same
 * evaluation as the hot path and read the result back.
 */
public final class Verdict implements LabelSink {

  private int label = Integer.MIN_VALUE;
  private double score = Double.NaN;
  private int calls;

  @Override
  public void accept(int labelIndex, double score) {
    this.label = labelIndex;
    this.score = score;
    calls++;
  }

  /**
   * Returns the label index given last.
   *
   * @return the index
   * @throws IllegalStateException unless the sink was called exactly once
   */
  public int label() {
    check();
    return label;
  }

  /**
   * Returns the score given last.
   *
   * @return the score, possibly NaN
   * @throws IllegalStateException unless the sink was called exactly once
   */
  public double score() {
    check();
    return score;
  }

  private void check() {
    if (calls != 1) {
      throw new IllegalStateException("classifier called its sink " + calls + " times, not once");
    }
  }
}
