/**
 * Internal: the bounded exchange (one deadline, one size bound), secret scrubbing of failure text and the small JSON
 * reader behind {@code snap-adapter-jdk}. Not part of the public API; may change without notice.
 */
package dev.snapbi.adapter.jdk.internal;
