/**
 * Spring Boot 3 auto-configuration for NICEPAY SNAP:
 * {@link dev.snapbi.spring.boot3.autoconfigure.SnapbiNicepayProperties}
 * ({@code snapbi.nicepay.*}) become {@link dev.snapbi.nicepay.NicepayClient} beans (one, or one per
 * {@code snapbi.nicepay.clients.<name>}), with their {@code AccessTokenProvider}, verified notifications in Spring
 * MVC, a health contributor and token metrics. Every bean backs off when the application defines its own; the
 * customizer interfaces of this package adjust what is built.
 */
package dev.snapbi.spring.boot3.autoconfigure;
