/**
 * The starter holds no code: depending on it brings {@code snap-spring-boot3-autoconfigure}, {@code snap-nicepay}
 * and Resilience4j's Micrometer binding, which is all a Spring Boot 3 service needs for NICEPAY SNAP.
 */
package dev.snapbi.spring.boot3.starter;
