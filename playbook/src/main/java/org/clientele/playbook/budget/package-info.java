/**
 * Budget allocation: splits a total marketing budget over segments and their customers by weight
 * or expected value, with per-customer minimums and caps, reproducibly and to the last cent. A
 * standalone component with plain inputs, so a report can call it without an engine.
 */
@NullMarked
package org.clientele.playbook.budget;

import org.jspecify.annotations.NullMarked;
