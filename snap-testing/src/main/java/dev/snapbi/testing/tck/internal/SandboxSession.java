package dev.snapbi.testing.tck.internal;

import dev.snapbi.domain.model.AccessToken;
import dev.snapbi.domain.model.ClientKey;
import dev.snapbi.domain.model.ProviderProfile;
import dev.snapbi.domain.model.Base64Signature;
import dev.snapbi.domain.model.SnapTimestamp;
import dev.snapbi.domain.model.TokenRequest;
import dev.snapbi.domain.port.AccessTokenProvider;
import dev.snapbi.domain.token.B2bTokenRequestSupplier;
import dev.snapbi.domain.transaction.TransactionSigner;
import dev.snapbi.sandbox.SandboxClient;
import dev.snapbi.sandbox.SnapSandbox;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A registered sandbox client with a live access token and a {@link TransactionSigner} for it: what the TCK needs to
 * make signed calls without any adapter under test. The token is fetched with {@link HttpURLConnection} and plain JCA,
 * so a broken adapter cannot spoil the setup.
 */
public final class SandboxSession {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");

    private final SnapSandbox sandbox;
    private final SandboxClient client;
    private final AccessToken token;
    private final TransactionSigner signer;

    private SandboxSession(SnapSandbox sandbox, SandboxClient client, AccessToken token) {
        this.sandbox = sandbox;
        this.client = client;
        this.token = token;
        AccessTokenProvider fixed = new AccessTokenProvider() {
            @Override
            public AccessToken accessToken() {
                return token;
            }

            @Override
            public void invalidate(AccessToken t) {
                // the TCK never replays
            }
        };
        this.signer = TransactionSigner.builder()
                .tokens(fixed)
                .symmetricSigner(s -> hmacSha512(client.clientSecret(), s.utf8()))
                .partnerId(client.clientKey())
                .profile(ProviderProfile.nicepay(sandbox.baseUrl()))
                .build();
    }

    /** Registers a client with a fresh key pair and secret, and fetches a token for it. */
    public static SandboxSession open(SnapSandbox sandbox, String clientKey) {
        SandboxClient client = sandbox.registerNewClient(clientKey);
        TokenRequest request = B2bTokenRequestSupplier.create(ClientKey.of(clientKey),
                s -> rsaSha256(client, s.utf8()), Clock.systemUTC(), SnapTimestamp.JAKARTA).get();
        String answer = post(sandbox.baseUrl().resolve(SnapSandbox.TOKEN_PATH), request);
        Matcher m = ACCESS_TOKEN.matcher(answer);
        if (!m.find()) {
            throw new IllegalStateException("the sandbox granted no token; its answer had no accessToken");
        }
        return new SandboxSession(sandbox, client, AccessToken.bearer(m.group(1), Instant.now(),
                Duration.ofSeconds(900)));
    }

    /** The sandbox. */
    public SnapSandbox sandbox() {
        return sandbox;
    }

    /** The registered client (its secret keys the HMAC). */
    public SandboxClient client() {
        return client;
    }

    /** The live access token. */
    public AccessToken token() {
        return token;
    }

    /** Signs transactional calls for this client with its token, NICEPAY's way. */
    public TransactionSigner signer() {
        return signer;
    }

    /** Base64 HMAC-SHA512 keyed by the UTF-8 bytes of the secret, done with JCA alone. */
    public static Base64Signature hmacSha512(String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
            return Base64Signature.ofBytes(mac.doFinal(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA512 is not available", e);
        }
    }

    private static Base64Signature rsaSha256(SandboxClient client, byte[] data) {
        try {
            java.security.Signature rsa = java.security.Signature.getInstance("SHA256withRSA");
            rsa.initSign(client.privateKey());
            rsa.update(data);
            return Base64Signature.ofBytes(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA256withRSA failed", e);
        }
    }

    private static String post(URI url, TokenRequest request) {
        try {
            HttpURLConnection c = (HttpURLConnection) url.toURL().openConnection();
            c.setConnectTimeout(10_000);
            c.setReadTimeout(10_000);
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            request.headers().forEach(c::setRequestProperty);
            try (OutputStream out = c.getOutputStream()) {
                out.write(request.body().getBytes(StandardCharsets.UTF_8));
            }
            int status = c.getResponseCode();
            try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
                String body = in == null ? "" : new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
                if (status != 200) {
                    throw new IllegalStateException("the sandbox refused the TCK's token request: HTTP " + status);
                }
                return body;
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the TCK could not fetch a token from the sandbox", e);
        }
    }

    @Override
    public String toString() {
        return "SandboxSession[" + client.clientKey() + " at " + sandbox.baseUrl() + "]";
    }
}
