package org.clientele.practice.channel;

import static org.clientele.practice.internal.Text.MISSING;
import static org.clientele.practice.internal.Text.UNPLACED;
import static org.clientele.practice.internal.Text.percent;
import static org.clientele.practice.internal.Text.plain;

import java.util.List;
import java.util.Set;
import org.clientele.api.ChannelNames;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.Feature;
import org.clientele.api.LabelSink;
import org.clientele.api.Reason;
import org.clientele.api.StandardFeatures;
import org.clientele.api.spi.ExplainingClassifier;
import org.clientele.practice.internal.Plausible;
import org.jspecify.annotations.Nullable;

/**
 * See {@link ChannelClassifierProvider}. Immutable, so safe to share across threads.
 *
 * <p>Each input is consulted only when it can decide, which keeps {@link #unplacedInputs()} exact:
 * a valid online share decides alone (the channel name is not read); an online share outside 0 to 1
 * is reported in the reasons and set aside, and the channel name decides as if the share were
 * missing. So a customer left UNKNOWN has an online share only if that share was invalid, and a
 * channel name only if that name is not a known one: on every UNKNOWN customer, each value of
 * either input present is one that could not be placed, and the report's {@code unplaced_values}
 * names it. A customer with an invalid share and a known channel name is placed by the name; the
 * invalid share is then in its reasons, not in the report's count (it did not cost a label).
 */
final class ChannelClassifier extends ExplainingClassifier {

  static final int ONLINE = 0;
  static final int OFFLINE = 1;
  static final int OMNICHANNEL = 2;
  static final int UNKNOWN = 3;

  private final ChannelSettings settings;

  ChannelClassifier(Dimension dimension, ChannelSettings settings) {
    super(dimension);
    this.settings = settings;
  }

  static Dimension dimension(String id) {
    return Dimension.of(id, "ONLINE", "OFFLINE", "OMNICHANNEL", "UNKNOWN");
  }

  @Override
  protected void evaluate(Customer customer, LabelSink out, @Nullable List<Reason> why) {
    double share = customer.number(settings.onlineShare(), Double.NaN);
    boolean invalidShare = !Double.isNaN(share) && !Plausible.share(share);
    if (!Double.isNaN(share) && !invalidShare) {
      int label = share >= settings.online() ? ONLINE : share <= settings.offline() ? OFFLINE : OMNICHANNEL;
      if (why != null) {
        String rule = switch (label) {
          case ONLINE -> ">= " + percent(settings.online());
          case OFFLINE -> "<= " + percent(settings.offline());
          default -> "> " + percent(settings.offline()) + " and < " + percent(settings.online());
        };
        why.add(Reason.of(settings.onlineShare(), share, rule, percent(share) + " of purchases online ("
            + rule + "): prefers " + switch (label) {
              case ONLINE -> "online channels";
              case OFFLINE -> "offline channels";
              default -> "both online and offline channels";
            }));
      }
      out.accept(label, share);
      return;
    }
    if (invalidShare && why != null) {
      why.add(Reason.of(settings.onlineShare(), share, "0 to 1", "Online share " + plain(share) + " is not a share"
          + " between 0 and 1 (a percentage? write 0.4 for 40%): set aside, the channel name decides"));
    }
    String channel = customer.getOrNull(StandardFeatures.CHANNEL);
    if (channel == null) {
      if (why != null) {
        why.add(invalidShare
            ? Reason.missing(StandardFeatures.CHANNEL, "No valid online share and no channel known: channel UNKNOWN ("
                + UNPLACED + "); correct " + settings.onlineShare().name() + " to a share between 0 and 1")
            : Reason.missing(settings.onlineShare(), "No online share and no channel known: channel UNKNOWN (" + MISSING
                + "); give a transaction log with a channel column, or an online_share or channel column in the"
                + " customers"));
      }
      out.acceptFallback(UNKNOWN, Double.NaN);
      return;
    }
    String name = ChannelNames.normalise(channel);
    int label = settings.onlineNames().contains(name) ? ONLINE
        : settings.offlineNames().contains(name) ? OFFLINE
        : settings.omnichannelNames().contains(name) ? OMNICHANNEL
        : UNKNOWN;
    if (why != null) {
      why.add(label == UNKNOWN
          ? Reason.of(StandardFeatures.CHANNEL, channel, "a known channel name", "Channel '" + channel + "' is neither"
              + " an online nor an offline channel name: channel UNKNOWN (" + UNPLACED + "); add it to onlineChannels or"
              + " offlineChannels")
          : Reason.of(StandardFeatures.CHANNEL, channel, "an " + (label == ONLINE ? "online" : label == OFFLINE
              ? "offline" : "omnichannel") + " name", "Main channel '" + channel + "' ("
              + (invalidShare ? "the online share set aside" : "no online share known") + "): "
              + dimension().labels().get(label)));
    }
    if (label == UNKNOWN) {
      out.acceptFallback(UNKNOWN, Double.NaN);
    } else {
      out.accept(label, label == ONLINE ? 1 : label == OFFLINE ? 0 : Double.NaN);
    }
  }

  @Override
  public Set<Feature<?>> features() {
    return Set.of(settings.onlineShare(), StandardFeatures.CHANNEL);
  }

  /**
   * The online share and the channel name: on a customer this classifier leaves UNKNOWN, a value of
   * either is one it could not place (see the class comment for why this holds).
   */
  @Override
  public Set<Feature<?>> unplacedInputs() {
    return features();
  }
}
