/**
 * Redis-backed token store and fleet lease (Lettuce): replicas share one access token and make one upstream fetch per expiry.
 */
package dev.snapbi.cache.redis;
