/**
 * Derivation of per-customer features from a transaction log as of a reference date ({@link
 * org.clientele.core.features.FeatureDeriver}), the summary that follows the conventions of the
 * Python {@code lifetimes} library ({@link org.clientele.core.features.LifetimesSummary}), and the
 * join of derived features with customer attributes read from a customers file ({@link
 * org.clientele.core.features.CustomerJoin}).
 */
@NullMarked
package org.clientele.core.features;

import org.jspecify.annotations.NullMarked;
