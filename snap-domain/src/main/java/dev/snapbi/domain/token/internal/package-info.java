/**
 * The concurrency core of the token service: a refresh-ahead cell on a monotonic clock. <b>Not API</b>: anything
 * here may change or go without notice; use {@link dev.snapbi.domain.token.AccessTokenService}.
 */
package dev.snapbi.domain.token.internal;
