/**
 * The {@code needs} dimension: what a customer mainly buys from us, {@code PRODUCT}, {@code
 * SERVICE} or {@code SOLUTION} (产品需求 / 服务需求 / 解决方案需求), or {@code UNKNOWN}. See {@link
 * org.clientele.practice.needs.NeedsClassifierProvider}.
 */
@NullMarked
package org.clientele.practice.needs;

import org.jspecify.annotations.NullMarked;
