package dev.snapbi.cache.redis.internal;

/** The Lua scripts; each runs atomically in Redis and touches only keys of one hash tag. */
public final class RedisScripts {

    private RedisScripts() {
    }

    /** KEYS: token. Returns {value or false, PTTL}. */
    public static final String READ = "return {redis.call('GET', KEYS[1]), redis.call('PTTL', KEYS[1])}";

    /**
     * KEYS: lease, fence. ARGV: owner, ttl ms. SET NX PX, then INCR the fence and record {@code owner:fence} in the
     * lease. Returns the fence, or 0 when another owner holds the lease.
     */
    public static final String ACQUIRE = """
            if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 0 end
            local fence = redis.call('INCR', KEYS[2])
            redis.call('SET', KEYS[1], ARGV[1] .. ':' .. fence, 'PX', ARGV[2])
            return fence""";

    /**
     * KEYS: token, fence. ARGV: fence, sealed token, ttl ms. Stores only when no newer lease was issued since this
     * one (the fence counter is still this lease's). Returns 1 when stored.
     */
    public static final String STORE_FENCED = """
            if tonumber(redis.call('GET', KEYS[2]) or '0') ~= tonumber(ARGV[1]) then return 0 end
            redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
            return 1""";

    /** KEYS: lease. ARGV: owner:fence. Deletes the lease only if it is still exactly this one. */
    public static final String RELEASE = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0""";

    /**
     * KEYS: token. ARGV: expected prefix ('' for "nothing stored"), replacement ('' to delete), ttl ms. A
     * compare-and-set on the token's keyed fingerprint: only that exact token is replaced or deleted.
     */
    public static final String COMPARE_AND_SET = """
            local v = redis.call('GET', KEYS[1])
            if ARGV[1] == '' then
              if v then return 0 end
            elseif not v or string.sub(v, 1, string.len(ARGV[1])) ~= ARGV[1] then
              return 0
            end
            if ARGV[2] == '' then redis.call('DEL', KEYS[1]) else redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) end
            return 1""";
}
