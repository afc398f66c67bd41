package org.clientele.practice.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clientele.api.StandardFeatures.CHANNEL;
import static org.clientele.api.StandardFeatures.ONLINE_SHARE;
import static org.clientele.testkit.ClienteleAssertions.assertThatAssignment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.clientele.api.Classifier;
import org.clientele.api.ConfigurationException;
import org.clientele.api.Customer;
import org.clientele.api.spi.PluginConfig;
import org.clientele.practice.CrmFile;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChannelClassifierTest {

  @TempDir Path dir;

  private static Classifier channel(Map<String, ?> config) {
    return new ChannelClassifierProvider().create(PluginConfig.of("channel", "clientele.json", "$.dimensions.channel", config));
  }

  private static Customer customer(Double share, String main) {
    return Customer.builder("C1").setOrRemove(ONLINE_SHARE, share).setOrRemove(CHANNEL, main).build();
  }

  static Stream<Arguments> defaults() {
    return Stream.of(
        Arguments.of(Named.of("80% online: online", customer(0.8, "online")), "ONLINE", "80.0% of purchases online (>= 80.0%)"),
        Arguments.of(Named.of("20% online: offline", customer(0.2, "offline")), "OFFLINE", "(<= 20.0%)"),
        Arguments.of(Named.of("half and half: omnichannel", customer(0.5, "online")), "OMNICHANNEL", "both online and offline"),
        Arguments.of(Named.of("the share wins over the main channel", customer(0.1, "online")), "OFFLINE", "10.0% of purchases online"),
        Arguments.of(Named.of("no share, main channel a known online name", customer(null, "E-Commerce")), "ONLINE", "Main channel 'E-Commerce'"),
        Arguments.of(Named.of("no share, main channel a store", customer(null, "Store")), "OFFLINE", "Main channel 'Store'"),
        Arguments.of(Named.of("no share, main channel mixed", customer(null, "mixed")), "OMNICHANNEL", "Main channel 'mixed'"),
        Arguments.of(Named.of("an unknown channel is never counted as one", customer(null, "fax")), "UNKNOWN", "Channel 'fax' is neither"),
        Arguments.of(Named.of("a percentage instead of a share", customer(40.0, null)), "UNKNOWN", "write 0.4 for 40%"),
        Arguments.of(Named.of("nothing known", customer(null, null)), "UNKNOWN", "No online share and no channel known"));
  }

  @ParameterizedTest
  @MethodSource("defaults")
  void theShareDecidesElseTheMainChannelsName(Customer customer, String label, String reason) {
    assertThatAssignment(channel(Map.of()).explain(customer)).hasLabel(label).hasReasonContaining(reason);
  }

  @Test
  void configuredNamesAndThresholdsAreUsed() {
    Classifier c = channel(Map.of("online", 0.6, "offline", 0.4, "offlineChannels", List.of("Kiosk")));
    assertThatAssignment(c.explain(customer(null, "kiosk"))).hasLabel("OFFLINE");
    assertThatAssignment(c.explain(customer(0.65, null))).hasLabel("ONLINE");
    assertThatAssignment(c.explain(customer(0.5, null))).hasLabel("OMNICHANNEL");
  }

  @Test
  void aNameInBothListsAndThresholdsOutOfOrderAreRefused() {
    assertThatThrownBy(() -> channel(Map.of("offlineChannels", List.of("web"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("'web' is both an online and an offline channel name");
    assertThatThrownBy(() -> channel(Map.of("online", 0.3, "offline", 0.5)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("$.dimensions.channel.offline: expected an online share below online (0.3)");
  }

  @Test
  void aCrmExportWithOnlyAChannelColumnIsClassifiedByTheJob() throws IOException {
    assertThat(CrmFile.labels(dir, "id,channel\nA1,online\nA2,门店\nA3,Omnichannel\nA4,fax\nA5,App\n", "channel"))
        .containsExactlyInAnyOrderEntriesOf(Map.of("ONLINE", 2, "OFFLINE", 1, "OMNICHANNEL", 1, "UNKNOWN", 1));
  }

  @Test
  void aCrmExportWithOnlyAnOnlineShareColumnIsClassifiedByTheJob() throws IOException {
    assertThat(CrmFile.labels(dir, "id,online_share\nA1,0.95\nA2,0.05\nA3,0.5\nA4,\n", "channel"))
        .containsExactlyInAnyOrderEntriesOf(Map.of("ONLINE", 1, "OFFLINE", 1, "OMNICHANNEL", 1, "UNKNOWN", 1));
  }
}
