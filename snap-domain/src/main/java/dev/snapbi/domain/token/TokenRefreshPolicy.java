package dev.snapbi.domain.token;

import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.internal.Checks;

import java.time.Duration;
import java.util.Objects;

/**
 * When an {@link AccessTokenService} refreshes, how long callers wait and how it backs off: an immutable, validated
 * value. Short-lived tokens get proportionate points: the prefetch lead is at most half the token's lifetime and the
 * stale lead at most a quarter.
 * <pre>{@code
 * TokenRefreshPolicy policy = TokenRefreshPolicy.builder()
 *         .prefetchBefore(Duration.ofSeconds(60))   // background refresh from here
 *         .staleBefore(Duration.ofSeconds(15))      // callers wait for the refresh from here
 *         .build();
 * }</pre>
 *
 * @see #builder()
 */
public final class TokenRefreshPolicy {

    private static final TokenRefreshPolicy DEFAULTS = builder().build();

    private final Duration prefetchBefore;
    private final Duration staleBefore;
    private final Duration maxWait;
    private final Duration minBackoff;
    private final double prefetchJitter;
    private final Duration fetchTimeout;
    private final Duration leaseTtl;

    private TokenRefreshPolicy(Builder b) {
        requireNonNegative(b.prefetchBefore, "prefetchBefore");
        requireNonNegative(b.staleBefore, "staleBefore");
        requireNonNegative(b.minBackoff, "minBackoff");
        if (b.staleBefore.compareTo(b.prefetchBefore) > 0) {
            throw new SnapConfigurationException("staleBefore (" + b.staleBefore + ") must not exceed prefetchBefore ("
                    + b.prefetchBefore + "): the stale point comes after the prefetch point");
        }
        requirePositive(b.maxWait, "maxWait");
        requirePositive(b.fetchTimeout, "fetchTimeout");
        requirePositive(b.leaseTtl, "leaseTtl");
        if (!(b.prefetchJitter >= 0.0 && b.prefetchJitter <= 1.0)) {
            throw new SnapConfigurationException("prefetchJitter is a fraction of the prefetch window between 0 and 1,"
                    + " got " + b.prefetchJitter);
        }
        for (Duration d : new Duration[]{b.prefetchBefore, b.maxWait, b.minBackoff, b.fetchTimeout, b.leaseTtl}) {
            if (d.compareTo(Duration.ofDays(366)) > 0) {
                throw new SnapConfigurationException("durations of a token refresh policy are at most a year, got "
                        + d);
            }
        }
        this.prefetchBefore = b.prefetchBefore;
        this.staleBefore = b.staleBefore;
        this.maxWait = b.maxWait;
        this.minBackoff = b.minBackoff;
        this.prefetchJitter = b.prefetchJitter;
        this.fetchTimeout = b.fetchTimeout;
        this.leaseTtl = b.leaseTtl;
    }

    private static void requireNonNegative(Duration d, String name) {
        require(Checks.durationProblem(d, name, true));
    }

    private static void requirePositive(Duration d, String name) {
        require(Checks.durationProblem(d, name, false));
    }

    private static void require(String problem) {
        if (problem != null) {
            throw new SnapConfigurationException(problem);
        }
    }

    /** The defaults: prefetch 60 s, stale 15 s, max wait 30 s, back-off 1 s, jitter 0.5, fetch 60 s, lease 10 s. */
    public static TokenRefreshPolicy defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this policy. */
    public Builder toBuilder() {
        return new Builder().prefetchBefore(prefetchBefore).staleBefore(staleBefore).maxWait(maxWait)
                .minBackoff(minBackoff).prefetchJitter(prefetchJitter).fetchTimeout(fetchTimeout).leaseTtl(leaseTtl);
    }

    /** How long before expiry a background refresh starts. */
    public Duration prefetchBefore() {
        return prefetchBefore;
    }

    /** How long before expiry callers stop using the token and wait for the refresh. */
    public Duration staleBefore() {
        return staleBefore;
    }

    /** How long a caller waits for a token. */
    public Duration maxWait() {
        return maxWait;
    }

    /** The least time between a failed fetch and the next one. */
    public Duration minBackoff() {
        return minBackoff;
    }

    /**
     * Which part of the prefetch window (prefetch point to stale point) a service with a shared cache may
     * randomly delay its prefetch point by, so replicas do not all wake at once; 0 to 1.
     */
    public double prefetchJitter() {
        return prefetchJitter;
    }

    /** How long one fetch may take before it is abandoned (its thread interrupted) and a new one allowed. */
    public Duration fetchTimeout() {
        return fetchTimeout;
    }

    /**
     * How long a fetch lease of a {@link dev.snapbi.domain.port.CoordinatedTokenCache} is held: bounds how long other
     * replicas wait for the holder's token before fetching themselves.
     */
    public Duration leaseTtl() {
        return leaseTtl;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenRefreshPolicy p && p.prefetchBefore.equals(prefetchBefore)
                && p.staleBefore.equals(staleBefore) && p.maxWait.equals(maxWait) && p.minBackoff.equals(minBackoff)
                && Double.compare(p.prefetchJitter, prefetchJitter) == 0 && p.fetchTimeout.equals(fetchTimeout)
                && p.leaseTtl.equals(leaseTtl);
    }

    @Override
    public int hashCode() {
        return Objects.hash(prefetchBefore, staleBefore, maxWait, minBackoff, prefetchJitter, fetchTimeout, leaseTtl);
    }

    @Override
    public String toString() {
        return "TokenRefreshPolicy[prefetchBefore " + prefetchBefore + ", staleBefore " + staleBefore + ", maxWait "
                + maxWait + ", minBackoff " + minBackoff + ", prefetchJitter " + prefetchJitter + ", fetchTimeout "
                + fetchTimeout + ", leaseTtl " + leaseTtl + "]";
    }

    /** Builds a {@link TokenRefreshPolicy}; every setting has a default. */
    public static final class Builder {
        private Duration prefetchBefore = Duration.ofSeconds(60);
        private Duration staleBefore = Duration.ofSeconds(15);
        private Duration maxWait = Duration.ofSeconds(30);
        private Duration minBackoff = Duration.ofSeconds(1);
        private double prefetchJitter = 0.5;
        private Duration fetchTimeout = Duration.ofSeconds(60);
        private Duration leaseTtl = Duration.ofSeconds(10);

        private Builder() {
        }

        /** How long before expiry a background refresh starts; default 60 s. */
        public Builder prefetchBefore(Duration value) {
            this.prefetchBefore = value;
            return this;
        }

        /** How long before expiry callers wait for the refresh; default 15 s; not more than prefetchBefore. */
        public Builder staleBefore(Duration value) {
            this.staleBefore = value;
            return this;
        }

        /** How long a caller waits for a token; default 30 s. */
        public Builder maxWait(Duration value) {
            this.maxWait = value;
            return this;
        }

        /** The least time between a failed fetch and the next one; default 1 s. */
        public Builder minBackoff(Duration value) {
            this.minBackoff = value;
            return this;
        }

        /** The part of the prefetch window to jitter by, 0 to 1; default 0.5 (used with a shared cache only). */
        public Builder prefetchJitter(double value) {
            this.prefetchJitter = value;
            return this;
        }

        /** How long one fetch may take before it is abandoned; default 60 s. */
        public Builder fetchTimeout(Duration value) {
            this.fetchTimeout = value;
            return this;
        }

        /** How long a fleet fetch lease lasts; default 10 s. */
        public Builder leaseTtl(Duration value) {
            this.leaseTtl = value;
            return this;
        }

        /**
         * The policy.
         *
         * @throws SnapConfigurationException when a setting is missing, negative, out of range or inconsistent
         */
        public TokenRefreshPolicy build() {
            return new TokenRefreshPolicy(this);
        }
    }
}
