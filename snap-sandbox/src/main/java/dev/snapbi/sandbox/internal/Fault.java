package dev.snapbi.sandbox.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** One kind of injected fault; see {@code dev.snapbi.sandbox.Faults} for what each does to an answer. */
public sealed interface Fault {

    /** The name used by the admin endpoint ({@code "drop"}, {@code "fail"}, ...). */
    String id();

    /** The fault's parameters as JSON-ready values, in order; none by default. */
    default Map<String, Object> parameters() {
        return Map.of();
    }

    /** The fault as JSON-ready values: {@code fault} (its {@link #id()}) first, then its parameters. */
    default Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("fault", id());
        out.putAll(parameters());
        return out;
    }

    /** The faults without parameters. */
    enum Plain implements Fault {
        /** Close the connection without an answer. */
        DROP("drop"),
        /** Handle the request completely (apply it), then close the connection without an answer. */
        ANSWER_LOST("processedThenDrop"),
        /** HTTP 200 with a body that is not JSON. */
        MALFORMED("malformed"),
        /** HTTP 200 with a success body cut in the middle. */
        TRUNCATED("truncated"),
        /** HTTP 200 with a JSON body larger than 64 KiB. */
        OVERSIZED("oversized");

        private final String id;

        Plain(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }
    }

    /** Wait, then answer normally. */
    record Delay(Duration duration) implements Fault {
        /** Validates: not null, not negative. */
        public Delay {
            if (duration == null || duration.isNegative()) {
                throw new IllegalArgumentException("a delay is zero or more, got " + duration);
            }
        }

        @Override
        public String id() {
            return "delayNext";
        }

        @Override
        public Map<String, Object> parameters() {
            return Map.of("millis", duration.toMillis());
        }
    }

    /** A JSON answer with this status, code and message. */
    record Fail(int status, String responseCode, String responseMessage) implements Fault {
        /** Validates: a status that can carry a body, a code of 1 to 64 visible characters, a message. */
        public Fail {
            if (status < 200 || status > 599 || status == 204 || status == 304) {
                throw new IllegalArgumentException("a failure's HTTP status is 200..599 (not 204 or 304), got "
                        + status);
            }
            if (responseCode == null || responseCode.isEmpty() || responseCode.length() > 64
                    || !responseCode.chars().allMatch(c -> c > ' ' && c <= '~')) {
                throw new IllegalArgumentException("a response code has 1 to 64 visible ASCII characters,"
                        + " e.g. 5007300");
            }
            if (responseMessage == null) {
                responseMessage = "";
            }
            if (responseMessage.length() > 1024) {
                throw new IllegalArgumentException("a response message has at most 1024 characters");
            }
        }

        @Override
        public String id() {
            return "fail";
        }

        @Override
        public Map<String, Object> parameters() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("status", status);
            out.put("responseCode", responseCode);
            out.put("responseMessage", responseMessage);
            return out;
        }
    }

    /** An HTML error page, like a proxy's, with this status. */
    record Html(int status) implements Fault {
        /** Validates: an error status, 400..599. */
        public Html {
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("an HTML error page has a status of 400..599, got " + status);
            }
        }

        @Override
        public String id() {
            return "html";
        }

        @Override
        public Map<String, Object> parameters() {
            return Map.of("status", status);
        }
    }

    /** HTTP 429 with {@code Retry-After}. */
    record TooManyRequests(int retryAfterSeconds) implements Fault {
        /** Validates: 0 to 86400 seconds. */
        public TooManyRequests {
            if (retryAfterSeconds < 0 || retryAfterSeconds > 86_400) {
                throw new IllegalArgumentException("Retry-After is 0 to 86400 seconds, got " + retryAfterSeconds);
            }
        }

        @Override
        public String id() {
            return "tooManyRequests";
        }

        @Override
        public Map<String, Object> parameters() {
            return Map.of("retryAfterSeconds", retryAfterSeconds);
        }
    }
}
