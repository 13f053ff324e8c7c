package dev.snapbi.sandbox.internal;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code X-EXTERNAL-ID}s seen per partner and day (the provider's day, Jakarta), to answer {@code 409} to a
 * repeat. Days before the newest one seen are forgotten; within a day at most {@link #MAX_PER_DAY} ids are kept
 * (the oldest are forgotten first), so memory stays bounded whatever clients send.
 */
public final class ExternalIdRegistry {

    /** The most ids remembered for one day, over all partners. */
    public static final int MAX_PER_DAY = 200_000;

    private final Map<LocalDate, Set<String>> byDay = new TreeMap<>();

    /** Claims the id for the partner on that day; false when it was already used then. */
    public synchronized boolean claim(String partnerId, LocalDate day, String externalId) {
        byDay.keySet().removeIf(d -> d.isBefore(day));
        Set<String> ids = byDay.computeIfAbsent(day, d -> new LinkedHashSet<>());
        // the partner id has no '|' (a client key), so the pair is unambiguous
        if (!ids.add(partnerId + "|" + externalId)) {
            return false;
        }
        if (ids.size() > MAX_PER_DAY) {
            Iterator<String> oldest = ids.iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }
}
