/**
 * The {@code behaviour} dimension with two schemes: the visit lifecycle (ACTIVE, NEW, SWINGING,
 * AT_RISK, LOST, PROSPECT) and purchase activity (ACTIVE, PASSIVE, PROSPECT). See {@link
 * org.clientele.classifiers.behaviour.BehaviourClassifierProvider}.
 */
@NullMarked
package org.clientele.classifiers.behaviour;

import org.jspecify.annotations.NullMarked;
