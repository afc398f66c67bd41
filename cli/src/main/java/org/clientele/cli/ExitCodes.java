package org.clientele.cli;

/**
 * The exit codes of the {@code clientele} command. Scripts can rely on them.
 *
 * <table>
 *   <caption>Exit codes</caption>
 *   <tr><th>code</th><th>meaning</th></tr>
 *   <tr><td>0</td><td>success: every input row was accepted</td></tr>
 *   <tr><td>1</td><td>fatal error: unreadable or missing file, invalid configuration, strict mode
 *       stopped at a bad row, a classifier failed under {@code fail-fast}; a one-line message on
 *       stderr says what and how to fix it</td></tr>
 *   <tr><td>2</td><td>usage error: unknown command or option, missing or malformed argument</td></tr>
 *   <tr><td>3</td><td>finished with rejections: results and report are complete for the accepted
 *       rows; the rejected rows are counted and, with {@code --rejections}, written to a file</td></tr>
 *   <tr><td>4</td><td>with {@code --strict-quality}: the segmentation has quality warnings (empty or
 *       tiny segments, tied cut points, contradictions); results and report are complete</td></tr>
 * </table>
 *
 * @since 0.1.0
 */
public final class ExitCodes {

  /** Success: every row read was accepted. */
  public static final int OK = 0;

  /** Fatal: nothing (more) could be done; the message on stderr names the cause and the fix. */
  public static final int FATAL = 1;

  /** The command line itself is wrong (unknown option, missing argument). */
  public static final int USAGE = 2;

  /** The work finished, but some input rows were rejected. */
  public static final int REJECTIONS = 3;

  /**
   * The work finished with a quality warning that must not pass silently: with {@code
   * --strict-quality}, the segmentation has quality warnings; for {@code outcomes}, a control-group
   * leak; for {@code validate-predictions}, a fit that did not converge or has warnings.
   */
  public static final int QUALITY = 4;

  private ExitCodes() {}
}
