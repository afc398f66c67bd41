package org.clientele.api;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;

/**
 * Which sales-channel names count as online and which as offline: the one place where the
 * transaction-log derivation of {@link StandardFeatures#ONLINE_SHARE} and the channel-preference
 * dimension read a {@code channel} value. Names are compared after {@link #normalise}: trimmed,
 * lowercase, with spaces and hyphens as underscores ({@code "E-Commerce"} is {@code e_commerce}).
 * A name in neither list is never counted as either: the derivation leaves its rows out of the
 * share and says so, the dimension names it in its reasons.
 *
 * @since 0.1.0
 */
public final class ChannelNames {

  /**
   * The default online names: {@code online}, {@code web}, {@code website}, {@code webshop},
   * {@code web_shop}, {@code app}, {@code mobile}, {@code mobile_app}, {@code ecommerce}, {@code
   * e_commerce}, {@code internet}, {@code marketplace}, {@code wechat}, {@code mini_program}, and
   * {@code 线上}, {@code 网上}, {@code 网店}, {@code 电商}.
   */
  public static final Set<String> ONLINE = Set.of(
      "online", "web", "website", "webshop", "web_shop", "app", "mobile", "mobile_app", "ecommerce", "e_commerce",
      "internet", "marketplace", "wechat", "mini_program", "线上", "网上", "网店", "电商");

  /**
   * The default offline names: {@code offline}, {@code store}, {@code in_store}, {@code shop},
   * {@code branch}, {@code counter}, {@code showroom}, {@code field}, {@code field_sales}, {@code
   * sales_rep}, {@code direct_sales}, {@code phone}, {@code telephone}, {@code dealer}, {@code
   * trade_show}, and {@code 线下}, {@code 门店}, {@code 实体店}, {@code 电话}.
   */
  public static final Set<String> OFFLINE = Set.of(
      "offline", "store", "in_store", "shop", "branch", "counter", "showroom", "field", "field_sales", "sales_rep",
      "direct_sales", "phone", "telephone", "dealer", "trade_show", "线下", "门店", "实体店", "电话");

  private ChannelNames() {}

  /**
   * Returns a channel name as it is compared: trimmed, lowercase, spaces and hyphens replaced by
   * underscores.
   *
   * @param channel a channel value
   * @return the normalised name
   */
  public static String normalise(String channel) {
    return channel.trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
  }

  /**
   * Tells whether a channel value is one of the names, after {@link #normalise}.
   *
   * @param channel a channel value
   * @param names normalised names, for example {@link #ONLINE}
   * @return true if the normalised value is among the names
   */
  public static boolean isOneOf(String channel, Collection<String> names) {
    return names.contains(normalise(channel));
  }
}
