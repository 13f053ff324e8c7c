package dev.snapbi.cache.redis.internal;

import dev.snapbi.domain.model.TokenCacheKey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Redis keys of one credential: {@code snapbi:v1:{<hash>}:token}, {@code ...:lease} and {@code ...:fence}. The
 * hash (SHA-256 of namespace and client key, 128 bits in hex) is the Redis Cluster hash tag, so the three keys live
 * in one slot and a Lua script may touch them all; neither the client key nor a token appears in a key.
 *
 * @param token where the sealed token lives (with a TTL)
 * @param lease the fetch lease ({@code owner:fence}, with a TTL)
 * @param fence the fence counter (INCR, never expires)
 */
public record RedisKeys(String token, String lease, String fence) {

    /** The keys for a credential. */
    public static RedisKeys of(TokenCacheKey key) {
        String base = "snapbi:v1:{" + hash(key.namespace() + "\n" + key.clientKey().value()) + "}:";
        return new RedisKeys(base + "token", base + "lease", base + "fence");
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", e);
        }
    }
}
