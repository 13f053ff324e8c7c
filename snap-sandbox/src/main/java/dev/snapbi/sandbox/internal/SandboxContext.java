package dev.snapbi.sandbox.internal;

import java.time.Clock;
import java.time.Duration;

/**
 * Everything the endpoints share: configuration and state of one sandbox (never static, so that several sandboxes
 * live side by side in one JVM).
 *
 * @param clock           the sandbox's clock: timestamp freshness and token expiry
 * @param tokenLifetime   how long issued tokens live (whole seconds)
 * @param timestampWindow how far {@code X-TIMESTAMP} may be from the clock, either side
 * @param clients         registered clients
 * @param tokens          issued tokens
 * @param faults          faults waiting for token requests
 * @param counters        stats
 * @param log             recorded token and transactional requests
 * @param transactionFaults faults waiting for requests to the NICEPAY services under {@code /nicepay/api/v1.0}
 * @param externalIds     the {@code X-EXTERNAL-ID}s used, per partner and Jakarta day, shared by every service
 * @param ledger          virtual accounts, payments, refunds, payouts and balances
 */
public record SandboxContext(Clock clock, Duration tokenLifetime, Duration timestampWindow, ClientRegistry clients,
                             TokenStore tokens, FaultPlan faults, Counters counters, RequestLog log,
                             FaultPlan transactionFaults, ExternalIdRegistry externalIds, Ledger ledger) {

    /** Counts the answer in the stats and records the exchange in the request log; returns the answer. */
    public Reply answered(Incoming request, boolean signatureValid, Reply reply) {
        counters.answered(reply);
        log.record(request, signatureValid, reply);
        return reply;
    }
}
