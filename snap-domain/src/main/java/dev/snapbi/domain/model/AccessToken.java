package dev.snapbi.domain.model;

import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.internal.Checks;
import dev.snapbi.domain.internal.Redaction;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A B2B access token: the opaque value (never parsed), its type ({@code Bearer}), when it was obtained (the clock
 * reading taken before the request was sent) and when it expires ({@code obtainedAt + expiresIn}).
 * {@code toString()} shows only a hint: {@code AccessToken[Bearer, ****ab12, expires 2024-12-31T03:26:40Z]}.
 */
public final class AccessToken {

    /** The longest token accepted, in characters. */
    public static final int MAX_LENGTH = 2048;

    private final String value;
    private final String tokenType;
    private final Instant obtainedAt;
    private final Instant expiresAt;

    private AccessToken(String value, String tokenType, Instant obtainedAt, Instant expiresAt) {
        this.value = value;
        this.tokenType = tokenType;
        this.obtainedAt = obtainedAt;
        this.expiresAt = expiresAt;
    }

    /**
     * A token with all its parts.
     *
     * @throws SnapConfigurationException when the value is blank, longer than {@value #MAX_LENGTH} characters or holds
     *                                    characters that cannot go into an HTTP header, or when it expires before it
     *                                    was obtained
     */
    public static AccessToken of(String value, String tokenType, Instant obtainedAt, Instant expiresAt) {
        String problem = problemWith(value);
        if (problem != null) {
            throw new SnapConfigurationException("invalid access token: " + problem);
        }
        if (tokenType == null || tokenType.isBlank()) {
            throw new SnapConfigurationException("invalid access token: the token type is missing");
        }
        Objects.requireNonNull(obtainedAt, "obtainedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(obtainedAt)) {
            throw new SnapConfigurationException("invalid access token: it expires (" + expiresAt
                    + ") before it was obtained (" + obtainedAt + ")");
        }
        return new AccessToken(value, tokenType, obtainedAt, expiresAt);
    }

    /** A {@code Bearer} token obtained at {@code obtainedAt} and valid for {@code lifetime}. */
    public static AccessToken bearer(String value, Instant obtainedAt, Duration lifetime) {
        return of(value, "Bearer", obtainedAt, obtainedAt.plus(lifetime));
    }

    /**
     * Why a token value is unusable, or {@code null} when it is fine. Shared by adapters that validate server
     * answers; the text never contains the value.
     */
    public static String problemWith(String value) {
        if (value == null || value.isEmpty()) {
            return "the token is missing or empty";
        }
        if (value.length() > MAX_LENGTH) {
            return "the token has " + value.length() + " characters, more than the " + MAX_LENGTH + " allowed";
        }
        int bad = Checks.firstNonVisibleAscii(value);
        return bad < 0 ? null : "the token holds a character that cannot go into an HTTP header (position " + bad + ")";
    }

    /** The opaque token value. A secret: never log it. */
    public String value() {
        return value;
    }

    /** The token type, normally {@code Bearer}. */
    public String tokenType() {
        return tokenType;
    }

    /** The clock reading taken before the request that obtained this token was sent. */
    public Instant obtainedAt() {
        return obtainedAt;
    }

    /** When the token stops being valid. */
    public Instant expiresAt() {
        return expiresAt;
    }

    /** How long the token was issued for ({@code expiresIn}). */
    public Duration lifetime() {
        return Duration.between(obtainedAt, expiresAt);
    }

    /** Whether the token has expired at {@code now}. */
    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** The {@code Authorization} header value: {@code Bearer <token>}. A secret: never log it. */
    public String authorizationHeader() {
        return "Bearer " + value;
    }

    /** Equal when the value, type and times are equal: "this exact token". */
    @Override
    public boolean equals(Object o) {
        return o instanceof AccessToken other && other.value.equals(value) && other.tokenType.equals(tokenType)
                && other.obtainedAt.equals(obtainedAt) && other.expiresAt.equals(expiresAt);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "AccessToken[" + tokenType + ", " + Redaction.hint(value) + ", expires " + expiresAt + "]";
    }
}
