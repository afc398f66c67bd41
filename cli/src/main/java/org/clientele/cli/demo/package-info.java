/**
 * A deterministic synthetic population of B2B accounts with two years of transactions, for the
 * demo, the million-customer run and benchmarks: {@link org.clientele.cli.demo.DemoPopulation}.
 */
@NullMarked
package org.clientele.cli.demo;

import org.jspecify.annotations.NullMarked;
