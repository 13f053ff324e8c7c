/**
 * Helpers of the domain's own packages: redaction of secrets and untrusted text, and the checks several types share
 * ({@link dev.snapbi.domain.internal.Checks}). <b>Not API</b>: anything here may change or go without notice; other
 * modules must not use it (an architecture test enforces that).
 */
package dev.snapbi.domain.internal;
