package dev.snapbi.testing;

import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.model.ClientKey;
import dev.snapbi.domain.model.ProviderProfile;
import dev.snapbi.domain.port.Signer;
import dev.snapbi.domain.port.TokenRequestSupplier;
import dev.snapbi.domain.token.B2bTokenRequestSupplier;
import dev.snapbi.sandbox.SandboxClient;
import dev.snapbi.sandbox.SnapSandbox;
import dev.snapbi.testing.internal.JdkRsa;

import java.time.Clock;
import java.util.Objects;

/**
 * Signing for a {@link SandboxClient} (what {@code SnapSandboxExtension} injects) with the JDK alone, for tests that
 * drive their own token endpoint or HTTP client against a {@link SnapSandbox} without snap-crypto:
 * <pre>{@code
 * @ExtendWith(SnapSandboxExtension.class)
 * class MyEndpointTest {
 *     @Test
 *     void gets_a_token(SnapSandbox sandbox, SandboxClient client) {
 *         TokenGrant grant = myEndpoint(sandbox.baseUrl()).requestToken(SandboxSigners.tokenRequests(client, sandbox));
 *     }
 * }
 * }</pre>
 */
public final class SandboxSigners {

    private SandboxSigners() {
    }

    /**
     * SHA256withRSA with the client's private key.
     *
     * @throws SnapConfigurationException when the sandbox knows only the client's public key
     */
    public static Signer signer(SandboxClient client) {
        Objects.requireNonNull(client, "client");
        if (client.privateKey() == null) {
            throw new SnapConfigurationException("client " + client.clientKey() + " was registered with a public key"
                    + " only; sign with the private key you registered it with");
        }
        return JdkRsa.signer(client.privateKey());
    }

    /**
     * Signed B2B token requests for the client, for the sandbox's NICEPAY paths, timestamped by the system clock in
     * Jakarta time.
     */
    public static TokenRequestSupplier tokenRequests(SandboxClient client, SnapSandbox sandbox) {
        return tokenRequests(client, sandbox, Clock.systemUTC());
    }

    /** Signed B2B token requests for the client, timestamped by {@code clock} (e.g. a {@link ManualClock}). */
    public static TokenRequestSupplier tokenRequests(SandboxClient client, SnapSandbox sandbox, Clock clock) {
        Objects.requireNonNull(sandbox, "sandbox");
        ProviderProfile profile = ProviderProfile.nicepay(sandbox.baseUrl());
        return B2bTokenRequestSupplier.create(ClientKey.of(client.clientKey()), signer(client),
                Objects.requireNonNull(clock, "clock"), profile);
    }
}
