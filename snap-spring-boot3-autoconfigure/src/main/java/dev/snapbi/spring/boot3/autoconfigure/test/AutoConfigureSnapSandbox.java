package dev.snapbi.spring.boot3.autoconfigure.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@code @SpringBootTest} class: starts a NICEPAY SNAP sandbox (snap-sandbox, on a free loopback port) for the
 * test's application context, registers a client with a freshly generated RSA key and client secret, and points
 * {@code snapbi.nicepay.*} at it (base URL, client key, private key, client secret, and the sandbox's notification key
 * as {@code nicepay-public-key}). The sandbox is a bean ({@code SnapSandbox}) for the test to drive (pay a VA, inject
 * faults, read stats); it stops with the context. Contexts with the same settings are shared as usual.
 * <pre>
 * &#64;SpringBootTest
 * &#64;AutoConfigureSnapSandbox
 * class PaymentsTest {
 *     &#64;Autowired NicepayClient nicepay;
 *     &#64;Autowired SnapSandbox sandbox;
 * }
 * </pre>
 * Needs snap-sandbox and spring-test on the test classpath.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureSnapSandbox {

    /** The client key to register (default IONPAYTEST). */
    String clientKey() default "IONPAYTEST";

    /** How long the sandbox's tokens live, in seconds (default 900, as NICEPAY's). */
    long tokenLifetimeSeconds() default 900;
}
