/** Engine internals. Not API: may change in any release. */
@NullMarked
package org.clientele.core.internal;

import org.jspecify.annotations.NullMarked;
