/**
 * A NICEPAY SNAP simulator for tests and local development: {@link dev.snapbi.sandbox.SnapSandbox} (embedded, or
 * standalone through {@link dev.snapbi.sandbox.SnapSandboxMain}), its registered
 * {@link dev.snapbi.sandbox.SandboxClient}s, injectable {@link dev.snapbi.sandbox.Faults}, and what it saw:
 * {@link dev.snapbi.sandbox.SandboxStats} and {@link dev.snapbi.sandbox.RecordedRequest}s. Depends on the JDK only.
 */
package dev.snapbi.sandbox;
