/**
 * The Clientele Spring Boot starter. Add {@code clientele-spring-boot-starter}, set {@code
 * clientele.model} to a configuration or calibrated model file, and inject {@link
 * org.clientele.spring.ClienteleService}. See {@link org.clientele.spring.ClienteleProperties} for
 * every property.
 *
 * @since 0.1.0
 */
@NullMarked
package org.clientele.spring;

import org.jspecify.annotations.NullMarked;
