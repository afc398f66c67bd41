package org.clientele.core.internal;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.clientele.api.spi.ConfigReader;

/**
 * The engine's {@link ConfigReader}: plugins' own JSON files (a playbook file, the default
 * playbook resource) go through {@link Json#readObject(InputStream, String)}, the reader of
 * configuration files, with its limits and its duplicate-key rejection. Every {@code PluginConfig}
 * the engine creates carries it; it is also a service, for views created without the engine.
 */
public final class JsonConfigReader implements ConfigReader {

  /** The one instance the engine hands out. */
  public static final JsonConfigReader INSTANCE = new JsonConfigReader();

  /** For {@link java.util.ServiceLoader}; the engine uses {@link #INSTANCE}. */
  public JsonConfigReader() {}

  @Override
  public Map<String, Object> readObject(InputStream in, String source) {
    return Json.readObject(in, source);
  }

  @Override
  public List<Map<String, Object>> readObjects(InputStream in, String source) {
    return Json.readObjects(in, source);
  }
}
