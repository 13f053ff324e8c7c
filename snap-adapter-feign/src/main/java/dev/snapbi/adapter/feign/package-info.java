/**
 * The Feign adapter, one package per feature: {@link dev.snapbi.adapter.feign.token} fetches access tokens (the
 * {@link dev.snapbi.domain.port.TokenEndpoint} port, with Resilience4j), {@link dev.snapbi.adapter.feign.transaction}
 * makes signed transactional calls (a Feign capability for your own interfaces, and the
 * {@link dev.snapbi.domain.port.TransactionTransport} port). The plumbing both share (the bounded JDK client, body
 * deadlines, redaction, failure mapping) lives in {@link dev.snapbi.adapter.feign.internal}, which is not API.
 */
package dev.snapbi.adapter.feign;
