package dev.snapbi.nicepay.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields a builder has no method for ({@code put(name, value)}), kept in the order given and sent as given: the
 * way to send a field NICEPAY adds after this version. The value built copies them.
 */
public final class ExtraFields {

    private final String owner;
    private final Map<String, Object> fields = new LinkedHashMap<>();

    /** For the builder of {@code owner}, as a failure names it (e.g. {@code "VA create request additionalInfo"}). */
    public ExtraFields(String owner) {
        this.owner = owner;
    }

    /** Adds or replaces a field; the name is mandatory. */
    public void put(String name, Object value) {
        RequestFields.required(name, owner, "the name of an extra field");
        fields.put(name, value);
    }

    /** The fields so far, for the value's constructor (which copies them). */
    public Map<String, Object> asMap() {
        return fields;
    }
}
