/**
 * The technology compatibility kit (TCK) for adapters of the domain's
 * {@link dev.snapbi.domain.port.TokenEndpoint} port: extend {@link dev.snapbi.contract.TokenEndpointContract}, build
 * your endpoint from the {@link dev.snapbi.contract.EndpointSettings} it hands you, and run it with JUnit 5. The
 * contract runs your endpoint against a real {@link dev.snapbi.sandbox.SnapSandbox} on loopback.
 */
package dev.snapbi.contract;
