package org.clientele.api.wrongfixture;

import com.fasterxml.jackson.databind.JsonNode;
import org.clientele.core.Engine;

/** Deliberately wrong: an sdk-api class that uses sdk-core and exposes a Jackson type. */
public final class ApiClassLeakingCoreAndJackson {

  /**
   * Exposes Jackson.
   *
   * @param engine a core type, which sdk-api must not see
   * @return a Jackson type, which sdk-api must not expose
   */
  public JsonNode tree(Engine engine) {
    throw new UnsupportedOperationException(engine.toString());
  }
}
