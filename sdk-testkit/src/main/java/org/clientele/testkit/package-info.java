/**
 * Contract tests, fixtures and assertions for Clientele plugins. A plugin's whole contract test:
 *
 * <pre>{@code
 * class GeographyContractTest extends ClassifierProviderContract {
 *   @Override
 *   protected ClassifierProvider provider() {
 *     return new GeographyClassifierProvider();
 *   }
 * }
 * }</pre>
 */
@NullMarked
package org.clientele.testkit;

import org.jspecify.annotations.NullMarked;
