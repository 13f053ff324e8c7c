package dev.snapbi.sandbox.internal;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the members of a request body the way NICEPAY checks them, answering {@code 400xx02 Invalid Mandatory Field
 * [name]} for a missing, null or empty mandatory member and {@code 400xx01 Invalid Field Format [name]} for one of the
 * wrong type or shape. Optional members may be absent, null or {@code ""} (NICEPAY's own SDK samples send {@code ""}
 * for every unused member, and even {@code "additionalInfo": ""}).
 */
public final class BodyFields {

    private static final Pattern AMOUNT = Pattern.compile("\\d{1,16}\\.\\d{2}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final int MAX_TEXT = 1024;

    private final Map<?, ?> members;
    private final String service;
    private final String prefix;

    private BodyFields(Map<?, ?> members, String service, String prefix) {
        this.members = members;
        this.service = service;
        this.prefix = prefix;
    }

    /** The members of a request body, answered under {@code service}. */
    public static BodyFields of(Map<String, Object> body, String service) {
        return new BodyFields(body, service, "");
    }

    private String name(String member) {
        return prefix + member;
    }

    private Rejection missing(String member) {
        return new Rejection(SnapReplies.invalidMandatoryField(service, name(member)));
    }

    private Rejection malformed(String member) {
        return new Rejection(SnapReplies.invalidFieldFormat(service, name(member)));
    }

    private static boolean absent(Object value) {
        return value == null || value == SandboxJson.NULL;
    }

    /** A mandatory, non-empty string of at most 1024 characters. */
    public String required(String member) throws Rejection {
        Object value = members.get(member);
        if (absent(value) || "".equals(value)) {
            throw missing(member);
        }
        if (!(value instanceof String s) || s.length() > MAX_TEXT) {
            throw malformed(member);
        }
        return s;
    }

    /** An optional string: {@code ""} when absent, null or empty. */
    public String optional(String member) throws Rejection {
        Object value = members.get(member);
        if (absent(value)) {
            return "";
        }
        if (!(value instanceof String s) || s.length() > MAX_TEXT) {
            throw malformed(member);
        }
        return s;
    }

    /** An optional string that, when given, is one of {@code allowed}. */
    public String optionalOneOf(String member, String... allowed) throws Rejection {
        String value = optional(member);
        if (value.isEmpty()) {
            return value;
        }
        for (String a : allowed) {
            if (a.equals(value)) {
                return value;
            }
        }
        throw malformed(member);
    }

    /** An optional object; absent, null or {@code ""} reads as an empty one. */
    public BodyFields object(String member) throws Rejection {
        Object value = members.get(member);
        if (absent(value) || "".equals(value)) {
            return new BodyFields(Map.of(), service, name(member) + ".");
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw malformed(member);
        }
        return new BodyFields(map, service, name(member) + ".");
    }

    /** Whether the member is given with a value other than null or {@code ""}. */
    public boolean has(String member) {
        Object value = members.get(member);
        return !absent(value) && !"".equals(value);
    }

    /** A mandatory amount {@code {"value":"10000.00","currency":"IDR"}}. */
    public Money amount(String member) throws Rejection {
        Object value = members.get(member);
        if (absent(value) || "".equals(value)) {
            throw missing(member);
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw malformed(member);
        }
        BodyFields amount = new BodyFields(map, service, name(member) + ".");
        String text = amount.required("value");
        if (!AMOUNT.matcher(text).matches()) {
            throw amount.malformed("value");
        }
        String currency = amount.required("currency");
        if (!CURRENCY.matcher(currency).matches()) {
            throw amount.malformed("currency");
        }
        return new Money(new BigDecimal(text), currency);
    }

    /** An optional amount: {@code null} when absent, null or {@code ""}. */
    public Money optionalAmount(String member) throws Rejection {
        return has(member) ? amount(member) : null;
    }

    /** The raw member value (for echoing), or {@code null}. */
    public Object raw(String member) {
        Object value = members.get(member);
        return absent(value) ? null : value;
    }
}
