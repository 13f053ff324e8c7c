/**
 * Technology compatibility kits (TCKs) for adapters of the domain's ports, run against a real
 * {@link dev.snapbi.sandbox.SnapSandbox} on loopback. For a {@link dev.snapbi.domain.port.TokenEndpoint}: extend
 * {@link dev.snapbi.testing.tck.TokenEndpointContract}, build your endpoint from the
 * {@link dev.snapbi.testing.tck.EndpointSettings} it hands you, and run it with JUnit 5 (5.9 or later).
 */
package dev.snapbi.testing.tck;
