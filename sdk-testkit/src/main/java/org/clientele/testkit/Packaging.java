package org.clientele.testkit;

import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolutionException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Loads a plugin the two ways users load it, apart from how the test itself runs: on a class path
 * of its own (the plugin's classes and sdk-api alone, as {@code java -cp clientele.jar:plugin.jar}
 * sees them), and as a module in a layer of its own (as {@code java --module-path} sees it).
 * Surefire runs tests on the module path when the plugin has a {@code module-info}, and there {@code
 * META-INF/services} is never read; on the class path {@code provides} is never read. Each check
 * therefore builds its own loader, so a missing declaration fails whichever way the tests run.
 */
final class Packaging {

  // Bounds the loop if a broken iterator keeps failing without advancing.
  private static final int MAX_FAILURES = 1_000;

  private Packaging() {}

  /** What one way of loading found: the problem to report, or null; or a reason the check does not apply. */
  record Outcome(@Nullable String problem, @Nullable String notApplicable) {
    static Outcome ok() {
      return new Outcome(null, null);
    }

    static Outcome problem(String problem) {
      return new Outcome(problem, null);
    }

    static Outcome notApplicable(String why) {
      return new Outcome(null, why);
    }
  }

  /**
   * Where a class was loaded from: a jar or a classes directory.
   *
   * @return the path, or empty if the class has no code source (the JDK's own classes)
   */
  static Optional<Path> location(Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Path.of(source.getLocation().toURI()));
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Lists the modules on the test's own class or module path that a plugin module may need at run
   * time, by module name, first entry of a name winning. JSpecify is left out on purpose: a host
   * does not get it (sdk-api and plugins declare it optional), so a plugin that requires it without
   * {@code static} must fail here as it fails for users.
   *
   * @param exclude module names the caller supplies itself
   * @return the jars and folders that hold those modules
   */
  static List<Path> runtimeModules(Set<String> exclude) {
    java.util.Map<String, Path> byName = new java.util.LinkedHashMap<>();
    for (String property : new String[] {"jdk.module.path", "java.class.path"}) {
      String value = System.getProperty(property, "");
      for (String entry : value.split(java.io.File.pathSeparator)) {
        if (entry.isBlank()) {
          continue;
        }
        try {
          Path path = Path.of(entry);
          for (ModuleReference ref : ModuleFinder.of(path).findAll()) {
            String name = ref.descriptor().name();
            if (!exclude.contains(name) && !name.equals("org.jspecify")) {
              byName.putIfAbsent(name, path);
            }
          }
        } catch (FindException | java.nio.file.InvalidPathException | SecurityException notAModule) {
          // not usable as a module (for example a jar whose name gives no valid automatic module name)
        }
      }
    }
    return List.copyOf(new java.util.LinkedHashSet<>(byName.values()));
  }

  /**
   * Finds the provider on a class path of the plugin's location and the API's location only.
   *
   * @param service the service's binary name
   * @param provider the provider's binary name
   * @param plugin the plugin's jar or classes directory
   * @param runtime the rest of the class path (sdk-api)
   */
  static Outcome onTheClassPath(String service, String provider, Path plugin, List<Path> runtime) {
    List<URL> urls = new ArrayList<>();
    try {
      urls.add(plugin.toUri().toURL());
      for (Path p : runtime) {
        urls.add(p.toUri().toURL());
      }
    } catch (MalformedURLException e) {
      return Outcome.notApplicable("cannot name " + plugin + " as a URL: " + e.getMessage());
    }
    String file = "META-INF/services/" + service;
    // Parent: the bootstrap loader. The platform loader would hand packages of the test's own named
    // modules to the application loader, and ServiceLoader skips classes in named modules here.
    try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), null)) {
      Class<?> type = loader.loadClass(service);
      List<String> found = new ArrayList<>();
      List<String> errors = new ArrayList<>();
      Iterator<? extends ServiceLoader.Provider<?>> it = ServiceLoader.load(type, loader).stream().iterator();
      while (errors.size() < MAX_FAILURES) {
        try {
          if (!it.hasNext()) {
            break;
          }
          found.add(it.next().type().getName());
        } catch (ServiceConfigurationError e) {
          errors.add(e.getMessage());
        }
      }
      if (found.contains(provider)) {
        return Outcome.ok();
      }
      return Outcome.problem("on the class path (java -cp ...:" + plugin.getFileName() + "), ServiceLoader does not find "
          + provider + (errors.isEmpty() ? "" : " (" + String.join("; ", errors) + ")") + (found.isEmpty() ? ""
              : "; it finds " + found) + ". List the class name in src/main/resources/" + file + " (on the class"
          + " path ServiceLoader reads only that file; module-info's provides is not read there).");
    } catch (ClassNotFoundException e) {
      return Outcome.notApplicable("the service type " + service + " is not in " + runtime);
    } catch (IOException e) {
      return Outcome.notApplicable("cannot close the class loader: " + e.getMessage());
    }
  }

  /**
   * Resolves the plugin as a module in a layer of its own with the API modules and finds the
   * provider there.
   *
   * @param service the service's binary name
   * @param provider the provider's binary name
   * @param plugin the plugin's jar or classes directory
   * @param runtime the rest of the module path (sdk-api, JSpecify)
   */
  static Outcome onTheModulePath(String service, String provider, Path plugin, List<Path> runtime) {
    Set<ModuleReference> own;
    try {
      own = ModuleFinder.of(plugin).findAll();
    } catch (FindException e) {
      return Outcome.problem("on the module path, " + plugin.getFileName() + " is not a module: " + e.getMessage());
    }
    if (own.size() != 1) {
      return Outcome.notApplicable(plugin + " has no module-info.class: it is not a named module (as a jar on the"
          + " module path it is an automatic module, which offers what its META-INF/services lists)");
    }
    ModuleDescriptor descriptor = own.iterator().next().descriptor();
    String name = descriptor.name();
    boolean provides = descriptor.provides().stream()
        .anyMatch(p -> p.service().equals(service) && p.providers().contains(provider));
    if (!provides) {
      return Outcome.problem("on the module path, module " + name + " does not offer " + provider + ": add 'provides "
          + service + " with " + provider + ";' to its module-info.java (on the module path ServiceLoader reads only"
          + " provides; META-INF/services is not read there)");
    }
    List<Path> path = new ArrayList<>();
    path.add(plugin);
    path.addAll(runtime);
    Configuration configuration;
    ModuleLayer layer;
    try {
      configuration = ModuleLayer.boot().configuration()
          .resolve(ModuleFinder.of(path.toArray(Path[]::new)), ModuleFinder.of(), Set.of(name));
      layer = ModuleLayer.boot().defineModulesWithOneLoader(configuration, ClassLoader.getPlatformClassLoader());
    } catch (FindException | ResolutionException | LayerInstantiationException e) {
      String hint = String.valueOf(e.getMessage()).contains("org.jspecify")
          ? " Write 'requires static org.jspecify;' (the annotations are needed to compile, not to run)." : "";
      return Outcome.problem("on the module path (with " + path + "), module " + name + " does not resolve: "
          + e.getMessage() + "." + hint);
    }
    ClassLoader loader = layer.findLoader(name);
    Class<?> type;
    try {
      type = loader.loadClass(service);
    } catch (ClassNotFoundException e) {
      return Outcome.notApplicable("the service type " + service + " is not in " + runtime);
    }
    List<String> errors = new ArrayList<>();
    Iterator<? extends ServiceLoader.Provider<?>> it = ServiceLoader.load(layer, type).stream().iterator();
    while (errors.size() < MAX_FAILURES) {
      try {
        if (!it.hasNext()) {
          break;
        }
        ServiceLoader.Provider<?> p = it.next();
        if (p.type().getName().equals(provider) && p.type().getModule().getLayer() == layer) {
          p.get();
          return Outcome.ok();
        }
      } catch (ServiceConfigurationError e) {
        // the parent layers' copies of the service do not match this layer's type; only this layer counts
        if (e.getMessage() != null && e.getMessage().contains(provider) && !e.getMessage().contains("not a subtype")) {
          errors.add(e.getMessage());
        }
      }
    }
    return Outcome.problem("on the module path, ServiceLoader does not load " + provider + " from module " + name
        + (errors.isEmpty() ? "" : ": " + String.join("; ", errors))
        + ". The class must be public with a public no-argument constructor (or a public static provider() method).");
  }
}
