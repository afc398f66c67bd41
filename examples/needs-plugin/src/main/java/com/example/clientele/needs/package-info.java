/**
 * The {@code acme-needs} dimension: what a customer buys from us, {@code PRODUCT}, {@code SERVICE} or
 * {@code SOLUTION} (or {@code UNKNOWN}), from its own input columns. See {@link
 * com.example.clientele.needs.NeedsClassifierProvider}.
 */
@NullMarked
package com.example.clientele.needs;

import org.jspecify.annotations.NullMarked;
