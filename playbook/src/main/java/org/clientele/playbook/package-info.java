/**
 * The built-in {@code playbook} strategy: a decision table, in JSON, from a customer's labels (and
 * optionally features) to a plan of actions.
 *
 * <p>{@link org.clientele.playbook.PlaybookStrategyProvider} is found by the engine
 * under the name {@code playbook}; it creates a {@link
 * org.clientele.playbook.Playbook}, which is the {@link org.clientele.api.Strategy}
 * and also answers {@link org.clientele.playbook.Playbook#coverage()} (dead zones and
 * shadowed rules) and {@link org.clientele.playbook.Playbook#explain} (which rule won
 * each category and why). See {@code docs/playbook.md} for the format.
 */
@NullMarked
package org.clientele.playbook;

import org.jspecify.annotations.NullMarked;
