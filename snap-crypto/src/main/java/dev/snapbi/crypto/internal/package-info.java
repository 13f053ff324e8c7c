/**
 * Internals of snap-crypto: PEM text handling, DER classification, Bouncy Castle glue, key-size rules and the JCA
 * signature engine. Not part of the public API: anything here may change without notice. This is the only place in
 * the project where Bouncy Castle types appear.
 */
package dev.snapbi.crypto.internal;
