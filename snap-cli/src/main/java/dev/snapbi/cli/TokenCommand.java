package dev.snapbi.cli;

import dev.snapbi.adapter.feign.token.FeignAccessTokens;
import dev.snapbi.cache.redis.RedisTokenCache;
import dev.snapbi.cli.internal.ExitCode;
import dev.snapbi.cli.internal.FlatJson;
import dev.snapbi.crypto.GeneratedKeyPair;
import dev.snapbi.crypto.RsaKeyPairs;
import dev.snapbi.crypto.RsaSigner;
import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.error.SnapUnavailableException;
import dev.snapbi.domain.model.AccessToken;
import dev.snapbi.domain.model.ProviderProfile;
import dev.snapbi.domain.model.TokenGrant;
import dev.snapbi.domain.token.AccessTokenService;
import dev.snapbi.domain.port.TokenEventListener;
import dev.snapbi.sandbox.SnapSandbox;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code token}: a B2B access token through the whole library (token service + Feign adapter + RSA signer). Without
 * options it runs against the embedded sandbox with a throwaway key pair.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = {"Gets a B2B access token and prints the answer as JSON (the token redacted unless "
                + "--show-token).",
                "Without --env or --base-url: starts the embedded sandbox on a free loopback port, generates a "
                        + "throwaway key pair, registers it and fetches a token.",
                "Against NICEPAY: --env development|staging|production (or --base-url URL) --client-key K "
                        + "--private-key FILE; the password of an encrypted key comes from SNAP_KEY_PASSWORD."},
        footer = ExitCode.HELP)
final class TokenCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    private SnapCli root;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    private NicepayOptions nicepay;

    @Option(names = "--max-attempts", paramLabel = "N", description = "attempts including the first (default 3)")
    private Integer maxAttempts;

    @Option(names = "--show-token", description = "print the access token instead of a redacted hint")
    private boolean showToken;

    @Option(names = "--redis", paramLabel = "URI",
            description = "share the token through Redis as a fleet does (redis://host:port, rediss:// for TLS, "
                    + "redis://user:password@host:port); the secret sealing it comes from SNAP_REDIS_SECRET; "
                    + "the JSON then says whether the token was adopted from Redis or fetched")
    private String redis;

    @Option(names = "--verbose", description = "log the HTTP exchange (secrets redacted) and stack traces")
    private boolean verbose;

    @Override
    public Integer call() {
        boolean sandboxMode = nicepay.sandbox();
        if (maxAttempts != null && maxAttempts < 1) {
            throw new SnapConfigurationException("--max-attempts must be at least 1, got " + maxAttempts);
        }
        nicepay.checkKey(sandboxMode);
        if (sandboxMode) {
            try (SnapSandbox sandbox = SnapSandbox.start()) {
                GeneratedKeyPair keys = RsaKeyPairs.generate(2048);
                sandbox.registerClient(NicepayOptions.SANDBOX_CLIENT_KEY, keys.publicKey());
                return fetch(ProviderProfile.nicepay(sandbox.baseUrl()), NicepayOptions.SANDBOX_CLIENT_KEY,
                        RsaSigner.create(keys.privateKey()), "embedded sandbox");
            }
        }
        ProviderProfile profile = nicepay.profile(ProviderProfile::nicepayEnvironment);
        RsaSigner signer = nicepay.signer(root);
        try {
            return fetch(profile, nicepay.clientKey(), signer, profile.name());
        } catch (SnapUnavailableException e) {
            String message = String.valueOf(e.getMessage());
            if (e.reason() == SnapUnavailableException.Reason.CONNECT && message.contains(": cannot connect")
                    || e.reason() == SnapUnavailableException.Reason.CONNECTION && refused(e)) {
                URI url = profile.tokenUrl();
                int port = url.getPort() != -1 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
                // the library's "retry later" fits a server that is down; on a command line a wrong port is likelier
                String what = message.contains(": cannot connect")
                        ? message.substring(0, message.indexOf(": cannot connect")) + ": cannot connect"
                        : message.replaceFirst(" - retry later\\b.*$", "");
                throw new CliFailure(ExitCode.UNAVAILABLE, what + " - nothing accepted a connection at "
                        + url.getHost() + " port " + port + "; check the host and port of "
                        + nicepay.environmentOption() + " (a wrong port is the usual cause)", e);
            }
            throw e;
        }
    }

    private static boolean refused(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException) {
                return true;
            }
        }
        return false;
    }

    private int fetch(ProviderProfile profile, String key, RsaSigner signer, String where) {
        if (redis == null) {
            return fetch(profile, key, signer, where, null);
        }
        String secret = root.env("SNAP_REDIS_SECRET");
        if (secret == null) {
            throw new SnapConfigurationException("--redis needs SNAP_REDIS_SECRET: the secret (16+ characters) every"
                    + " replica seals the shared token with");
        }
        try (RedisTokenCache shared = RedisTokenCache.builder().uri(redis).encryptionSecret(secret).build()) {
            return fetch(profile, key, signer, where, shared);
        }
    }

    private int fetch(ProviderProfile profile, String key, RsaSigner signer, String where, RedisTokenCache shared) {
        AtomicReference<TokenGrant> grant = new AtomicReference<>();
        AtomicReference<String> source = new AtomicReference<>("fetched");
        FeignAccessTokens.Builder builder = FeignAccessTokens.builder()
                .profile(profile)
                .clientKey(key)
                .signer(signer)
                .clock(root.clock())
                .wireLogging(verbose)
                .tokenService(s -> {
                    s.listener(new TokenEventListener() {
                        @Override
                        public void onTokenFetched(AccessToken token, TokenGrant g) {
                            grant.set(g);
                        }

                        @Override
                        public void onTokenAdopted(AccessToken token) {
                            source.set("adopted");
                        }

                        @Override
                        public void onStoreUnavailable(String problem) {
                            source.set("fetched (Redis unavailable: " + problem + ")");
                        }
                    });
                    if (shared != null) {
                        s.cache(shared);
                    }
                });
        if (nicepay.connectTimeout() != null) {
            builder.connectTimeout(nicepay.connectTimeout());
        }
        if (nicepay.readTimeout() != null) {
            builder.readTimeout(nicepay.readTimeout());
        }
        if (maxAttempts != null) {
            builder.maxAttempts(maxAttempts);
        }
        try (AccessTokenService tokens = builder.build()) {
            AccessToken token = tokens.accessToken();
            TokenGrant g = grant.get();
            Map<String, String> answer = new LinkedHashMap<>();
            answer.put("responseCode", g == null ? null : g.responseCode().value());
            answer.put("responseMessage", g == null ? null : g.responseMessage());
            answer.put("tokenType", token.tokenType());
            answer.put("expiresIn", String.valueOf(token.lifetime().toSeconds()));
            answer.put("accessToken", showToken ? token.value() : redact(token.value()));
            answer.put("expiresAt", dev.snapbi.domain.model.SnapTimestamp.of(token.expiresAt(), profile.zone()).value());
            answer.put("clientKey", key);
            answer.put("tokenUrl", profile.tokenUrl().toString());
            answer.put("environment", where);
            if (shared != null) {
                answer.put("source", source.get());
                answer.put("redis", shared.toString());
            }
            spec.commandLine().getOut().println(FlatJson.object(answer));
            return ExitCode.OK;
        }
    }

    static String redact(String token) {
        return token.length() < 24 ? "****" : "****" + token.substring(token.length() - 4)
                + " (" + token.length() + " chars; --show-token to print it)";
    }
}
