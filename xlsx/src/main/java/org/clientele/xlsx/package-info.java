/**
 * Reading .xlsx workbooks as tables of customers or transactions.
 *
 * @since 0.1.0
 */
@NullMarked
package org.clientele.xlsx;

import org.jspecify.annotations.NullMarked;
