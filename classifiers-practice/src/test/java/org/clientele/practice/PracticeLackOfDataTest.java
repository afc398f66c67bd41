package org.clientele.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clientele.api.StandardFeatures.AGE;
import static org.clientele.api.StandardFeatures.CHANNEL;
import static org.clientele.api.StandardFeatures.ONLINE_SHARE;
import static org.clientele.api.StandardFeatures.REGION_TYPE;
import static org.clientele.practice.PracticeFeatures.PRODUCT_LINES;
import static org.clientele.practice.PracticeFeatures.PROJECT_PURCHASES;
import static org.clientele.practice.PracticeFeatures.PROMOTIONS_RECEIVED;
import static org.clientele.practice.PracticeFeatures.PROMOTIONS_REDEEMED;
import static org.clientele.practice.PracticeFeatures.SERVICE_TICKET_SHARE;

import java.util.Map;
import java.util.stream.Stream;
import org.clientele.api.Assignment;
import org.clientele.api.Classifier;
import org.clientele.api.Customer;
import org.clientele.api.LabelSink;
import org.clientele.api.Reason;
import org.clientele.api.spi.ClassifierProvider;
import org.clientele.api.spi.PluginConfig;
import org.clientele.practice.age.AgeClassifierProvider;
import org.clientele.practice.channel.ChannelClassifierProvider;
import org.clientele.practice.geography.GeographyClassifierProvider;
import org.clientele.practice.internal.Text;
import org.clientele.practice.needs.NeedsClassifierProvider;
import org.clientele.practice.promotion.PromotionClassifierProvider;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every UNKNOWN of the practice dimensions is a label decided for lack of data ({@link
 * LabelSink#acceptFallback}), never a measurement: the results' {@code lack_of_data}, the report and
 * the playbook's {@code basis} keep it apart. Its reason says which case it is: an input missing, or
 * a value present that could not be placed. A placed label stays measured.
 */
class PracticeLackOfDataTest {

  private static Customer.Builder c() {
    return Customer.builder("C-1");
  }

  static Stream<Arguments> cases() {
    ClassifierProvider needs = new NeedsClassifierProvider();
    ClassifierProvider geography = new GeographyClassifierProvider();
    ClassifierProvider channel = new ChannelClassifierProvider();
    ClassifierProvider promotion = new PromotionClassifierProvider();
    ClassifierProvider age = new AgeClassifierProvider();
    return Stream.of(
        // needs
        Arguments.of(needs, Named.of("needs: nothing known", c().build()), "UNKNOWN", Text.MISSING),
        Arguments.of(needs, Named.of("needs: no service share", c().set(PROJECT_PURCHASES, 0.0).build()), "UNKNOWN", Text.MISSING),
        Arguments.of(needs, Named.of("needs: measured", c().set(SERVICE_TICKET_SHARE, 0.05).set(PROJECT_PURCHASES, 0.0)
            .set(PRODUCT_LINES, 1.0).build()), "PRODUCT", null),
        // geography
        Arguments.of(geography, Named.of("geography: nothing known", c().build()), "UNKNOWN", Text.MISSING),
        Arguments.of(geography, Named.of("geography: a region type no mapping knows", c().set(REGION_TYPE, "Gebirge").build()),
            "UNKNOWN", Text.UNPLACED),
        Arguments.of(geography, Named.of("geography: measured", c().set(REGION_TYPE, "rural").build()), "RURAL", null),
        // channel
        Arguments.of(channel, Named.of("channel: nothing known", c().build()), "UNKNOWN", Text.MISSING),
        Arguments.of(channel, Named.of("channel: a percentage for a share", c().set(ONLINE_SHARE, 40.0).build()), "UNKNOWN",
            Text.UNPLACED),
        Arguments.of(channel, Named.of("channel: an unknown channel name", c().set(CHANNEL, "fax").build()), "UNKNOWN",
            Text.UNPLACED),
        Arguments.of(channel, Named.of("channel: measured", c().set(ONLINE_SHARE, 0.9).build()), "ONLINE", null),
        // promotion
        Arguments.of(promotion, Named.of("promotion: nothing known", c().build()), "UNKNOWN", Text.MISSING),
        Arguments.of(promotion, Named.of("promotion: redeemed unknown", c().set(PROMOTIONS_RECEIVED, 5.0).build()), "UNKNOWN",
            Text.MISSING),
        Arguments.of(promotion, Named.of("promotion: never sent one", c().set(PROMOTIONS_RECEIVED, 0.0).build()), "UNKNOWN",
            "lack of data: no response to measure"),
        Arguments.of(promotion, Named.of("promotion: too few sent", c().set(PROMOTIONS_RECEIVED, 1.0).set(PROMOTIONS_REDEEMED, 1.0)
            .build()), "UNKNOWN", "lack of data: too few promotions"),
        Arguments.of(promotion, Named.of("promotion: more redeemed than sent", c().set(PROMOTIONS_RECEIVED, 5.0)
            .set(PROMOTIONS_REDEEMED, 6.0).build()), "UNKNOWN", Text.UNPLACED),
        Arguments.of(promotion, Named.of("promotion: measured", c().set(PROMOTIONS_RECEIVED, 10.0).set(PROMOTIONS_REDEEMED, 0.0)
            .build()), "UNRESPONSIVE", null),
        // age
        Arguments.of(age, Named.of("age: nothing known", c().build()), "UNKNOWN", Text.MISSING),
        Arguments.of(age, Named.of("age: implausible", c().set(AGE, 212.0).build()), "UNKNOWN", Text.UNPLACED),
        Arguments.of(age, Named.of("age: measured", c().set(AGE, 45.0).build()), "AGE_40_49", null));
  }

  @org.junit.jupiter.api.Test
  void aPlaceholderMappedToUnknownOnPurposeIsNotAMeasurement() {
    ClassifierProvider geography = new GeographyClassifierProvider();
    Classifier c = geography.create(PluginConfig.of("geography", "clientele.json", "$.dimensions.geography",
        Map.of("regionTypes", Map.of("n/a", "UNKNOWN"))));
    Assignment a = c.explain(c().set(REGION_TYPE, "n/a").build());
    assertThat(c.dimension().label(a.labelIndex())).isEqualTo("UNKNOWN");
    assertThat(a.fallback()).isTrue();
    assertThat(a.reasons()).map(Reason::text).anySatisfy(t -> assertThat(t).contains(Text.UNPLACED));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("cases")
  void unknownIsLackOfDataAndItsReasonSaysWhichCase(ClassifierProvider provider, Customer customer, String label,
      String why) {
    Classifier classifier = provider.create(PluginConfig.of(provider.name(), "clientele.json", "$.dimensions." + provider.name(),
        Map.of()));
    Assignment a = classifier.explain(customer);
    assertThat(classifier.dimension().label(a.labelIndex())).isEqualTo(label);
    boolean lackOfData = why != null;
    assertThat(a.fallback()).as("explain: decided for lack of data").isEqualTo(lackOfData);
    if (lackOfData) {
      assertThat(a.reasons()).map(Reason::text).anySatisfy(t -> assertThat(t).contains(why));
    }
    boolean[] fallback = {false};
    int[] index = {-1};
    classifier.classify(customer, new LabelSink() {
      @Override
      public void accept(int labelIndex, double score) {
        index[0] = labelIndex;
      }

      @Override
      public void acceptFallback(int labelIndex, double score) {
        index[0] = labelIndex;
        fallback[0] = true;
      }
    });
    assertThat(index[0]).as("classify agrees with explain").isEqualTo(a.labelIndex());
    assertThat(fallback[0]).as("classify: decided for lack of data").isEqualTo(lackOfData);
  }
}
