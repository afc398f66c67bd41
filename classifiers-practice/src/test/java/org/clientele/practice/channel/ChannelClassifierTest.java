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
  void anInvalidShareIsSetAsideAndTheChannelNameDecides() {
    Classifier channel = channel(Map.of());
    assertThatAssignment(channel.explain(customer(40.0, "Store"))).hasLabel("OFFLINE")
        .hasReasonContaining("Online share 40 is not a share between 0 and 1 (a percentage? write 0.4 for 40%): set aside")
        .hasReasonContaining("Main channel 'Store' (the online share set aside): OFFLINE");
    assertThatAssignment(channel.explain(customer(-0.2, "fax"))).hasLabel("UNKNOWN")
        .hasReasonContaining("Online share -0.2 is not a share").hasReasonContaining("Channel 'fax' is neither");
    assertThatAssignment(channel.explain(customer(1.5, null))).hasLabel("UNKNOWN").hasNoScore()
        .hasReasonContaining("Online share 1.5 is not a share")
        .hasReasonContaining("No valid online share and no channel known: channel UNKNOWN (lack of data: a value is"
            + " present but could not be placed); correct online_share to a share between 0 and 1")
        .satisfies(a -> assertThat(a.fallback()).isTrue());
  }

  /**
   * The contract of {@code unplacedInputs()}: on every customer left UNKNOWN, each value present of
   * a declared input is one that could not be placed, so the report never names a good value.
   */
  @Test
  void everyValueOfADeclaredInputOnAnUnknownCustomerIsOneThatCouldNotBePlaced() {
    Classifier channel = channel(Map.of());
    assertThat(channel.unplacedInputs()).containsExactlyInAnyOrder(ONLINE_SHARE, CHANNEL);
    List<Double> shares = java.util.Arrays.asList(null, 0.0, 0.5, 1.0, -0.2, 1.5, 40.0);
    List<String> names = java.util.Arrays.asList(null, "online", "Store", "mixed", "fax", "E-Fax");
    int unknown = 0;
    for (Double share : shares) {
      for (String name : names) {
        Customer c = customer(share, name);
        if (!channel.explain(c).label().equals("UNKNOWN")) {
          continue;
        }
        unknown++;
        if (share != null) {
          assertThat(share < 0 || share > 1).as("online share %s on an UNKNOWN customer is invalid", share).isTrue();
        }
        if (name != null) {
          assertThat(name).as("channel on UNKNOWN %s", c).isIn("fax", "E-Fax");
        }
      }
    }
    assertThat(unknown).as("the grid has UNKNOWN customers of every kind").isEqualTo(1 + 2 + 3 * 3);
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
