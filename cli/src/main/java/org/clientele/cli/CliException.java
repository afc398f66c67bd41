package org.clientele.cli;

/**
 * A fatal error with a message meant for the user as it is: one line naming what is wrong and how
 * to fix it. The command exits with {@link ExitCodes#FATAL}.
 */
final class CliException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  CliException(String message) {
    super(message);
  }

  CliException(String message, Throwable cause) {
    super(message, cause);
  }
}
