package org.clientele.core.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.clientele.api.ConfigurationException;
import org.clientele.api.spi.DidYouMean;
import org.clientele.core.ProviderDiagnostic;
import org.jspecify.annotations.Nullable;

/**
 * The providers of one SPI, by name: those registered by hand first (they win), then those found
 * by {@link ServiceLoader}. A provider that fails to load or to name itself becomes a {@link
 * ProviderDiagnostic}; the others still load. Two discovered providers with one name are an error
 * naming both classes, unless a hand-registered provider of that name settles it.
 *
 * @param <P> the SPI type
 */
public final class Providers<P> {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]*");

  /**
   * Compiled on first use: only a broken provider's message needs it, and compiling its character
   * classes makes the JDK spin lambda classes, which every cold engine build would pay.
   */
  private static final class ClassName {
    static final Pattern PATTERN = Pattern.compile("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}.$]*");
  }

  // Bounds the loop if a broken ServiceLoader iterator keeps failing without advancing.
  private static final int MAX_FAILURES = 1_000;

  /** Where the providers this library knows of come from, for "unknown provider" messages. */
  private static final Map<String, String> KNOWN_ARTIFACTS =
      Map.of(
          "value", "org.clientele:clientele-classifiers-builtin",
          "loyalty", "org.clientele:clientele-classifiers-builtin",
          "behaviour", "org.clientele:clientele-classifiers-builtin",
          "rfm", "org.clientele:clientele-classifiers-builtin",
          "risk", "org.clientele:clientele-classifiers-builtin",
          "industry", "org.clientele:clientele-classifiers-builtin",
          "churn", "org.clientele:clientele-predict",
          "playbook", "org.clientele:clientele-playbook");

  private final String service;
  private final Map<String, P> byName;
  private final List<ProviderDiagnostic> diagnostics;
  /** Names two or more discovered providers share, with their classes: usable by none of them. */
  private final Map<String, List<String>> clashes;

  private Providers(String service, Map<String, P> byName, List<ProviderDiagnostic> diagnostics,
      Map<String, List<String>> clashes) {
    this.service = service;
    this.byName = byName;
    this.diagnostics = List.copyOf(diagnostics);
    this.clashes = Map.copyOf(clashes);
  }

  /**
   * Collects the providers of an SPI.
   *
   * @param type the SPI
   * @param explicit providers registered by hand, in registration order
   * @param discover whether to consult {@link ServiceLoader}
   * @param loader the class loader for discovery, or null for the thread context loader
   * @param nameOf reads a provider's name
   * @param allowed the names a discovered provider may have, or null to allow every name; a
   *     discovered provider with another name becomes a diagnostic and is never used
   * @param <P> the SPI type
   * @return the providers; two discovered providers with one name become a diagnostic, and that
   *     name an error only where it is {@linkplain #require required}
   * @throws ConfigurationException if two providers registered by hand share a name
   */
  public static <P> Providers<P> collect(
      Class<P> type,
      List<P> explicit,
      boolean discover,
      @Nullable ClassLoader loader,
      Function<P, String> nameOf,
      @Nullable Set<String> allowed) {
    String service = type.getSimpleName();
    List<ProviderDiagnostic> diagnostics = new ArrayList<>();
    Map<String, P> chosen = new LinkedHashMap<>();
    Map<String, List<String>> clashes = new LinkedHashMap<>();
    for (P p : explicit) {
      String name = nameOf.apply(p);
      P before = chosen.putIfAbsent(name, p);
      if (before != null) {
        throw duplicate(service, name, before, p, "registered by hand twice");
      }
    }
    if (discover) {
      Map<String, P> found = new LinkedHashMap<>();
      Iterator<P> it = ServiceLoader.load(type, loader).iterator();
      int failures = 0;
      while (failures < MAX_FAILURES) {
        P p;
        try {
          if (!it.hasNext()) {
            break;
          }
          p = it.next();
        } catch (ServiceConfigurationError e) {
          failures++;
          diagnostics.add(new ProviderDiagnostic(service, culprit(type, e), "failed to load", describe(e)));
          continue;
        }
        String name;
        try {
          name = nameOf.apply(p);
        } catch (RuntimeException | LinkageError e) {
          diagnostics.add(new ProviderDiagnostic(service, p.getClass().getName(), "name() failed", describe(e)));
          continue;
        }
        if (name == null || !NAME.matcher(name).matches()) {
          diagnostics.add(
              new ProviderDiagnostic(
                  service, p.getClass().getName(), "invalid name '" + name + "' (expected [a-z][a-z0-9_-]*)", ""));
          continue;
        }
        if (chosen.containsKey(name)) {
          continue; // registered by hand: explicit wins
        }
        if (allowed != null && !allowed.contains(name)) {
          diagnostics.add(
              new ProviderDiagnostic(
                  service, p.getClass().getName(),
                  "refused: '" + name + "' is not in the allow-list (EngineBuilder.allowProviders)", ""));
          continue;
        }
        P before = found.putIfAbsent(name, p);
        if (before != null && before.getClass() != p.getClass()) {
          // Not an error yet: a run that does not use this name must not break because two jars
          // on the path both offer it. Using it is the error (require).
          List<String> classes = clashes.computeIfAbsent(name, n -> new ArrayList<>(List.of(before.getClass().getName())));
          if (!classes.contains(p.getClass().getName())) {
            classes.add(p.getClass().getName());
          }
        }
      }
      for (Map.Entry<String, List<String>> clash : clashes.entrySet()) {
        String name = clash.getKey();
        found.remove(name);
        diagnostics.add(new ProviderDiagnostic(service, String.join(" and ", clash.getValue()),
            "two providers are named '" + name + "': neither is used, and a configuration naming '" + name + "' fails", ""));
      }
      for (Map.Entry<String, P> e : found.entrySet()) {
        chosen.putIfAbsent(e.getKey(), e.getValue());
      }
    }
    return new Providers<>(service, chosen, diagnostics, clashes);
  }

  /**
   * Returns the names that two or more discovered providers share: none of them is used.
   *
   * @return the names, with the classes that claim each
   */
  public Map<String, List<String>> clashes() {
    return clashes;
  }

  private static ConfigurationException duplicate(String service, String name, Object a, Object b, String how) {
    return new ConfigurationException(
        "",
        "Two "
            + service
            + " implementations are named '"
            + name
            + "' ("
            + how
            + "): "
            + a.getClass().getName()
            + " and "
            + b.getClass().getName()
            + ". Remove one of the jars, or register the one you want with Engine.builder().register(...).");
  }

  /**
   * Finds the provider class in ServiceLoader's message, which reads "{@code <service>: Provider
   * <class> could not be instantiated}", "{@code <service>: Provider <class> not found}" or
   * "{@code <service>: <class> not a subtype}".
   */
  static String culprit(Class<?> type, ServiceConfigurationError e) {
    String m = String.valueOf(e.getMessage());
    String prefix = type.getName() + ": ";
    if (m.startsWith(prefix)) {
      m = m.substring(prefix.length());
    }
    if (m.startsWith("Provider ")) {
      m = m.substring("Provider ".length());
    }
    int end = m.indexOf(' ');
    String name = end < 0 ? m : m.substring(0, end);
    return ClassName.PATTERN.matcher(name).matches() ? name : "(unknown class)";
  }

  private static String describe(Throwable e) {
    Throwable root = e;
    StringBuilder sb = new StringBuilder(e.toString());
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
      sb.append(" <- ").append(root);
    }
    return sb.toString();
  }

  /**
   * Finds a provider by name.
   *
   * @param name the provider name
   * @return the provider, or null
   */
  public @Nullable P get(String name) {
    return byName.get(name);
  }

  /**
   * Finds a provider by name or explains what to do.
   *
   * @param name the provider name
   * @param location the file and JSON path that named it
   * @return the provider
   * @throws ConfigurationException listing the known names and the artifact to add
   */
  public P require(String name, String location) {
    return require(name, location, "");
  }

  /**
   * Finds a provider by name or explains what to do, the message starting with the context.
   *
   * @param name the provider name
   * @param location the file and JSON path that named it
   * @param context how the configuration came to name it, for example that a dimension without a
   *     {@code provider} key uses the provider of its own name; empty for none
   * @return the provider
   * @throws ConfigurationException listing the known names, the nearest one and where a plugin is
   *     found; or, for a name two discovered providers share, naming both and how to settle it
   */
  public P require(String name, String location, String context) {
    P p = byName.get(name);
    if (p != null) {
      return p;
    }
    List<String> clash = clashes.get(name);
    if (clash != null) {
      throw new ConfigurationException(location, context + "Two " + service + " implementations are named '" + name
          + "' (both found on the class path): " + String.join(" and ", clash) + ". Remove one of the jars from the"
          + " class path (or from the clientele command's --plugins folder), or in a host register the one you want"
          + " with Engine.builder().register(...).");
    }
    StringBuilder msg = new StringBuilder(context);
    msg.append("unknown ").append(service).append(" '").append(name).append("'.");
    DidYouMean.nearest(name, byName.keySet()).ifPresent(near -> msg.append(" Did you mean '").append(near).append("'?"));
    msg.append(" Known: ").append(new TreeMap<>(byName).keySet()).append('.');
    String artifact = KNOWN_ARTIFACTS.get(name);
    if (artifact != null) {
      msg.append(" '").append(name).append("' comes with ").append(artifact).append(": add it to the class path.");
    } else if (Providers.class.getModule().isNamed()) {
      msg.append(" On the module path, a plugin's provider is found when its module is on the module path and its"
          + " module-info.java declares it: provides org.clientele.api.spi.").append(service).append(" with <the class>;"
          + " (on the class path: a META-INF/services/org.clientele.api.spi.").append(service).append(" entry).");
    } else {
      msg.append(" A plugin's provider is found when its jar is on the class path and declares it in"
          + " META-INF/services/org.clientele.api.spi.").append(service).append(" (the clientele command loads"
          + " the jars of a folder with --plugins DIR).");
    }
    if (!diagnostics.isEmpty()) {
      msg.append(" Providers that failed to load: ").append(diagnostics).append('.');
    }
    throw new ConfigurationException(location, msg.toString());
  }

  /**
   * Returns the providers by name, hand-registered first, then in discovery order.
   *
   * @return an unmodifiable map
   */
  public Map<String, P> byName() {
    return java.util.Collections.unmodifiableMap(byName);
  }

  /**
   * Returns the providers that failed to load or were set aside.
   *
   * @return the diagnostics
   */
  public List<ProviderDiagnostic> diagnostics() {
    return diagnostics;
  }
}
