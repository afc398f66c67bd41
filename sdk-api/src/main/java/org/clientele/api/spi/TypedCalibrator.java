package org.clientele.api.spi;

/**
 * A {@link Calibrator} that merges with its own type, so its author writes no downcast:
 *
 * <pre>{@code
 * final class CutoffCalibrator implements TypedCalibrator<CutoffCalibrator> {
 *   private final QuantileSketch shares = QuantileSketch.create();
 *
 *   public void observe(Customer customer) { shares.add(customer.number(SERVICE_SHARE, Double.NaN)); }
 *   public void mergeFrom(CutoffCalibrator other) { shares.merge(other.shares); }
 *   public Map<String, Object> result() { ... }
 * }
 * }</pre>
 *
 * <p>The engine merges only calibrators that one provider created for one configuration, so the
 * other calibrator is always of the same class; {@link #merge(Calibrator)} checks it and says so
 * if not.
 *
 * @param <C> the implementing class itself
 * @since 0.1.0
 */
public interface TypedCalibrator<C extends TypedCalibrator<C>> extends Calibrator {

  /**
   * Adds another calibrator's observations to this one.
   *
   * @param other a calibrator created by the same provider with the same configuration
   */
  void mergeFrom(C other);

  /**
   * Checks that the other calibrator is of this class and calls {@link #mergeFrom}.
   *
   * @param other a calibrator created by the same provider with the same configuration
   * @throws IllegalArgumentException naming both classes if the other is of another class
   */
  @Override
  default void merge(Calibrator other) {
    if (other.getClass() != getClass()) {
      throw new IllegalArgumentException(
          "cannot merge a " + other.getClass().getName() + " into a " + getClass().getName()
              + ": calibrators merge only with calibrators of the same provider and configuration");
    }
    @SuppressWarnings("unchecked") // same class as this, and this is a C
    C same = (C) other;
    mergeFrom(same);
  }
}
