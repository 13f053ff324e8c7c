package dev.snapbi.sandbox.internal;

import dev.snapbi.sandbox.RecordedRequest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The last {@link #CAPACITY} recorded requests, oldest first. Bodies and headers are kept within bounds. */
public final class RequestLog {

    /** How many requests are kept. */
    public static final int CAPACITY = 1000;
    /** How much of a body is kept. */
    public static final int MAX_BODY_BYTES = 16 * 1024;
    private static final int MAX_HEADER_CHARS = 16 * 1024;

    private final ArrayDeque<RecordedRequest> entries = new ArrayDeque<>(CAPACITY);

    /** Records a request and its answer. */
    public void record(Incoming request, boolean signatureValid, Reply reply) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        int budget = MAX_HEADER_CHARS;
        for (Map.Entry<String, List<String>> entry : request.headers().entrySet()) {
            List<String> values = new ArrayList<>();
            for (String value : entry.getValue()) {
                int cost = entry.getKey().length() + value.length();
                if (cost > budget) {
                    break;
                }
                budget -= cost;
                values.add(value);
            }
            if (!values.isEmpty()) {
                headers.put(entry.getKey(), values);
            }
        }
        RecordedRequest recorded = new RecordedRequest(request.method(), request.path(), headers,
                request.lenientBody(MAX_BODY_BYTES), signatureValid, reply.status(), reply.responseCode());
        synchronized (entries) {
            if (entries.size() == CAPACITY) {
                entries.removeFirst();
            }
            entries.addLast(recorded);
        }
    }

    /** A copy of the entries, oldest first. */
    public List<RecordedRequest> snapshot() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    /** Forgets every entry. */
    public void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }
}
