package dev.snapbi.spring.boot3.autoconfigure.actuate;

import dev.snapbi.spring.boot3.autoconfigure.NicepayClientStatus;
import dev.snapbi.spring.boot3.autoconfigure.NicepayClients;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * The health of one NICEPAY client from what it already knows, never by calling NICEPAY: UP while a valid token is
 * held or the last fetch succeeded, DOWN while no valid token is held and the last fetch failed (typically with the
 * circuit open), UNKNOWN before the first fetch. Details: client key, environment, token expiry, circuit breaker
 * state; never the token.
 */
public final class SnapbiHealthIndicator implements HealthIndicator {

    private final NicepayClients clients;
    private final String name;

    /**
     * @param clients the clients
     * @param name    the client's name
     */
    public SnapbiHealthIndicator(NicepayClients clients, String name) {
        this.clients = clients;
        this.name = name;
    }

    @Override
    public Health health() {
        NicepayClientStatus status = clients.status(name);
        Health.Builder health = switch (status.state()) {
            case UP -> Health.up();
            case DOWN -> Health.down();
            case UNKNOWN -> Health.status(Status.UNKNOWN);
        };
        health.withDetail("clientKey", clients.get(name).clientKey().value())
                .withDetail("environment", clients.get(name).environment().name());
        status.expiresAt().ifPresent(at -> health.withDetail("tokenExpiresAt", at.toString()));
        if (status.circuitBreaker() != null) {
            health.withDetail("circuitBreaker", status.circuitBreaker());
        }
        if (status.lastFailure() != null) {
            health.withDetail("lastFailure", status.lastFailure());
        }
        return health.build();
    }
}
