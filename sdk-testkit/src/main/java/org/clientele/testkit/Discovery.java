package org.clientele.testkit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** Lists the provider classes {@link ServiceLoader} sees, stepping over other jars' broken entries. */
final class Discovery {

  // Bounds the loop if a broken iterator keeps failing without advancing.
  private static final int MAX_FAILURES = 1_000;

  private Discovery() {}

  static <S> List<String> find(Class<S> service, ClassLoader loader) {
    List<String> out = new ArrayList<>();
    Iterator<ServiceLoader.Provider<S>> it = ServiceLoader.load(service, loader).stream().iterator();
    int failures = 0;
    while (failures < MAX_FAILURES) {
      try {
        if (!it.hasNext()) {
          break;
        }
        out.add(it.next().type().getName());
      } catch (ServiceConfigurationError e) {
        failures++; // another provider's problem; the one under test is judged on its own
      }
    }
    return out;
  }
}
