/**
 * What users test with: {@link dev.snapbi.testing.ManualClock} (a manual clock and ticker),
 * {@link dev.snapbi.testing.LogCapture} (log events in memory), {@link dev.snapbi.testing.SandboxSigners} (JDK-only
 * signing for the sandbox's clients) and the adapter TCKs in {@code dev.snapbi.testing.tck}. JUnit 5 (5.9 or later)
 * and, for {@code LogCapture}, Logback come from the user's project: they are {@code provided} here.
 */
package dev.snapbi.testing;
