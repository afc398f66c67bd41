/**
 * Outcome recording for the strategy cycle (evaluate and adjust): what happened to each planned
 * action (accepted, declined, revenue after), summarised per rule, per action and per segment.
 */
@NullMarked
package org.clientele.playbook.outcome;

import org.jspecify.annotations.NullMarked;
