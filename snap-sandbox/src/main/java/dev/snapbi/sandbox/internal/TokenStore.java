package dev.snapbi.sandbox.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The access tokens issued, with their client and expiry. Tokens are real RS256 JWTs, like NICEPAY's: a header
 * {@code {"alg":"RS256","typ":"JWT"}}, a payload naming the client, issue and expiry times and a random {@code jti},
 * and a SHA256withRSA signature by the sandbox's own key (verifiable with its public key; clients must still treat
 * tokens as opaque). Bounded at {@link #MAX_TOKENS}: beyond it expired tokens are dropped first, then the oldest.
 */
public final class TokenStore {

    /** The most tokens remembered at once. */
    public static final int MAX_TOKENS = 100_000;

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = B64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}"
            .getBytes(StandardCharsets.UTF_8));

    private final Map<String, Issued> tokens = new LinkedHashMap<>();
    private final SandboxKey key;

    /** A store whose tokens are signed with {@code key}. */
    public TokenStore(SandboxKey key) {
        this.key = key;
    }

    private record Issued(String clientKey, Instant expiresAt) {
    }

    /** Issues a new token for the client, valid from {@code now} for {@code lifetime}. */
    public String issue(String clientKey, Instant now, Duration lifetime) {
        Instant expiresAt = now.plus(lifetime);
        String payload = "{\"iss\":\"snap-sandbox\",\"sub\":" + SandboxJson.write(clientKey) + ",\"iat\":"
                + now.getEpochSecond() + ",\"exp\":" + expiresAt.getEpochSecond() + ",\"jti\":\""
                + Keys.randomUrlSafe(16) + "\"}";
        String signed = HEADER + "." + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        String token = signed + "." + B64.encodeToString(key.sign(signed.getBytes(StandardCharsets.US_ASCII)));
        synchronized (this) {
            if (tokens.size() >= MAX_TOKENS) {
                makeRoom(now);
            }
            if (tokens.putIfAbsent(token, new Issued(clientKey, expiresAt)) != null) {
                throw new IllegalStateException("the random source repeated itself");
            }
        }
        return token;
    }

    private void makeRoom(Instant now) {
        tokens.values().removeIf(issued -> !now.isBefore(issued.expiresAt));
        Iterator<String> oldest = tokens.keySet().iterator();
        while (tokens.size() >= MAX_TOKENS - MAX_TOKENS / 10 && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }

    /** Whether the token was issued here, is not revoked and has not expired at {@code now}. */
    public synchronized boolean isActive(String token, Instant now) {
        Issued issued = token == null ? null : tokens.get(token);
        return issued != null && now.isBefore(issued.expiresAt);
    }

    /** The client the token was issued to, when it was issued here, is not revoked and has not expired at {@code now}. */
    public synchronized String clientOf(String token, Instant now) {
        Issued issued = token == null ? null : tokens.get(token);
        return issued != null && now.isBefore(issued.expiresAt) ? issued.clientKey : null;
    }

    /** Forgets a token; whether it was known. */
    public synchronized boolean revoke(String token) {
        return token != null && tokens.remove(token) != null;
    }

    /** Forgets every token; how many there were. */
    public synchronized int revokeAll() {
        int count = tokens.size();
        tokens.clear();
        return count;
    }

    /** How many tokens are remembered (expired ones included until they are pruned). */
    public synchronized int size() {
        return tokens.size();
    }
}
