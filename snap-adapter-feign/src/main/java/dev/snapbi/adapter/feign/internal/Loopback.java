package dev.snapbi.adapter.feign.internal;

import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.model.ProviderProfile;

import java.net.URI;
import java.util.Locale;

/**
 * Decides, by the text of the host alone (no name is resolved), whether plain {@code http://} may carry signed
 * requests: only to a loopback host, which is an IP literal in {@code 127.0.0.0/8}, the IPv6 literal {@code ::1}, or
 * exactly {@code localhost}. {@code 127.attacker.example} or {@code 127.0.0.1.nip.io} are names, not literals.
 */
public final class Loopback {

    private Loopback() {
    }

    /** Whether the host text is a loopback literal or {@code localhost}: the domain's one definition. */
    public static boolean isLoopbackHost(String host) {
        return ProviderProfile.isLoopback(host);
    }

    /**
     * Refuses a target that would send secrets in clear text: anything but {@code https}, unless {@code http} to a
     * loopback host (or the caller's explicit opt-out).
     *
     * @throws SnapConfigurationException naming the host, before anything is sent
     */
    public static void requireSecureOrLoopback(URI uri, boolean allowPlainHttp, String what) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return;
        }
        if (!scheme.equals("http")) {
            throw new SnapConfigurationException(what + " needs an https:// URL, got the scheme '" + scheme + "'");
        }
        if (allowPlainHttp || isLoopbackHost(uri.getHost())) {
            return;
        }
        throw new SnapConfigurationException("refusing to send " + what + " over plain http to '" + uri.getHost()
                + "': the bearer token and signatures would travel in clear text. Use https://, or http:// only to a"
                + " loopback address (127.0.0.0/8, [::1] or localhost)");
    }
}
