package org.clientele.spring;

import java.nio.file.Path;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configures Clientele from {@code clientele.*} ({@link ClienteleProperties}): a {@link
 * ReloadingEngine} on {@code clientele.model}, a {@link ModelWatcher} that swaps it when the file
 * changes, a {@link ClienteleService}, and, when the host has them, {@link ClienteleMetrics}
 * (Micrometer) and {@link ClienteleHealthIndicator} (actuator). Every bean backs off if the host
 * defines its own.
 *
 * <p>Batch work runs on the host's executor: the bean named {@code clienteleExecutor} if there is
 * one, else Spring Boot's {@code applicationTaskExecutor}, else the only {@link Executor} bean, else
 * the calling thread.
 *
 * @since 0.1.0
 */
@AutoConfiguration(afterName = "org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration")
@EnableConfigurationProperties(ClienteleProperties.class)
public class ClienteleAutoConfiguration {

  /** The executor bean name a host can define to run Clientele's batch work on. */
  public static final String EXECUTOR_BEAN = "clienteleExecutor";

  /** Created by Spring. */
  public ClienteleAutoConfiguration() {}

  /**
   * The engine holder, built from {@code clientele.model}.
   *
   * @param properties the properties
   * @return the holder
   * @throws IllegalStateException if {@code clientele.model} is not set
   */
  @Bean
  @ConditionalOnMissingBean
  public ReloadingEngine clienteleEngine(ClienteleProperties properties) {
    Path model = properties.getModel();
    if (model == null) {
      throw new IllegalStateException("Set clientele.model to the configuration or calibrated model file "
          + "the engine should run (for example clientele.model=/etc/clientele/model.json)");
    }
    return new ReloadingEngine(model, properties.getAllowProviders());
  }

  @Bean
  @ConditionalOnProperty(name = "clientele.reload.enabled", havingValue = "true", matchIfMissing = true)
  ModelWatcher clienteleModelWatcher(ReloadingEngine engines, ClienteleProperties properties) {
    return new ModelWatcher(engines, properties.getReload().getInterval());
  }

  /**
   * The service a host injects.
   *
   * @param engines the engine holder
   * @param observers the metrics, if present
   * @param beans to find the host's executor
   * @param properties the properties
   * @return the service
   */
  @Bean
  @ConditionalOnMissingBean
  public ClienteleService clienteleService(
      ReloadingEngine engines,
      ObjectProvider<ClassificationObserver> observers,
      BeanFactory beans,
      ClienteleProperties properties) {
    return new ClienteleService(
        engines,
        observers.getIfUnique(() -> ClassificationObserver.NONE),
        hostExecutor(beans),
        properties.getBatch().getChunkSize(),
        properties.getBatch().getMaxInFlight());
  }

  private static Executor hostExecutor(BeanFactory beans) {
    for (String name : new String[] {EXECUTOR_BEAN, "applicationTaskExecutor"}) {
      if (beans.containsBean(name) && beans.isTypeMatch(name, Executor.class)) {
        return beans.getBean(name, Executor.class);
      }
    }
    Executor only = beans.getBeanProvider(Executor.class).getIfUnique();
    return only != null ? only : Runnable::run;
  }

  /**
   * Micrometer meters, when Micrometer is on the class path.
   *
   * @since 0.1.0
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
  public static class Metrics {

    /** Created by Spring. */
    public Metrics() {}

    /**
     * The meter binder (also the service's classification observer).
     *
     * @param engines the engine holder
     * @return the meters
     */
    @Bean
    @ConditionalOnMissingBean
    public ClienteleMetrics clienteleMetrics(ReloadingEngine engines) {
      return new ClienteleMetrics(engines);
    }
  }

  /**
   * The health indicator, when Spring Boot's health support is on the class path.
   *
   * @since 0.1.0
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
  public static class HealthConfiguration {

    /** Created by Spring. */
    public HealthConfiguration() {}

    /**
     * The {@code clientele} health indicator.
     *
     * @param engines the engine holder
     * @return the indicator
     */
    @Bean(name = "clienteleHealthIndicator")
    @ConditionalOnMissingBean(name = "clienteleHealthIndicator")
    public ClienteleHealthIndicator clienteleHealthIndicator(ReloadingEngine engines) {
      return new ClienteleHealthIndicator(engines);
    }
  }
}
