package org.clientele.testkit;

import org.clientele.api.spi.ClassifierProvider;
import org.clientele.testkit.samples.MedianRevenueProvider;

/** A well-behaved calibrated provider passes the whole contract, calibration round trip included. */
class MedianRevenueContractTest extends ClassifierProviderContract {

  @Override
  protected ClassifierProvider provider() {
    return new MedianRevenueProvider();
  }
}
