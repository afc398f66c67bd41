package org.clientele.practice.channel;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.clientele.api.ChannelNames;
import org.clientele.api.Feature;
import org.clientele.api.StandardFeatures;
import org.clientele.api.spi.PluginConfig;

/**
 * The channel dimension's configuration, read once for {@code dimension}, {@code features} and
 * {@code create}.
 *
 * @param onlineShare the online-share column
 * @param online the online share at or above which a customer is ONLINE
 * @param offline the online share at or below which a customer is OFFLINE
 * @param onlineNames normalised channel names that are online (the defaults and the configured ones)
 * @param offlineNames normalised channel names that are offline
 * @param omnichannelNames normalised channel names that mean "both"
 */
record ChannelSettings(
    Feature<Double> onlineShare,
    double online,
    double offline,
    Set<String> onlineNames,
    Set<String> offlineNames,
    Set<String> omnichannelNames) {

  static final double DEFAULT_ONLINE = 0.8;
  static final double DEFAULT_OFFLINE = 0.2;
  static final List<String> DEFAULT_OMNICHANNEL = List.of("omnichannel", "omni_channel", "mixed", "both", "全渠道");

  static ChannelSettings read(PluginConfig config) {
    Feature<Double> share = config.numberFeature("onlineShareFeature", StandardFeatures.ONLINE_SHARE);
    double online = config.number("online", DEFAULT_ONLINE, 0, 1);
    double offline = config.number("offline", DEFAULT_OFFLINE, 0, 1);
    if (!(offline < online)) {
      throw config.error("offline", "expected an online share below online (" + online + "), found " + offline
          + ": OFFLINE lies below ONLINE, OMNICHANNEL between them");
    }
    Set<String> onlineNames = names(config, "onlineChannels", ChannelNames.ONLINE);
    Set<String> offlineNames = names(config, "offlineChannels", ChannelNames.OFFLINE);
    Set<String> omni = names(config, "omnichannelChannels", Set.copyOf(DEFAULT_OMNICHANNEL));
    for (String name : onlineNames) {
      if (offlineNames.contains(name)) {
        throw config.error(config.has("onlineChannels") ? "onlineChannels" : "offlineChannels", "'" + name
            + "' is both an online and an offline channel name; a name belongs to one of them");
      }
    }
    return new ChannelSettings(share, online, offline, Set.copyOf(onlineNames), Set.copyOf(offlineNames), Set.copyOf(omni));
  }

  /** The default names plus the configured ones, normalised. */
  private static Set<String> names(PluginConfig config, String key, Set<String> defaults) {
    Set<String> out = new HashSet<>(defaults);
    for (String name : config.strings(key, List.of())) {
      if (name.isBlank()) {
        throw config.error(key, "a channel name must not be blank");
      }
      out.add(ChannelNames.normalise(name));
    }
    return out;
  }
}
