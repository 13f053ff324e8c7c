package dev.snapbi.domain.port;

import dev.snapbi.domain.model.NotificationVerification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Inbound (driving) port: the use case "is this notification from the provider?" (SNAP-SPEC section 6). Web
 * framework adapters drive it (a servlet filter, the Spring Boot argument resolver, {@code NicepayNotifications});
 * the domain's {@link dev.snapbi.domain.notification.NotificationVerifier} implements it. Everything in the headers
 * is attacker-controlled: implementations answer every input with a typed {@link NotificationVerification} and never
 * throw for it. Thread-safe.
 */
public interface VerifyNotificationUseCase {

    /**
     * Verifies a notification, reading headers through {@code headerLookup}: all values of the named header, or
     * {@code null} or an empty collection when absent. The lookup must match names case-insensitively, as servlet
     * containers and most frameworks do.
     */
    NotificationVerification verify(Function<String, ? extends Collection<String>> headerLookup);

    /**
     * Verifies a notification from its headers, names matched case-insensitively.
     *
     * @param headers the request headers; {@code null} values and lists count as absent
     */
    default NotificationVerification verify(Map<String, ? extends Collection<String>> headers) {
        Objects.requireNonNull(headers, "headers");
        return verify(name -> {
            List<String> values = new ArrayList<>();
            headers.forEach((key, list) -> {
                if (key != null && key.equalsIgnoreCase(name) && list != null) {
                    values.addAll(list);
                }
            });
            return values;
        });
    }
}
