/**
 * The engine. Start with {@link org.clientele.core.Engine#builder()}.
 *
 * <pre>{@code
 * Engine engine = Engine.builder().configuration(Path.of("clientele.json")).build();
 * Classification result = engine.classify(customer);
 * result.label("value");        // "CORE"
 * result.plan().actions();      // what to do
 * }</pre>
 */
@NullMarked
package org.clientele.core;

import org.jspecify.annotations.NullMarked;
