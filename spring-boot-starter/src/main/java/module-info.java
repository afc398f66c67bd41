/**
 * Spring Boot 4 auto-configuration for Clientele: an {@link org.clientele.core.Engine} built from
 * {@code clientele.*} properties, reloaded when its model file changes, Micrometer metrics, an
 * actuator health indicator, and batch classification on the host's executor.
 */
// Spring Boot and Micrometer jars declare Automatic-Module-Name entries (stable names), not module
// descriptors; they are required by those names, transitively where their types (annotations,
// HealthIndicator, MeterBinder) appear on this module's public classes.
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module org.clientele.spring {
  requires transitive org.clientele.core;
  requires static org.jspecify;
  requires org.slf4j;
  requires transitive spring.beans;
  requires transitive spring.context;
  requires transitive spring.core;
  requires transitive spring.boot;
  requires transitive spring.boot.autoconfigure;
  requires static transitive micrometer.core;
  requires static transitive spring.boot.health;

  exports org.clientele.spring;

  opens org.clientele.spring to spring.core, spring.beans, spring.context;
}
