package org.clientele.cli;

import java.math.BigDecimal;
import java.util.Objects;
import org.clientele.core.cycle.ControlGroup;
import org.clientele.core.cycle.Snapshot;
import org.clientele.core.cycle.SnapshotInfo;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * Which control group the outcomes are measured against (outcomes and budget): the one recorded in
 * the results' snapshot sidecar, or the one given on the command line; both given must agree.
 */
final class ControlGroupOptions {

  @Option(names = "--control-share", paramLabel = "SHARE",
      description = "The share given to 'clientele classify --control-share'. Default: the share recorded in the"
          + " snapshot sidecar of the results file; given as well, it must agree with it.")
  @Nullable Double share;

  @Option(names = "--control-salt", paramLabel = "TEXT",
      description = "The --control-salt of classify. Default: the salt recorded beside the results, else empty.")
  @Nullable String salt;

  /** The control group, and where it came from, for the line the command prints. */
  record Resolved(ControlGroup group, String source) {
    Resolved {
      Objects.requireNonNull(group, "group");
      Objects.requireNonNull(source, "source");
    }

    String describe() {
      return "Control group: " + percent(group.share()) + " of each rule's customers held out"
          + (group.salt().isEmpty() ? "" : " (salt '" + group.salt() + "')") + ", " + source;
    }
  }

  /**
   * Resolves the control group.
   *
   * @param results the results the outcomes were recorded against, or null
   * @param option the command's option that names those results, for the message
   * @return the control group and where it came from
   * @throws CliException when neither is given, when they disagree, or when the results had none
   */
  Resolved resolve(@Nullable Snapshot results, String option) {
    SnapshotInfo info = results == null ? null : results.info().orElse(null);
    ControlGroup recorded = info == null ? null : info.controlGroup();
    String name = results == null ? "" : results.name();
    if (recorded != null) {
      String sidecar = name + SnapshotInfo.SUFFIX;
      if (share != null && share != recorded.share()) {
        throw new CliException("--control-share " + plain(share) + " disagrees with " + sidecar + ": the results were"
            + " written with --control-share " + plain(recorded.share()) + ". Fix: drop --control-share (the recorded"
            + " share is used), or give the results the outcomes were recorded against");
      }
      if (salt != null && !salt.equals(recorded.salt())) {
        throw new CliException("--control-salt '" + salt + "' disagrees with " + sidecar + ": the results were written"
            + " with --control-salt '" + recorded.salt() + "'. Fix: drop --control-salt, or give the results the"
            + " outcomes were recorded against");
      }
      if (recorded.share() == 0) {
        throw new CliException(name + " was written without a control group (" + sidecar + " records"
            + " --control-share 0): no customer was held out, so no rule can be measured. Fix: classify with"
            + " --control-share (for example 0.2), act on those results, and record the outcomes");
      }
      return new Resolved(recorded, "as recorded in " + sidecar);
    }
    if (share == null) {
      throw new CliException("which customers were held out? Give --control-share (and --control-salt) as given to"
          + " 'clientele classify', or " + option + " with the results file whose " + SnapshotInfo.SUFFIX + " sidecar"
          + " records them" + (results == null ? "" : " (" + name + " has none, or one written before the"
          + " control group was recorded)"));
    }
    try {
      return new Resolved(new ControlGroup(share, salt == null ? "" : salt), "as given by --control-share");
    } catch (IllegalArgumentException e) {
      throw new CliException("--control-share: " + e.getMessage(), e);
    }
  }

  private static String plain(double share) {
    return BigDecimal.valueOf(share).stripTrailingZeros().toPlainString();
  }

  private static String percent(double share) {
    return BigDecimal.valueOf(share).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
  }
}
