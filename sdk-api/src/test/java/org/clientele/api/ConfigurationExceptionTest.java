package org.clientele.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConfigurationExceptionTest {

  @Test
  void message_starts_with_the_location() {
    var e = new ConfigurationException(
        "clientele.json $.dimensions.value.thresholds.core", "expected a number >= 0, found \"high\"");

    assertThat(e).hasMessage("clientele.json $.dimensions.value.thresholds.core: expected a number >= 0, found \"high\"");
    assertThat(e.location()).isEqualTo("clientele.json $.dimensions.value.thresholds.core");
    assertThat(e).hasNoCause();
  }

  @Test
  void an_empty_location_leaves_just_the_problem() {
    var e = new ConfigurationException("", "no strategy configured");
    assertThat(e).hasMessage("no strategy configured");
    assertThat(e.location()).isEmpty();
  }

  @Test
  void keeps_the_cause() {
    var cause = new IllegalStateException("parse error");
    var e = new ConfigurationException("clientele.json", "not valid JSON", cause);
    assertThat(e).hasMessage("clientele.json: not valid JSON").hasCause(cause);
    assertThat(e.location()).isEqualTo("clientele.json");
  }
}
