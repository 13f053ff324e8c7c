package dev.snapbi.domain.notification;

import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.port.NotificationReplayStore;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A bounded in-memory {@link NotificationReplayStore} for one application instance: it remembers accepted
 * notifications until their timestamp leaves the window, at most {@link #DEFAULT_CAPACITY} (or the capacity given) at
 * once. Only notifications whose signature verified reach the store, so an attacker cannot fill it; when genuine
 * traffic does (more than the capacity within the window), the oldest entries are forgotten first. Thread-safe.
 */
public final class InMemoryNotificationReplayStore implements NotificationReplayStore {

    /** The default number of notifications remembered at once: 100,000 (about 15 MB). */
    public static final int DEFAULT_CAPACITY = 100_000;

    private final int capacity;
    private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();

    private InMemoryNotificationReplayStore(int capacity) {
        this.capacity = capacity;
    }

    /** A store remembering up to {@link #DEFAULT_CAPACITY} notifications. */
    public static InMemoryNotificationReplayStore create() {
        return withCapacity(DEFAULT_CAPACITY);
    }

    /**
     * A store remembering up to {@code capacity} notifications.
     *
     * @throws SnapConfigurationException when {@code capacity} is below 1
     */
    public static InMemoryNotificationReplayStore withCapacity(int capacity) {
        if (capacity < 1) {
            throw new SnapConfigurationException("the replay store's capacity must be at least 1, got " + capacity);
        }
        return new InMemoryNotificationReplayStore(capacity);
    }

    @Override
    public synchronized boolean firstSighting(String key, Instant now, Instant forgetAfter) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(forgetAfter, "forgetAfter");
        forgetExpiredAtTheHead(now);
        Instant remembered = seen.get(key);
        if (remembered != null && remembered.isAfter(now)) {
            return false;
        }
        if (seen.size() >= capacity) {
            seen.values().removeIf(until -> !until.isAfter(now));
            Iterator<Map.Entry<String, Instant>> eldest = seen.entrySet().iterator();
            while (seen.size() >= capacity && eldest.hasNext()) {
                eldest.next();
                eldest.remove();
            }
        }
        seen.put(key, forgetAfter);
        return true;
    }

    /** Entries arrive roughly in expiry order: dropping expired ones from the head keeps the map small cheaply. */
    private void forgetExpiredAtTheHead(Instant now) {
        Iterator<Instant> oldest = seen.values().iterator();
        while (oldest.hasNext()) {
            if (oldest.next().isAfter(now)) {
                return;
            }
            oldest.remove();
        }
    }

    /** How many notifications are remembered now (expired ones may still count until they are dropped). */
    public synchronized int size() {
        return seen.size();
    }

    @Override
    public synchronized String toString() {
        return "InMemoryNotificationReplayStore[" + seen.size() + " of " + capacity + "]";
    }
}
