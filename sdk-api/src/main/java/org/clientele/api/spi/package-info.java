/**
 * The plugin SPI. A plugin jar implements {@link org.clientele.api.spi.ClassifierProvider},
 * {@link org.clientele.api.spi.StrategyProvider} or {@link org.clientele.api.spi.FeatureProvider}
 * and declares it both in {@code
 * META-INF/services/} and with {@code provides ... with ...} in its {@code module-info.java}; the
 * engine finds it with {@link java.util.ServiceLoader}.
 */
@NullMarked
package org.clientele.api.spi;

import org.jspecify.annotations.NullMarked;
