/**
 * Reading customers and transactions from CSV and JSON Lines files, streaming and without losing
 * a row: every row is either accepted or becomes a {@link org.clientele.core.io.Rejection} that
 * names the file, line, column, value, reason and fix, and {@link org.clientele.core.io.ReadCounts}
 * keeps {@code read = accepted + rejected} per file.
 *
 * <p>Entry points: {@link org.clientele.core.io.TransactionReader} with a {@link
 * org.clientele.core.io.TransactionFormat}, {@link org.clientele.core.io.CustomerReader} with a
 * {@link org.clientele.core.io.CustomerFormat}, {@link org.clientele.core.io.InputConfig} for the
 * {@code input} section of a JSON configuration, and {@link org.clientele.core.io.RejectionWriter}
 * for the rejections file.
 */
@NullMarked
package org.clientele.core.io;

import org.jspecify.annotations.NullMarked;
