/**
 * What users test with: the adapter TCKs, sandbox helpers, a manual clock and ticker. JUnit is provided by the user's project.
 */
package dev.snapbi.testing;
