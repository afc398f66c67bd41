package org.clientele.core.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.clientele.api.Assignment;
import org.clientele.api.Dimension;
import org.clientele.api.Plan;
import org.clientele.api.Reason;
import org.clientele.api.StandardFeatures;
import org.clientele.core.Explanation;
import org.junit.jupiter.api.Test;

/**
 * An analyst's finding: {@code compare} explained a loyalty move by a feature that had not changed.
 * Loyalty states every criterion with the new label's threshold, so a criterion whose threshold
 * text differs is not the cause unless its value moved too.
 */
class MoveReasonTest {

  private static final Dimension LOYALTY = Dimension.of("loyalty", "HIGH", "MEDIUM", "LOW");

  private static Explanation explained(String label, Reason... reasons) {
    return new Explanation("C1", List.of(Assignment.of(LOYALTY, label, Double.NaN, List.of(reasons))), Plan.EMPTY);
  }

  @Test
  void aLoyaltyMoveIsExplainedByTheFeatureThatMovedNotByOneWhoseThresholdTextDiffers() {
    Explanation before = explained("MEDIUM",
        Reason.of(StandardFeatures.TENURE_DAYS, 800.0, ">= 365", "tenure 800 days is at least the medium 365"),
        Reason.of(StandardFeatures.REPEAT_PURCHASES, 3.0, ">= 2 and < 6", "3 repeat purchases is medium"));
    Explanation after = explained("HIGH",
        Reason.of(StandardFeatures.TENURE_DAYS, 800.0, ">= 730", "tenure 800 days is at least the high 730"),
        Reason.of(StandardFeatures.REPEAT_PURCHASES, 7.0, ">= 6", "7 repeat purchases is high"));

    Migration.Move move = SnapshotComparison.reason(
        new Migration.Move("C1", "loyalty", "MEDIUM", "HIGH", null, null), before, after);

    assertThat(move.feature()).isEqualTo("repeat_purchases");
    assertThat(move.reason()).startsWith("repeat_purchases 3 -> 7, threshold >= 6 (was >= 2 and < 6)");
  }

  @Test
  void aValueIsShownRoundedOfItsBinaryNoise() {
    Explanation before = explained("MEDIUM",
        Reason.of(StandardFeatures.REVENUE_12M, 7800.789999999999, "< 9449.46", "below"));
    Explanation after = explained("HIGH",
        Reason.of(StandardFeatures.REVENUE_12M, 12577.850000000002, ">= 9449.46", "above"));

    Migration.Move move = SnapshotComparison.reason(
        new Migration.Move("C1", "loyalty", "MEDIUM", "HIGH", null, null), before, after);

    assertThat(move.reason()).startsWith("revenue_12m 7800.79 -> 12577.85, threshold >= 9449.46");
  }
}
