/**
 * Internal: the raw loopback HTTP server, token fetching and HMAC signing behind the TCKs. Not part of the public API.
 */
package dev.snapbi.testing.tck.internal;
