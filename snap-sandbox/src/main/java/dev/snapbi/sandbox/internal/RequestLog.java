package dev.snapbi.sandbox.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The last {@link #CAPACITY} recorded requests, oldest first. Bodies and headers are kept within bounds. */
public final class RequestLog {

    /** How many requests are kept. */
    public static final int CAPACITY = 1000;
    /** How much of a body is kept. */
    public static final int MAX_BODY_BYTES = 16 * 1024;
    private static final int MAX_HEADER_CHARS = 16 * 1024;
    private static final Set<String> SENSITIVE = Set.of("x-signature", "authorization", "proxy-authorization",
            "cookie", "x-client-secret");

    /**
     * One recorded request and its answer (the public {@code RecordedRequest} is made from it).
     *
     * @param method         the HTTP method
     * @param path           the raw path
     * @param headers        the headers as received, within bounds (unmodifiable, order kept)
     * @param body           the body as lenient UTF-8 text, at most {@link #MAX_BODY_BYTES}
     * @param signatureValid whether {@code X-SIGNATURE} verified
     * @param status         the HTTP status sent, 0 when dropped
     * @param responseCode   the answer's {@code responseCode}, or {@code null}
     */
    public record Entry(String method, String path, Map<String, List<String>> headers, String body,
                        boolean signatureValid, int status, String responseCode) {

        /** Copies the headers (unmodifiable, order kept). */
        public Entry {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            headers.forEach((name, values) -> copy.put(name, Collections.unmodifiableList(new ArrayList<>(values))));
            headers = Collections.unmodifiableMap(copy);
        }
    }

    private final ArrayDeque<Entry> entries = new ArrayDeque<>(CAPACITY);

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
        Entry recorded = new Entry(request.method(), request.path(), headers,
                request.lenientBody(MAX_BODY_BYTES), signatureValid, reply.status(), reply.responseCode());
        synchronized (entries) {
            if (entries.size() == CAPACITY) {
                entries.removeFirst();
            }
            entries.addLast(recorded);
        }
    }

    /** A copy of the entries, oldest first. */
    public List<Entry> snapshot() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    /** Whether a header's value is a secret that is never shown (signature, credentials, cookies). */
    public static boolean isSensitiveHeader(String name) {
        return name != null && SENSITIVE.contains(name.toLowerCase(Locale.ROOT));
    }

    /** Forgets every entry. */
    public void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }
}
