package org.clientele.api.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pins that a configuration built in code equals the same configuration read from JSON. */
class PluginConfigNumbersTest {

  @Test
  void wholeNumbersOfAnyJavaTypeGiveEqualConfigurations() {
    PluginConfig fromInt = PluginConfig.of("value", Map.of("k", 5));
    PluginConfig fromLong = PluginConfig.of("value", Map.of("k", 5L));
    PluginConfig fromShort = PluginConfig.of("value", Map.of("k", (short) 5));
    PluginConfig fromBig = PluginConfig.of("value", Map.of("k", BigInteger.valueOf(5)));

    assertThat(fromInt).isEqualTo(fromLong).isEqualTo(fromShort).isEqualTo(fromBig);
    assertThat(fromInt.asMap().get("k")).isEqualTo(5L);
  }

  @Test
  void fractionalNumbersOfAnyJavaTypeGiveEqualConfigurations() {
    assertThat(PluginConfig.of("value", Map.of("k", 0.5f))).isEqualTo(PluginConfig.of("value", Map.of("k", 0.5)));
  }

  @Test
  void anAbsentKeyReturnsItsDefaultWithoutARangeCheck() {
    assertThat(PluginConfig.empty("value").number("share", -1, 0, 1)).isEqualTo(-1);
  }
}
