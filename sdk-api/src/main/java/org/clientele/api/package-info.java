/**
 * The types a host application and a plugin author meet: {@link org.clientele.api.Customer} and
 * its {@link org.clientele.api.Feature features}, {@link org.clientele.api.Dimension dimensions},
 * {@link org.clientele.api.Classifier classifiers} and their {@link org.clientele.api.Assignment
 * assignments}, and {@link org.clientele.api.Strategy strategies} producing a {@link
 * org.clientele.api.Plan plan} of {@link org.clientele.api.Action actions}.
 */
@NullMarked
package org.clientele.api;

import org.jspecify.annotations.NullMarked;
