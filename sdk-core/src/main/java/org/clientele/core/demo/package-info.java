/**
 * Deterministic synthetic populations, one generator for each level of data a user brings, so
 * that the demo, the benchmarks, the command line and the test kit share one implementation:
 *
 * <ul>
 *   <li>{@link org.clientele.core.demo.TransactionPopulation}: B2B accounts with two years of
 *       transactions, made one account at a time in constant memory, and {@link
 *       org.clientele.core.demo.DemoFiles}, which writes them as a customers CSV and a
 *       transactions CSV (or one customers CSV with the derived features);
 *   <li>{@link org.clientele.core.demo.FeaturePopulation}: customers described directly by
 *       their standard features, with no transactions behind them, for calibration and contract
 *       tests.
 * </ul>
 *
 * <p>The same size and seed always give the same population.
 *
 * @since 0.1.0
 */
@NullMarked
package org.clientele.core.demo;

import org.jspecify.annotations.NullMarked;
