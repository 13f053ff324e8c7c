/** Not part of the API: key naming, Lua scripts and sealing of tokens at rest for {@code RedisTokenCache}. */
package dev.snapbi.cache.redis.internal;
