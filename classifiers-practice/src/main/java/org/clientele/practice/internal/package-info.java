/**
 * Helpers shared by the practice dimensions; not exported, not API.
 */
@NullMarked
package org.clientele.practice.internal;

import org.jspecify.annotations.NullMarked;
