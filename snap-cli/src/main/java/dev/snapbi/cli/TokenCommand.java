package dev.snapbi.cli;

import dev.snapbi.adapter.feign.FeignAccessTokens;
import dev.snapbi.cache.redis.RedisTokenCache;
import dev.snapbi.cli.internal.Durations;
import dev.snapbi.cli.internal.ExitCode;
import dev.snapbi.cli.internal.Json;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

    static final String SANDBOX_CLIENT_KEY = "SNAPBI-SANDBOX";

    @CommandLine.ParentCommand
    private SnapCli root;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--env", paramLabel = "ENV", description = "development, staging or production")
    private String env;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "environment root, e.g. https://dev.nicepay.co.id (the profile adds "
                    + "/nicepay/v1.0/access-token/b2b)")
    private String baseUrl;

    @Option(names = "--client-key", paramLabel = "K", description = "X-CLIENT-KEY (NICEPAY: your iMid)")
    private String clientKey;

    @Option(names = "--private-key", paramLabel = "FILE",
            description = "RSA private key: PKCS#8, PKCS#1, encrypted PKCS#8, bare Base64, DER or PKCS#12 (.p12, "
                    + ".pfx); the password of an encrypted key or keystore comes from SNAP_KEY_PASSWORD")
    private Path privateKey;

    @Option(names = "--key-alias", paramLabel = "A",
            description = "the PKCS#12 entry to sign with, when the keystore holds several")
    private String keyAlias;

    @Option(names = "--connect-timeout", converter = Durations.class, paramLabel = "D",
            description = "e.g. 500ms, 2s, PT2S (default 5s)")
    private Duration connectTimeout;

    @Option(names = "--read-timeout", converter = Durations.class, paramLabel = "D",
            description = "e.g. 500ms, 2s, PT2S (default 10s)")
    private Duration readTimeout;

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
        boolean sandboxMode = env == null && baseUrl == null;
        if (env != null && baseUrl != null) {
            throw new SnapConfigurationException("use either --env or --base-url, not both");
        }
        if (maxAttempts != null && maxAttempts < 1) {
            throw new SnapConfigurationException("--max-attempts must be at least 1, got " + maxAttempts);
        }
        if (sandboxMode) {
            if (clientKey != null || privateKey != null) {
                throw new SnapConfigurationException("--client-key and --private-key need --env or --base-url;"
                        + " without them the embedded sandbox is used with a throwaway key");
            }
            try (SnapSandbox sandbox = SnapSandbox.start()) {
                GeneratedKeyPair keys = RsaKeyPairs.generate(2048);
                sandbox.registerClient(SANDBOX_CLIENT_KEY, keys.publicKey());
                return fetch(ProviderProfile.nicepay(sandbox.baseUrl()), SANDBOX_CLIENT_KEY,
                        RsaSigner.create(keys.privateKey()), "embedded sandbox");
            }
        }
        if (clientKey == null || privateKey == null) {
            throw new SnapConfigurationException("--client-key and --private-key are required with "
                    + (env != null ? "--env" : "--base-url"));
        }
        ProviderProfile profile = env != null ? ProviderProfile.nicepayEnvironment(env)
                : ProviderProfile.nicepayDevelopment().toBuilder().name("nicepay").baseUrl(checkedBaseUrl(baseUrl))
                .build();
        RsaSigner signer = loadSigner(privateKey, keyAlias, root);
        try {
            return fetch(profile, clientKey, signer, profile.name());
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
                        + (env != null ? "--env" : "--base-url") + " (a wrong port is the usual cause)", e);
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

    /** The base URL as NICEPAY's environments are given: scheme, host and port only. */
    static String checkedBaseUrl(String value) {
        String v = value.trim();
        if (!v.startsWith("http://") && !v.startsWith("https://")) {
            throw new CliFailure(ExitCode.USAGE, "--base-url needs a scheme: http://" + v + " (a local sandbox) or"
                    + " https://" + v, null);
        }
        URI uri;
        try {
            uri = URI.create(v);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(ExitCode.USAGE, "--base-url '" + v + "' is not a URL; use e.g."
                    + " https://dev.nicepay.co.id", e);
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (path.contains("/nicepay") || path.contains("access-token")) {
            String root = uri.getScheme() + "://" + uri.getRawAuthority();
            throw new CliFailure(ExitCode.USAGE, "--base-url is the host root, e.g. " + root + "; the token path"
                    + " /nicepay/v1.0/access-token/b2b is added to it", null);
        }
        return v;
    }

    /**
     * The signer for {@code --private-key}: key files in every text or DER format, or a PKCS#12 keystore (by its
     * extension, or when the file turns out to be one). Passwords come from {@code SNAP_KEY_PASSWORD}.
     */
    static RsaSigner loadSigner(Path file, String alias, SnapCli root) {
        if (!Files.exists(file)) {
            throw new SnapConfigurationException("the private key file " + file + " does not exist");
        }
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".p12") || name.endsWith(".pfx")) {
            return pkcs12(file, alias, root);
        }
        char[] password = SignCommand.password(root);
        try {
            return password == null ? RsaSigner.fromFile(file) : RsaSigner.fromFile(file, password);
        } catch (SnapConfigurationException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("a PKCS#12 keystore")) {
                return pkcs12(file, alias, root);
            }
            if (password == null && message.contains("but no password")) {
                throw new CliFailure(ExitCode.USAGE, "the private key in " + file + " is encrypted: set its password"
                        + " in the environment variable SNAP_KEY_PASSWORD", e);
            }
            throw e;
        } finally {
            SignCommand.wipe(password);
        }
    }

    private static RsaSigner pkcs12(Path file, String alias, SnapCli root) {
        char[] password = SignCommand.password(root);
        try {
            return RsaSigner.fromPkcs12(file, password, alias, password == null ? null : password.clone());
        } catch (SnapConfigurationException e) {
            String message = String.valueOf(e.getMessage());
            if (password == null && message.contains("password")) {
                throw new CliFailure(ExitCode.USAGE, "the PKCS#12 keystore " + file + " did not open without a"
                        + " password: set it in the environment variable SNAP_KEY_PASSWORD", e);
            }
            if (alias == null && message.contains("private key entries [")) {
                throw new CliFailure(ExitCode.USAGE, message + "; choose one with --key-alias", e);
            }
            throw e;
        } finally {
            SignCommand.wipe(password);
        }
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
        if (connectTimeout != null) {
            builder.connectTimeout(connectTimeout);
        }
        if (readTimeout != null) {
            builder.readTimeout(readTimeout);
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
            spec.commandLine().getOut().println(Json.object(answer));
            return ExitCode.OK;
        }
    }

    static String redact(String token) {
        return token.length() < 24 ? "****" : "****" + token.substring(token.length() - 4)
                + " (" + token.length() + " chars; --show-token to print it)";
    }
}
