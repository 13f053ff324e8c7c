package dev.snapbi.cli;

import dev.snapbi.cli.internal.Durations;
import dev.snapbi.cli.internal.ExitCode;
import dev.snapbi.crypto.RsaSigner;
import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.model.ProviderProfile;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.net.URI;
import java.time.Duration;
import java.util.function.Function;

/**
 * The options of the commands that talk to NICEPAY ({@code token}, {@code call}): which NICEPAY ({@code --env} or
 * {@code --base-url}; neither means the embedded sandbox with a throwaway key), as whom ({@code --client-key},
 * {@code --private-key}, {@code --key-alias}) and how long to wait. A picocli mixin.
 */
final class NicepayOptions {

    /** The client key the embedded sandbox registers for its throwaway key pair. */
    static final String SANDBOX_CLIENT_KEY = "SNAPBI-SANDBOX";

    @Option(names = "--env", paramLabel = "ENV",
            description = "the NICEPAY environment, e.g. development, staging or production")
    private String env;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "environment root, e.g. https://dev.nicepay.co.id (the profile adds the paths, such as "
                    + "/nicepay/v1.0/access-token/b2b)")
    private String baseUrl;

    @Option(names = "--client-key", paramLabel = "K",
            description = "X-CLIENT-KEY, and X-PARTNER-ID on transactional calls (NICEPAY: your iMid)")
    private String clientKey;

    @CommandLine.Mixin
    private PrivateKeyOptions privateKey;

    @Option(names = "--connect-timeout", converter = Durations.class, paramLabel = "D",
            description = "e.g. 500ms, 2s, PT2S (default 5s)")
    private Duration connectTimeout;

    @Option(names = "--read-timeout", converter = Durations.class, paramLabel = "D",
            description = "e.g. 500ms, 2s, PT2S (default 10s)")
    private Duration readTimeout;

    /**
     * Whether the embedded sandbox is meant: neither {@code --env} nor {@code --base-url}.
     *
     * @throws SnapConfigurationException when both are given
     */
    boolean sandbox() {
        if (env != null && baseUrl != null) {
            throw new SnapConfigurationException("use either --env or --base-url, not both");
        }
        return env == null && baseUrl == null;
    }

    /**
     * Refuses a key of one's own with the embedded sandbox (it makes a throwaway one) and a missing one against
     * NICEPAY.
     */
    void checkKey(boolean sandbox) {
        if (sandbox && (clientKey != null || privateKey.file() != null)) {
            throw new SnapConfigurationException("--client-key and --private-key need --env or --base-url;"
                    + " without them the embedded sandbox is used with a throwaway key");
        }
        if (!sandbox && (clientKey == null || privateKey.file() == null)) {
            throw new SnapConfigurationException("--client-key and --private-key are required with "
                    + environmentOption());
        }
    }

    /** The option that named the environment, for messages: {@code --env} or {@code --base-url}. */
    String environmentOption() {
        return env != null ? "--env" : "--base-url";
    }

    /** NICEPAY's profile: {@code --env} read by {@code environments}, or a NICEPAY profile at {@code --base-url}. */
    ProviderProfile profile(Function<String, ProviderProfile> environments) {
        return env != null ? environments.apply(env)
                : ProviderProfile.nicepayDevelopment().toBuilder().name("nicepay").baseUrl(checkedBaseUrl(baseUrl))
                .build();
    }

    /** The signer of {@code --private-key} (and {@code --key-alias}). */
    RsaSigner signer(SnapCli root) {
        return privateKey.signer(root);
    }

    String clientKey() {
        return clientKey;
    }

    /** {@code --connect-timeout}, or {@code null} when not given. */
    Duration connectTimeout() {
        return connectTimeout;
    }

    /** {@code --read-timeout}, or {@code null} when not given. */
    Duration readTimeout() {
        return readTimeout;
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
}
