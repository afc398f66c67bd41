/** Benchmarks of the built-in classifiers and the playbook strategy on their own. */
@NullMarked
package org.clientele.benchmarks.classifiers;

import org.jspecify.annotations.NullMarked;
