package dev.snapbi.adapter.feign.internal;

import dev.snapbi.domain.error.SnapConfigurationException;

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

    /** Whether the host text is a loopback literal or {@code localhost}. */
    public static boolean isLoopbackHost(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost")) {
            return true;
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return isIpv4Loopback(h) || isIpv6Loopback(h);
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

    private static boolean isIpv4Loopback(String h) {
        String[] parts = h.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3) {
                return false;
            }
            for (int i = 0; i < part.length(); i++) {
                if (part.charAt(i) < '0' || part.charAt(i) > '9') {
                    return false;
                }
            }
            if (Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return parts[0].equals("127");
    }

    private static boolean isIpv6Loopback(String h) {
        // every spelling of ::1: zero groups, then a last group of 1
        if (!h.contains(":") || h.contains("%")) {
            return false;
        }
        String[] groups = h.split(":", -1);
        int nonEmpty = 0;
        for (String g : groups) {
            if (g.length() > 4) {
                return false;
            }
            for (int i = 0; i < g.length(); i++) {
                if (Character.digit(g.charAt(i), 16) < 0) {
                    return false;
                }
            }
            if (!g.isEmpty()) {
                nonEmpty++;
            }
        }
        if (groups.length > 8 || (!h.contains("::") && groups.length != 8)) {
            return false;
        }
        String last = groups[groups.length - 1];
        if (last.isEmpty() || Integer.parseInt(last, 16) != 1) {
            return false;
        }
        for (int i = 0; i < groups.length - 1; i++) {
            if (!groups[i].isEmpty() && Integer.parseInt(groups[i], 16) != 0) {
                return false;
            }
        }
        return nonEmpty >= 1;
    }
}
