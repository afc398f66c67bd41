/**
 * The {@code churn} dimension: a purchase model (Pareto/NBD by default, or BG/NBD) fitted on the
 * population at calibration time, its parameters stored in the model JSON, and customers labelled
 * ACTIVE, COOLING, AT_RISK or CHURNED by P(alive) (or by the probability of buying within the
 * horizon), each label explained with the customer's history and the model's parameters.
 *
 * @since 0.1.0
 */
@NullMarked
package org.clientele.predict.churn;

import org.jspecify.annotations.NullMarked;
