/**
 * The sandbox's insides: HTTP routing, endpoints, its own JSON and timestamp parsing, state. Not for users; may
 * change at any time.
 */
package dev.snapbi.sandbox.internal;
