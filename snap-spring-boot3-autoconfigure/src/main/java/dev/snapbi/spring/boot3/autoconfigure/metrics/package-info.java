/** Micrometer: {@code snapbi.token.*} meters and Resilience4j's {@code resilience4j.*} for the token endpoints. */
package dev.snapbi.spring.boot3.autoconfigure.metrics;
