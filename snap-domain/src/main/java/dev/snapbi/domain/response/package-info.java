/**
 * SNAP response codes, success and failure alike: {@link dev.snapbi.domain.response.ResponseCode} (the seven digits
 * HTTP status + service + case), {@link dev.snapbi.domain.response.ServiceCode} (the two-digit service in the middle)
 * and {@link dev.snapbi.domain.response.StandardResponse} (SNAP's catalogue of standard cases and messages). The
 * errors in {@code dev.snapbi.domain.error} carry these codes; this package depends on nothing but the JDK.
 */
package dev.snapbi.domain.response;
