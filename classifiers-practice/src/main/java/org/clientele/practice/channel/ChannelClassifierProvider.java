package org.clientele.practice.channel;

import java.util.Set;
import org.clientele.api.StandardFeatures;
import org.clientele.api.spi.SettingsClassifierProvider;

/**
 * Provides the {@code channel} dimension: the customer's channel preference, from {@link
 * StandardFeatures#ONLINE_SHARE} (derived from a transaction log's channel column, or a customers
 * column), else from the main {@link StandardFeatures#CHANNEL}.
 *
 * <ul>
 *   <li>{@code ONLINE}: an online share at or above {@code online} (default 0.8);
 *   <li>{@code OFFLINE}: at or below {@code offline} (default 0.2);
 *   <li>{@code OMNICHANNEL}: in between: buys through both;
 *   <li>{@code UNKNOWN}: neither column known, or the main channel decides (no valid share) and is
 *       no known name (named in the reason).
 * </ul>
 *
 * <p>A share outside 0 to 1 (a percentage such as 40 for 40%) is set aside with a reason naming it,
 * and the main channel decides as if the share were missing; without a main channel the customer
 * is UNKNOWN. The report's {@code unplaced_values} names the invalid shares and unknown channel
 * names of the customers left UNKNOWN.
 *
 * <p>Without an online share, the main channel's name decides: one of {@link
 * org.clientele.api.ChannelNames#ONLINE} or {@code onlineChannels} is ONLINE, of {@link
 * org.clientele.api.ChannelNames#OFFLINE} or {@code offlineChannels} OFFLINE, of {@code
 * omnichannelChannels} (default {@code omnichannel}, {@code mixed}, {@code both}) OMNICHANNEL. The
 * configured names are added to the defaults. The share column can be renamed with {@code
 * onlineShareFeature}. The score is the online share. Not part of the default configuration: name
 * it in one.
 *
 * @since 0.1.0
 */
public final class ChannelClassifierProvider extends SettingsClassifierProvider {

  /**
   * The provider's name and default dimension id.
   *
   * @since 0.1.0
   */
  public static final String NAME = "channel";

  /**
   * Creates the provider; does nothing else.
   *
   * @since 0.1.0
   */
  public ChannelClassifierProvider() {
    super(NAME, ChannelClassifier::dimension, ChannelSettings::read,
        s -> Set.of(s.onlineShare(), StandardFeatures.CHANNEL),
        (dimension, s, config) -> new ChannelClassifier(dimension, s));
  }

  /**
   * Not part of the default configuration: a default run may have no channel data.
   *
   * @return false
   */
  @Override
  public boolean inDefaultConfiguration() {
    return false;
  }
}
