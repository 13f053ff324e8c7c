/**
 * The JUnit 5 extension that runs a sandbox per test class. Needs {@code junit-jupiter-api} on the test class path
 * (an optional dependency of this module).
 */
package dev.snapbi.sandbox.junit;
