package dev.snapbi.domain.model;

import dev.snapbi.domain.error.SnapConfigurationException;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;

/**
 * Where and how a SNAP provider is spoken to: the environment's base URL (its root, e.g.
 * {@code https://dev.nicepay.co.id}), the token path under it, the path prefix the provider leaves out of symmetric
 * string-to-sign, and the zone of its timestamps. Presets exist for NICEPAY's three environments.
 * <p>
 * Plain {@code http://} is refused except for loopback hosts (the sandbox on this machine): an IP literal in
 * 127.0.0.0/8, {@code ::1}, or exactly {@code localhost}; see {@link #isLoopback(String)}. A name that merely looks
 * like one ({@code 127.0.0.1.nip.io}) needs https. A test proxy of your own on another host needs the loudly named
 * {@link Builder#allowInsecureHttpForTesting()}.
 */
public final class ProviderProfile {

    /** NICEPAY's token path under the environment root (no {@code /api/} segment). */
    public static final String NICEPAY_TOKEN_PATH = "/nicepay/v1.0/access-token/b2b";
    /** The prefix NICEPAY leaves out of the path it signs for transactional calls. */
    public static final String NICEPAY_SIGNING_PREFIX = "/nicepay";

    private final String name;
    private final URI baseUrl;
    private final String tokenPath;
    private final String signingPathPrefix;
    private final ZoneId zone;
    private final boolean insecureHttpAllowed;

    private ProviderProfile(Builder b) {
        this.name = requireText(b.name, "profile name");
        this.insecureHttpAllowed = b.insecureHttpAllowed;
        this.baseUrl = validateBaseUrl(b.baseUrl, insecureHttpAllowed);
        this.tokenPath = validatePath(b.tokenPath, "token path");
        this.signingPathPrefix = b.signingPathPrefix == null || b.signingPathPrefix.isEmpty() ? ""
                : validatePath(b.signingPathPrefix, "signing path prefix");
        if (b.zone == null) {
            throw new SnapConfigurationException("the provider zone is missing, e.g. SnapTimestamp.JAKARTA");
        }
        this.zone = b.zone;
    }

    /** NICEPAY development (sandbox): {@code https://dev.nicepay.co.id}. */
    public static ProviderProfile nicepayDevelopment() {
        return nicepay("nicepay-development", URI.create("https://dev.nicepay.co.id"));
    }

    /** NICEPAY staging: {@code https://staging.nicepay.co.id}. */
    public static ProviderProfile nicepayStaging() {
        return nicepay("nicepay-staging", URI.create("https://staging.nicepay.co.id"));
    }

    /** NICEPAY production: {@code https://www.nicepay.co.id}. */
    public static ProviderProfile nicepayProduction() {
        return nicepay("nicepay-production", URI.create("https://www.nicepay.co.id"));
    }

    /** NICEPAY development on the cloud host: {@code https://dev-services.nicepay.co.id} (NICEPAY says which to use). */
    public static ProviderProfile nicepayCloudDevelopment() {
        return nicepay("nicepay-cloud-development", URI.create("https://dev-services.nicepay.co.id"));
    }

    /** NICEPAY production on the cloud host: {@code https://services.nicepay.co.id} (NICEPAY says which to use). */
    public static ProviderProfile nicepayCloudProduction() {
        return nicepay("nicepay-cloud-production", URI.create("https://services.nicepay.co.id"));
    }

    /** NICEPAY's paths and zone on another base URL (the sandbox, a proxy, a mock). */
    public static ProviderProfile nicepay(URI baseUrl) {
        return nicepay("nicepay", baseUrl);
    }

    /**
     * A NICEPAY preset by environment name: {@code development}, {@code staging} or {@code production}.
     *
     * @throws SnapConfigurationException for any other name
     */
    public static ProviderProfile nicepayEnvironment(String environment) {
        switch (environment == null ? "" : environment.toLowerCase(Locale.ROOT)) {
            case "development":
            case "dev":
            case "sandbox":
                return nicepayDevelopment();
            case "staging":
                return nicepayStaging();
            case "production":
            case "prod":
                return nicepayProduction();
            default:
                throw new SnapConfigurationException("unknown NICEPAY environment '" + environment
                        + "'; expected development, staging or production");
        }
    }

    private static ProviderProfile nicepay(String name, URI baseUrl) {
        return builder().name(name).baseUrl(baseUrl).tokenPath(NICEPAY_TOKEN_PATH)
                .signingPathPrefix(NICEPAY_SIGNING_PREFIX).zone(SnapTimestamp.JAKARTA).build();
    }

    /** A builder for another provider; every field but the signing prefix is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this profile's values. */
    public Builder toBuilder() {
        Builder b = builder().name(name).baseUrl(baseUrl).tokenPath(tokenPath).signingPathPrefix(signingPathPrefix)
                .zone(zone);
        b.insecureHttpAllowed = insecureHttpAllowed;
        return b;
    }

    /** The same profile on another base URL. */
    public ProviderProfile withBaseUrl(URI newBaseUrl) {
        return toBuilder().baseUrl(newBaseUrl).build();
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new SnapConfigurationException("the provider " + what + " is missing");
        }
        return value;
    }

    private static String validatePath(String path, String what) {
        requireText(path, what);
        if (!path.startsWith("/") || path.endsWith("/") || path.contains("?") || path.contains("#")
                || path.contains(" ")) {
            throw new SnapConfigurationException("the " + what + " must start with '/', not end with '/' and hold no"
                    + " query, got '" + path + "'");
        }
        return path;
    }

    private static URI validateBaseUrl(URI url, boolean insecureHttpAllowed) {
        if (url == null) {
            throw new SnapConfigurationException("the base URL is missing; use the environment root such as"
                    + " https://dev.nicepay.co.id");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || url.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new SnapConfigurationException("the base URL must be an absolute https:// URL such as"
                    + " https://dev.nicepay.co.id, got '" + safe(url) + "'");
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null || url.getRawUserInfo() != null) {
            throw new SnapConfigurationException("the base URL must be the environment root without query,"
                    + " fragment or credentials, got '" + safe(url) + "'");
        }
        if (scheme.equals("http") && !insecureHttpAllowed) {
            requireHttpsUnlessLoopback(url, "the base URL");
        }
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        try {
            return new URI(scheme, null, url.getHost(), url.getPort(), path.isEmpty() ? null : path, null, null);
        } catch (URISyntaxException e) {
            throw new SnapConfigurationException("the base URL '" + safe(url) + "' is not valid", e);
        }
    }

    private static String safe(URI url) {
        // never echo credentials that may sit in the user-info part
        return url.getRawUserInfo() == null ? url.toString() : url.toString().replace(url.getRawUserInfo(), "****");
    }

    /**
     * Whether a host surely names this machine, judged from its text alone (no DNS lookup): an IPv4 literal in
     * 127.0.0.0/8 in dotted-quad form ({@code 127.0.0.1}, {@code 127.5.6.7}), the IPv6 loopback {@code ::1} (also
     * bracketed, {@code [::1]}, or written out in full), or exactly {@code localhost} in any case. Everything else is
     * not loopback, including names that start like a literal ({@code 127.attacker.example},
     * {@code 127.0.0.1.nip.io}), {@code localhost.} with a trailing dot, shorthand literals ({@code 127.1}) and
     * octets with leading zeros.
     */
    public static boolean isLoopback(String host) {
        if (host == null || host.isEmpty() || host.length() > 64) {
            return false;
        }
        String h = host;
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equalsIgnoreCase("localhost") || isIpv4LoopbackLiteral(h) || isIpv6LoopbackLiteral(h);
    }

    /**
     * Refuses a plain {@code http://} URL unless its host is loopback ({@link #isLoopback(String)}), before anything
     * connects; any other scheme passes. For adapters that check every target they send secrets to.
     *
     * @param url  the target
     * @param what what the URL is, for the message (e.g. {@code "the token URL"})
     * @throws SnapConfigurationException for {@code http://} to a host that is not loopback
     */
    public static void requireHttpsUnlessLoopback(URI url, String what) {
        Objects.requireNonNull(url, "url");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("http") && !isLoopback(url.getHost())) {
            throw new SnapConfigurationException("refusing plain http:// to " + url.getHost() + " (" + what
                    + "): tokens and signatures must travel over https; http is allowed only for loopback hosts"
                    + " (127.0.0.0/8 literals, ::1, localhost) such as the sandbox, or for a test proxy through"
                    + " allowInsecureHttpForTesting()");
        }
    }

    private static boolean isIpv4LoopbackLiteral(String h) {
        String[] octets = h.split("\\.", -1);
        if (octets.length != 4) {
            return false;
        }
        for (String octet : octets) {
            if (octet.isEmpty() || octet.length() > 3 || (octet.length() > 1 && octet.charAt(0) == '0')) {
                return false;
            }
            for (int i = 0; i < octet.length(); i++) {
                if (octet.charAt(i) < '0' || octet.charAt(i) > '9') {
                    return false;
                }
            }
            if (Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return octets[0].equals("127");
    }

    /** {@code ::1} in any of its textual forms (zero groups compressed or not, leading zeros); no zone id. */
    private static boolean isIpv6LoopbackLiteral(String h) {
        if (h.indexOf(':') < 0 || h.indexOf('%') >= 0) {
            return false;
        }
        int gap = h.indexOf("::");
        if (gap >= 0 && h.indexOf("::", gap + 1) >= 0) {
            return false;
        }
        String[] head;
        String[] tail;
        if (gap >= 0) {
            head = h.substring(0, gap).isEmpty() ? new String[0] : h.substring(0, gap).split(":", -1);
            tail = h.substring(gap + 2).isEmpty() ? new String[0] : h.substring(gap + 2).split(":", -1);
            if (head.length + tail.length > 7) {
                return false;
            }
        } else {
            head = h.split(":", -1);
            tail = new String[0];
            if (head.length != 8) {
                return false;
            }
        }
        String[] groups = new String[8];
        java.util.Arrays.fill(groups, "0");
        System.arraycopy(head, 0, groups, 0, head.length);
        System.arraycopy(tail, 0, groups, 8 - tail.length, tail.length);
        for (int i = 0; i < 8; i++) {
            String g = groups[i];
            if (g.isEmpty() || g.length() > 4) {
                return false;
            }
            int value;
            try {
                value = Integer.parseInt(g, 16);
            } catch (NumberFormatException e) {
                return false;
            }
            if (g.charAt(0) == '+' || g.charAt(0) == '-' || value != (i == 7 ? 1 : 0)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether this profile was built with {@link Builder#allowInsecureHttpForTesting()}: plain http to a host that is
     * not loopback is then sent, tokens and signatures in clear text. Never true for the NICEPAY presets.
     */
    public boolean insecureHttpAllowedForTesting() {
        return insecureHttpAllowed;
    }

    /** A short name for logs and cache keys, e.g. {@code nicepay-development}. */
    public String name() {
        return name;
    }

    /** The environment root, without trailing slash. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The token path under the root, e.g. {@code /nicepay/v1.0/access-token/b2b}. */
    public String tokenPath() {
        return tokenPath;
    }

    /** The full token URL: base URL + token path. */
    public URI tokenUrl() {
        return URI.create(baseUrl + tokenPath);
    }

    /** The prefix removed from request paths before symmetric signing (NICEPAY: {@code /nicepay}); may be empty. */
    public String signingPathPrefix() {
        return signingPathPrefix;
    }

    /** The zone of {@code X-TIMESTAMP} (NICEPAY: Asia/Jakarta). */
    public ZoneId zone() {
        return zone;
    }

    /**
     * The path as the provider signs it: the request path (with query) minus the signing prefix.
     * {@code /nicepay/api/v1.0/transfer-va/create-va} becomes {@code /api/v1.0/transfer-va/create-va}.
     */
    public String signingPath(String requestPathAndQuery) {
        if (requestPathAndQuery == null || !requestPathAndQuery.startsWith("/")) {
            throw new SnapConfigurationException("a request path must start with '/', got '" + requestPathAndQuery
                    + "'");
        }
        String prefix = signingPathPrefix;
        if (!prefix.isEmpty() && requestPathAndQuery.startsWith(prefix)
                && (requestPathAndQuery.length() == prefix.length()
                || requestPathAndQuery.charAt(prefix.length()) == '/'
                || requestPathAndQuery.charAt(prefix.length()) == '?')) {
            String rest = requestPathAndQuery.substring(prefix.length());
            return rest.isEmpty() || rest.startsWith("?") ? "/" + rest : rest;
        }
        return requestPathAndQuery;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProviderProfile p && p.name.equals(name) && p.baseUrl.equals(baseUrl)
                && p.tokenPath.equals(tokenPath) && p.signingPathPrefix.equals(signingPathPrefix) && p.zone.equals(zone)
                && p.insecureHttpAllowed == insecureHttpAllowed;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, baseUrl, tokenPath, signingPathPrefix, zone, insecureHttpAllowed);
    }

    @Override
    public String toString() {
        return "ProviderProfile[" + name + ", " + baseUrl + ", token " + tokenPath + ", zone " + zone
                + (insecureHttpAllowed ? ", INSECURE plain http allowed for testing" : "") + "]";
    }

    /** Builds a {@link ProviderProfile}; validation happens in {@link #build()}. */
    public static final class Builder {
        private String name;
        private URI baseUrl;
        private String tokenPath;
        private String signingPathPrefix = "";
        private ZoneId zone = SnapTimestamp.JAKARTA;
        private boolean insecureHttpAllowed;

        private Builder() {
        }

        /**
         * INSECURE, for tests only: lets the base URL be plain {@code http://} to a host that is not loopback (a test
         * proxy of your own on another machine). Access tokens and signatures then travel in clear text, readable by
         * anyone on the path; never use this with real credentials. Loopback hosts need no opt-out.
         */
        public Builder allowInsecureHttpForTesting() {
            this.insecureHttpAllowed = true;
            return this;
        }

        /** A short name for logs and cache keys. */
        public Builder name(String value) {
            this.name = value;
            return this;
        }

        /** The environment root URL. */
        public Builder baseUrl(URI value) {
            this.baseUrl = value;
            return this;
        }

        /** The environment root URL, parsed. */
        public Builder baseUrl(String value) {
            try {
                return baseUrl(new URI(value));
            } catch (URISyntaxException | NullPointerException e) {
                throw new SnapConfigurationException("the base URL '" + value + "' is not a valid URL");
            }
        }

        /** The token path under the root. */
        public Builder tokenPath(String value) {
            this.tokenPath = value;
            return this;
        }

        /** The prefix removed from paths before symmetric signing; empty for none. */
        public Builder signingPathPrefix(String value) {
            this.signingPathPrefix = value;
            return this;
        }

        /** The zone of timestamps. */
        public Builder zone(ZoneId value) {
            this.zone = value;
            return this;
        }

        /**
         * The profile.
         *
         * @throws SnapConfigurationException when a value is missing or invalid
         */
        public ProviderProfile build() {
            return new ProviderProfile(this);
        }
    }
}
