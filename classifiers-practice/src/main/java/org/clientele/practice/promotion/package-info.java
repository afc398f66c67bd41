/**
 * The {@code promotion} dimension: response to promotions (按促销反应细分), {@code RESPONSIVE},
 * {@code OCCASIONAL} or {@code UNRESPONSIVE}, or {@code UNKNOWN} for a customer never sent enough
 * promotions to judge. See {@link org.clientele.practice.promotion.PromotionClassifierProvider}.
 */
@NullMarked
package org.clientele.practice.promotion;

import org.jspecify.annotations.NullMarked;
