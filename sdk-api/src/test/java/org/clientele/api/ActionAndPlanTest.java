package org.clientele.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ActionAndPlanTest {

  private static Action action(String code, ActionCategory category, int priority) {
    return new Action(code, category, "Do " + code, priority, "rule-1", "Because " + code);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dedicated-account-manager", "a", "9", "vip_discount", "credit.review-2", "x-"})
  void accepts_lowercase_kebab_or_snake_codes(String code) {
    assertThat(action(code, ActionCategory.SERVICE, 1).code()).isEqualTo(code);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Dedicated", "VIP", "-lead", "_lead", ".lead", "two words", "", "caf\u00e9"})
  void rejects_other_codes_with_the_accepted_form(String code) {
    assertThatThrownBy(() -> action(code, ActionCategory.SERVICE, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Action code '" + code + "' must be lowercase kebab or snake case");
  }

  @Test
  void null_parts_are_named() {
    assertThatThrownBy(() -> new Action(nullString(), ActionCategory.PRICING, "d", 1, "r", "why"))
        .isInstanceOf(NullPointerException.class).hasMessage("code");
    assertThatThrownBy(() -> new Action("c", nullCategory(), "d", 1, "r", "why"))
        .isInstanceOf(NullPointerException.class).hasMessage("category");
    assertThatThrownBy(() -> new Action("c", ActionCategory.PRICING, nullString(), 1, "r", "why"))
        .isInstanceOf(NullPointerException.class).hasMessage("description");
    assertThatThrownBy(() -> new Action("c", ActionCategory.PRICING, "d", 1, nullString(), "why"))
        .isInstanceOf(NullPointerException.class).hasMessage("rule");
    assertThatThrownBy(() -> new Action("c", ActionCategory.PRICING, "d", 1, "r", nullString()))
        .isInstanceOf(NullPointerException.class).hasMessage("rationale");
  }

  @Test
  void action_categories_cover_the_marketing_and_service_mix() {
    assertThat(ActionCategory.values())
        .containsExactly(
            ActionCategory.PRODUCT, ActionCategory.PRICING, ActionCategory.CHANNEL, ActionCategory.PROMOTION,
            ActionCategory.SERVICE, ActionCategory.FOLLOW_UP, ActionCategory.RISK_CONTROL);
  }

  @Test
  void plan_orders_by_priority_descending_then_by_category() {
    Action lowService = action("low-service", ActionCategory.SERVICE, 1);
    Action highRisk = action("high-risk", ActionCategory.RISK_CONTROL, 90);
    Action highProduct = action("high-product", ActionCategory.PRODUCT, 90);
    Action midPricing = action("mid-pricing", ActionCategory.PRICING, 50);
    Action negativeChannel = action("negative-channel", ActionCategory.CHANNEL, -5);
    Action highChannel = action("high-channel", ActionCategory.CHANNEL, 90);

    Plan plan = new Plan(List.of(lowService, highRisk, negativeChannel, highProduct, midPricing, highChannel));

    assertThat(plan.actions())
        .containsExactly(highProduct, highChannel, highRisk, midPricing, lowService, negativeChannel);
  }

  @Test
  void plan_keeps_the_given_order_among_equal_priority_and_category() {
    Action first = action("first", ActionCategory.PROMOTION, 10);
    Action second = action("second", ActionCategory.PROMOTION, 10);
    assertThat(new Plan(List.of(first, second)).actions()).containsExactly(first, second);
    assertThat(new Plan(List.of(second, first)).actions()).containsExactly(second, first);
  }

  @Test
  void actions_of_a_category_are_filtered_and_most_urgent_first() {
    Action callSoon = action("call-soon", ActionCategory.FOLLOW_UP, 20);
    Action callNow = action("call-now", ActionCategory.FOLLOW_UP, 80);
    Action discount = action("discount", ActionCategory.PRICING, 50);
    Plan plan = new Plan(List.of(callSoon, discount, callNow));

    assertThat(plan.actions(ActionCategory.FOLLOW_UP)).containsExactly(callNow, callSoon);
    assertThat(plan.actions(ActionCategory.PRICING)).containsExactly(discount);
    assertThat(plan.actions(ActionCategory.RISK_CONTROL)).isEmpty();
  }

  @Test
  void plan_copies_its_actions_and_is_unmodifiable() {
    List<Action> source = new ArrayList<>(List.of(action("a", ActionCategory.PRODUCT, 1)));
    Plan plan = new Plan(source);
    source.add(action("b", ActionCategory.PRODUCT, 2));

    assertThat(plan.actions()).extracting(Action::code).containsExactly("a");
    assertThatThrownBy(() -> plan.actions().add(action("c", ActionCategory.PRODUCT, 3)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void empty_plan_is_empty() {
    assertThat(Plan.EMPTY.isEmpty()).isTrue();
    assertThat(Plan.EMPTY.actions()).isEmpty();
    assertThat(new Plan(List.of())).isEqualTo(Plan.EMPTY);
    assertThat(new Plan(List.of(action("a", ActionCategory.PRODUCT, 1))).isEmpty()).isFalse();
  }

  @Test
  void plans_with_the_same_actions_in_any_input_order_are_equal() {
    Action a = action("a", ActionCategory.PRODUCT, 1);
    Action b = action("b", ActionCategory.SERVICE, 2);
    assertThat(new Plan(List.of(a, b))).isEqualTo(new Plan(List.of(b, a)));
  }

  private static String nullString() {
    return null;
  }

  private static ActionCategory nullCategory() {
    return null;
  }
}
