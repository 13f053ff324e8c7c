/**
 * Internals of snap-crypto. Not part of the public API: anything here may change without notice. This is the only
 * place in the project where Bouncy Castle types appear. Reading a key goes: {@code KeyFiles} (bounded file reads,
 * through {@code BoundedRead}) or {@code KeyTexts} (key text, framed by {@code PemText}), then {@code KeyDecoder},
 * which runs Bouncy Castle's three steps: classify ({@code DerFraming}, {@code KeyShape}), convert
 * ({@code KeyConversions}, guarded by {@code KeyDerivationLimits}) and explain ({@code KeyRefusals}, the wording of
 * every refusal). Also here: key-size rules ({@code RsaKeyRules}) and the JCA signature engine.
 */
package dev.snapbi.crypto.internal;
