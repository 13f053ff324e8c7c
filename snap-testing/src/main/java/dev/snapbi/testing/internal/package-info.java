/** Helpers of the test kit; not API, may change without notice. */
package dev.snapbi.testing.internal;
