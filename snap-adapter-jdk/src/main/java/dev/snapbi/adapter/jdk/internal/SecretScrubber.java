package dev.snapbi.adapter.jdk.internal;

import dev.snapbi.domain.error.SnapErrors;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps the secrets one exchange sent (access token, signatures) out of text that reaches a message: any run of
 * 12 or more characters that also occurs in a secret is masked, so a server or gateway that echoes a secret, even
 * cut short, does not put it into an exception.
 */
public final class SecretScrubber {

    private static final int MAX_TEXT = 2000;
    private static final int MAX_DEPTH = 8;
    private static final SecretScrubber NONE = new SecretScrubber(List.of());

    private final Map<String, String> headers; // secrets still to be picked from these, or null
    private List<String> secrets; // guarded by this once headers is set

    private SecretScrubber(List<String> secrets) {
        this.headers = null;
        this.secrets = secrets;
    }

    private SecretScrubber(Map<String, String> headers) {
        this.headers = headers;
    }

    /** A scrubber for these secrets; blank or null ones are ignored. */
    public static SecretScrubber of(Collection<String> secrets) {
        List<String> kept = new ArrayList<>();
        for (String s : secrets) {
            if (s != null && !s.isBlank()) {
                kept.add(s);
            }
        }
        return kept.isEmpty() ? NONE : new SecretScrubber(List.copyOf(kept));
    }

    /**
     * A scrubber for the secret values among request headers: {@code Authorization} and {@code Proxy-Authorization}
     * (the credentials after the scheme), {@code Cookie}, and any header whose name holds {@code signature},
     * {@code token} or {@code secret} ({@code X-SIGNATURE}). The headers are looked through only when text is first
     * scrubbed, i.e. when an exchange failed: they must not change after this call (a request's headers do not).
     */
    public static SecretScrubber ofHeaders(Map<String, String> headers) {
        return new SecretScrubber(Objects.requireNonNull(headers, "headers"));
    }

    private static List<String> secretsAmong(Map<String, String> headers) {
        List<String> found = new ArrayList<>();
        headers.forEach((name, value) -> {
            if (name == null || value == null) {
                return;
            }
            String n = name.toLowerCase(Locale.ROOT);
            if (n.equals("authorization") || n.equals("proxy-authorization")) {
                int space = value.indexOf(' ');
                // the credentials after the scheme ("Bearer "): the scheme itself is no secret
                found.add(space > 0 ? value.substring(space + 1).strip() : value);
            } else if (n.equals("cookie") || n.contains("signature") || n.contains("token") || n.contains("secret")) {
                found.add(value);
            }
        });
        return of(found).secrets;
    }

    private synchronized List<String> secrets() {
        if (secrets == null) {
            secrets = secretsAmong(headers);
        }
        return secrets;
    }

    /**
     * The text with every run shared with a secret masked as {@code ****} (the domain's one masking rule,
     * {@link SnapErrors#withoutSecrets}); bounded in length.
     */
    public String scrub(String text) {
        if (text == null) {
            return null;
        }
        String t = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "..." : text;
        List<String> known = secrets();
        return known.isEmpty() ? t : SnapErrors.withoutSecrets(t, known);
    }

    /**
     * A stand-in for a failure's cause chain whose messages are scrubbed: each link keeps the original class name (in
     * its text) and stack trace, so a stack trace still tells what happened, without any secret a server echoed into
     * an exception message (the JDK quotes a malformed status line, for example).
     */
    public Throwable scrubChain(Throwable cause) {
        return cause == null ? null : scrubbed(cause, 0);
    }

    private ScrubbedCause scrubbed(Throwable t, int depth) {
        Throwable next = t.getCause();
        ScrubbedCause copy = new ScrubbedCause(t.getClass().getName(), scrub(t.getMessage()),
                next == null || next == t || depth >= MAX_DEPTH ? null : scrubbed(next, depth + 1));
        copy.setStackTrace(t.getStackTrace());
        return copy;
    }

    /** A cause whose message was scrubbed; {@link #toString()} reads like the original's. */
    public static final class ScrubbedCause extends Exception {
        private static final long serialVersionUID = 1L;
        private final String originalClass;

        ScrubbedCause(String originalClass, String message, Throwable cause) {
            super(message, cause, false, true);
            this.originalClass = originalClass;
        }

        /** The class name of the exception this one stands for. */
        public String originalClass() {
            return originalClass;
        }

        @Override
        public String toString() {
            String m = getMessage();
            return m == null ? originalClass : originalClass + ": " + m;
        }
    }
}
