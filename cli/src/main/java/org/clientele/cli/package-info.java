/**
 * The {@code clientele} command: {@link org.clientele.cli.Main} is the entry point; {@link
 * org.clientele.cli.ExitCodes} documents the exit codes.
 */
@NullMarked
package org.clientele.cli;

import org.jspecify.annotations.NullMarked;
