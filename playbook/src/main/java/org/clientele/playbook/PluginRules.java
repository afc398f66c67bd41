package org.clientele.playbook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clientele.api.ConfigurationException;
import org.clientele.api.spi.PluginConfig;
import org.jspecify.annotations.Nullable;

/**
 * Finds the playbook rules that plugin jars ship for their own dimension: every resource named
 * {@value Playbook#PLUGIN_RULES_RESOURCE}, through the thread's context class loader (the engine
 * sets it to the loader that found its providers) and the playbook's own loader. A file outside a
 * package, so a named module's encapsulation does not hide it on the module path.
 */
final class PluginRules {

  private PluginRules() {}

  /**
   * Reads every plugin rules file, each through the engine's JSON reader ({@code
   * config.jsonDocuments}: a resource may hold several files one after another),
   * ordered by dimension and then by where it was found, so that ties at equal priority do not
   * depend on the order of the class path's jars more than they must.
   */
  static List<PluginConfig> find(PluginConfig config) {
    Map<String, URL> found = new LinkedHashMap<>();
    for (ClassLoader loader : loaders()) {
      try {
        Enumeration<URL> urls = loader.getResources(Playbook.PLUGIN_RULES_RESOURCE);
        while (urls.hasMoreElements()) {
          URL url = urls.nextElement();
          found.putIfAbsent(url.toString(), url);
        }
      } catch (IOException e) {
        throw new ConfigurationException(Playbook.PLUGIN_RULES_RESOURCE, "cannot list the plugins' playbook rules: " + e, e);
      }
    }
    List<PluginConfig> out = new ArrayList<>();
    for (Map.Entry<String, URL> e : found.entrySet()) {
      try (InputStream in = e.getValue().openStream()) {
        // A fat jar (maven-shade AppendingTransformer, Gradle shadow append) merges the files of
        // several plugins into one resource: every JSON object in it is a plugin's rules file.
        for (PluginConfig file : config.jsonDocuments(e.getKey(), in)) {
          out.addAll(ruleSets(file));
        }
      } catch (IOException x) {
        throw new ConfigurationException(e.getKey(), "cannot read the plugin's playbook rules: " + x, x);
      }
    }
    out.sort(PluginRules::byDimensionThenSource);
    return out;
  }

  /** One comparator method rather than a Comparator chain: each link is a lambda class a cold build spins. */
  private static int byDimensionThenSource(PluginConfig a, PluginConfig b) {
    int byDimension = dimensionOrEmpty(a).compareTo(dimensionOrEmpty(b));
    return byDimension != 0 ? byDimension : a.source().compareTo(b.source());
  }

  /**
   * The rule sets of one file: the file itself, or, for a jar that ships several dimensions, each
   * element of its {@code rulesets} array (each a rules document of one dimension, applied only
   * where that dimension is configured).
   */
  private static List<PluginConfig> ruleSets(PluginConfig file) {
    if (!file.has("rulesets")) {
      return List.of(file);
    }
    for (String key : file.keys()) {
      if (!key.equals("rulesets") && !key.equals("description")) {
        throw file.error(key, "a file of several rule sets has only \"description\" and \"rulesets\" at the top;"
            + " move \"" + key + "\" into the rule set of its dimension");
      }
    }
    file.string("description", "");
    List<PluginConfig> sets = file.sections("rulesets");
    if (sets.isEmpty()) {
      throw file.error("rulesets", "no rule set; give one object per dimension, each with \"dimension\" and \"rules\"");
    }
    return sets;
  }

  /** The dimension a plugin's rules are about; an error naming the file if it does not say. */
  static String dimension(PluginConfig plugin) {
    String dimension = plugin.string("dimension", "");
    if (dimension.isBlank()) {
      throw plugin.error("dimension", "plugin rules must name the dimension they are about, for example \"dimension\": \"needs\";"
          + " they apply only when that dimension is configured");
    }
    return dimension;
  }

  private static String dimensionOrEmpty(PluginConfig plugin) {
    return plugin.asMap().get("dimension") instanceof String s ? s : "";
  }

  private static List<ClassLoader> loaders() {
    List<ClassLoader> loaders = new ArrayList<>();
    @Nullable ClassLoader context = Thread.currentThread().getContextClassLoader();
    if (context != null) {
      loaders.add(context);
    }
    @Nullable ClassLoader own = PluginRules.class.getClassLoader();
    if (own != null && own != context) {
      loaders.add(own);
    }
    return loaders;
  }
}
