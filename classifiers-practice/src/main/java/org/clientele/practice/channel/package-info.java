/**
 * The {@code channel} dimension: the customer's channel preference, {@code ONLINE}, {@code
 * OFFLINE} or {@code OMNICHANNEL}, or {@code UNKNOWN}. See {@link
 * org.clientele.practice.channel.ChannelClassifierProvider}.
 */
@NullMarked
package org.clientele.practice.channel;

import org.jspecify.annotations.NullMarked;
