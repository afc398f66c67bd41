/**
 * Benchmarks of the predictions: the maximum-likelihood fits of BG/NBD, Pareto/NBD and
 * Gamma-Gamma on the CDNOW sample and on synthetic customer bases up to a million customers.
 */
@NullMarked
package org.clientele.benchmarks.predict;

import org.jspecify.annotations.NullMarked;
