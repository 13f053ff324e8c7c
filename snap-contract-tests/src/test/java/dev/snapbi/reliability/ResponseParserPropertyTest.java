package dev.snapbi.reliability;

import dev.snapbi.adapter.feign.token.FeignTokenEndpoint;
import dev.snapbi.domain.error.SnapAuthenticationException;
import dev.snapbi.domain.error.SnapBadRequestException;
import dev.snapbi.domain.error.SnapException;
import dev.snapbi.domain.error.SnapProtocolException;
import dev.snapbi.domain.error.SnapRejectedException;
import dev.snapbi.domain.error.SnapUnavailableException;
import dev.snapbi.domain.model.AccessToken;
import dev.snapbi.domain.model.ClientKey;
import dev.snapbi.domain.model.SnapTimestamp;
import dev.snapbi.domain.model.TokenGrant;
import dev.snapbi.domain.port.TokenRequestSupplier;
import dev.snapbi.domain.testing.DigestSigner;
import dev.snapbi.domain.token.B2bTokenRequestSupplier;
import dev.snapbi.reliability.ScriptedAnswerServer.Answer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Hostile answers from the token endpoint, fed byte for byte through a loopback server to the real Feign adapter
 * (JDK HTTP client, bounded body reader, Jackson, the domain's validation): random bytes, mutated success answers,
 * a wrong type in every field, huge numbers, deep nesting, truncation at every position, text that is not UTF-8,
 * lying {@code Content-Length}s. Only a valid grant or one of the domain's typed errors may come out: never a
 * NullPointerException, ClassCastException, a Jackson or Feign exception, or an Error such as a stack or heap
 * overflow. Memory: the suite runs under surefire's {@code -Xmx1g}, and the body reader buffers at most 64 KiB + 1
 * whatever length is announced, so an answer announcing gigabytes completes here instead of failing to allocate.
 */
class ResponseParserPropertyTest {

    private static final String SUCCESS = "{\"responseCode\":\"2007300\",\"responseMessage\":\"Successful\","
            + "\"accessToken\":\"eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJJT05QQVlURVNUIn0.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg\","
            + "\"tokenType\":\"Bearer\",\"expiresIn\":\"900\"}";
    private static final List<String> FIELDS = List.of("responseCode", "responseMessage", "accessToken", "tokenType",
            "expiresIn");

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration BOUND = READ_TIMEOUT.multipliedBy(3);

    private static ScriptedAnswerServer server;
    private static FeignTokenEndpoint endpoint;
    private static TokenRequestSupplier requests;

    @BeforeContainer
    static void start() throws IOException {
        server = new ScriptedAnswerServer();
        endpoint = FeignTokenEndpoint.builder()
                .baseUrl(server.baseUrl())
                .readTimeout(READ_TIMEOUT)
                .retryConfig(Fixtures.fastRetry(1, Duration.ofMillis(1))) // one attempt: each try is one answer
                .circuitBreakerConfig(Fixtures.neverOpens()) // every answer reaches the parser
                .build();
        // the server does not check signatures: a cheap signer keeps the tries fast
        requests = B2bTokenRequestSupplier.create(ClientKey.of("PROPERTIES"), new DigestSigner(), Clock.systemUTC(),
                SnapTimestamp.JAKARTA);
    }

    @AfterContainer
    static void stop() {
        server.close();
    }

    @Example
    void the_untouched_success_answer_gives_its_grant() {
        Object outcome = exchange(Answer.json(200, utf8(SUCCESS)));

        assertThat(outcome).isInstanceOfSatisfying(TokenGrant.class, grant -> {
            assertThat(grant.accessToken()).endsWith(".c2lnbmF0dXJlLW9mLXRoZS10b2tlbg");
            assertThat(grant.expiresIn()).isEqualTo(Duration.ofSeconds(900));
        });
    }

    @Property(tries = 300)
    void random_bytes_are_refused_by_the_status_they_came_with(@ForAll @Size(max = 3000) byte[] body,
                                                               @ForAll("statuses") int status) {
        Object outcome = exchange(Answer.json(status, body));

        assertThat(outcome).isInstanceOf(expectedFor(status));
    }

    @Property(tries = 400, edgeCases = EdgeCasesMode.NONE)
    void mutated_success_answers_give_a_valid_grant_or_a_typed_error(@ForAll("mutatedSuccess") String body) {
        exchange(Answer.json(200, utf8(body)));
    }

    @Property(generation = GenerationMode.EXHAUSTIVE)
    void a_wrong_type_in_any_field_is_refused_or_safely_read(@ForAll("fields") String field,
                                                            @ForAll("wrongValues") String value) {
        Object outcome = exchange(Answer.json(200, utf8(withField(field, value))));

        if (field.equals("expiresIn")) {
            assertThat(outcome).as("%s = %s", field, abbreviate(value)).isInstanceOf(SnapProtocolException.class);
        } else if (field.equals("accessToken")) {
            // an opaque token may be any header-safe string ("-1" included); Jackson also reads a JSON boolean or
            // number into the String field as its text (scalar coercion is on in the adapter's mapper). Structures,
            // null and text that cannot go into a header must be refused.
            if (outcome instanceof TokenGrant grant) {
                assertThat(value).as("a scalar").doesNotStartWith("[").doesNotStartWith("{").isNotEqualTo("null");
                String text = value.startsWith("\"") ? value.substring(1, value.length() - 1) : value;
                assertThat(grant.accessToken()).isEqualTo(text);
            } else {
                assertThat(outcome).as("%s = %s", field, abbreviate(value)).isInstanceOf(SnapProtocolException.class);
            }
        } else if (field.equals("responseCode")) {
            assertThat(outcome).as("%s = %s", field, abbreviate(value)).isInstanceOf(SnapException.class);
        } else if (outcome instanceof TokenGrant grant) {
            // a message or type sent as a number or boolean is read as its text, cleaned and bounded
            assertThat(grant.responseMessage() + grant.tokenType()).doesNotContainPattern("\\p{Cntrl}");
            assertThat(grant.tokenType().length()).isLessThanOrEqualTo(203);
        }
    }

    @Property(tries = 200)
    void answers_that_are_not_utf8_give_a_valid_grant_or_a_typed_error(@ForAll("notUtf8") byte[] body) {
        exchange(Answer.json(200, body));
    }

    @Example
    void a_success_answer_cut_at_any_position_is_a_protocol_error() {
        byte[] whole = utf8(SUCCESS);
        for (int length = 0; length < whole.length; length++) {
            byte[] cut = Arrays.copyOf(whole, length);
            assertThat(exchange(Answer.json(200, cut))).as("cut after %d bytes", length)
                    .isInstanceOf(SnapProtocolException.class);
        }
    }

    @Example
    void a_body_that_stops_short_of_its_content_length_is_a_dropped_connection() {
        byte[] whole = utf8(SUCCESS);
        for (int length = 0; length < whole.length; length += 7) {
            byte[] cut = Arrays.copyOf(whole, length);
            Object outcome = exchange(new Answer(200, "application/json", cut, whole.length));
            assertThat(outcome).as("cut after %d of %d bytes", length, whole.length)
                    .isInstanceOfSatisfying(SnapUnavailableException.class, e -> assertThat(e.reason())
                            .isEqualTo(SnapUnavailableException.Reason.CONNECTION));
        }
    }

    @Example
    void announced_lengths_of_gigabytes_are_neither_trusted_nor_allocated() {
        byte[] small = utf8(SUCCESS);
        byte[] big = new byte[70 * 1024];
        Arrays.fill(big, (byte) ' ');
        for (long declared : new long[] {Integer.MAX_VALUE, Integer.MAX_VALUE + 1L, 4_294_967_296L + small.length,
                5_000_000_000L, Long.MAX_VALUE / 2}) {
            for (byte[] body : List.of(small, big)) {
                Object outcome = exchange(new Answer(200, "application/json", body, declared));
                assertThat(outcome).as("%d bytes announced as %d", body.length, declared)
                        .isInstanceOfAny(SnapProtocolException.class, SnapUnavailableException.class);
            }
        }
    }

    @Example
    void an_endless_chunked_body_is_cut_at_the_limit() {
        byte[] endless = new byte[4 * 1024 * 1024];
        Arrays.fill(endless, (byte) '[');

        Object outcome = exchange(new Answer(200, "application/json", endless, 0));

        assertThat(outcome).isInstanceOfSatisfying(SnapProtocolException.class,
                e -> assertThat(e.getMessage()).contains("larger than 64 KiB"));
    }

    @Example
    void deep_nesting_and_huge_numbers_are_refused_without_overflowing() {
        String deepArray = "[".repeat(30_000) + "]".repeat(30_000);
        String deepObject = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
        String hugeNumber = "9".repeat(60_000);
        for (String value : List.of(deepArray, deepObject, hugeNumber, "-" + hugeNumber, "1e" + hugeNumber,
                "0." + hugeNumber)) {
            for (String field : List.of("expiresIn", "additionalInfo", "accessToken")) {
                Object outcome = exchange(Answer.json(200, utf8(withField(field, value))));
                assertThat(outcome).as("%s = %s", field, abbreviate(value)).isInstanceOf(SnapProtocolException.class);
            }
        }
    }

    // ---- the exchange and its only acceptable outcomes ----

    /**
     * One request answered with {@code answer}: the grant, which must be valid, or the typed error. Anything else
     * thrown (an NPE, a ClassCastException, an Error) escapes and fails the try, and so does a try that takes longer
     * than {@link #BOUND} (the read timeout for the headers plus the body deadline, with room to spare).
     */
    private static Object exchange(Answer answer) {
        server.answerWith(answer);
        return assertTimeoutPreemptively(BOUND, () -> {
            try {
                TokenGrant grant = endpoint.requestToken(requests);
                assertThat(grant).isNotNull();
                assertThat(grant.responseCode().isSuccess()).isTrue();
                assertThat(AccessToken.problemWith(grant.accessToken())).isNull();
                assertThat(grant.expiresIn()).isPositive().isLessThanOrEqualTo(TokenGrant.MAX_EXPIRES_IN);
                if (grant.accessToken().length() >= 16) { // a short one ("0") is found in any text
                    assertThat(grant.toString()).doesNotContain(grant.accessToken());
                }
                return grant;
            } catch (SnapException e) {
                assertThat(e.getMessage()).isNotBlank().doesNotContainPattern("[\\x00-\\x08\\x0e-\\x1f]");
                assertThat(e.getMessage().length()).as("a bounded message").isLessThan(2000);
                return e;
            }
        });
    }

    private static Class<?> expectedFor(int status) {
        if (status >= 200 && status < 300) {
            return SnapProtocolException.class;
        }
        if (status == 400) {
            return SnapBadRequestException.class;
        }
        if (status == 401) {
            return SnapAuthenticationException.class;
        }
        if (status == 429 || status >= 500) {
            return SnapUnavailableException.class;
        }
        if (status >= 400) {
            return SnapRejectedException.class;
        }
        return SnapProtocolException.class; // a redirect, never followed
    }

    private static String withField(String field, String jsonValue) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("responseCode", "\"2007300\"");
        fields.put("responseMessage", "\"Successful\"");
        fields.put("accessToken", "\"eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJYIn0.c2lnbmF0dXJl\"");
        fields.put("tokenType", "\"Bearer\"");
        fields.put("expiresIn", "\"900\"");
        fields.put(field, jsonValue);
        StringBuilder json = new StringBuilder("{");
        fields.forEach((name, value) -> json.append(json.length() > 1 ? "," : "").append('"').append(name)
                .append("\":").append(value));
        return json.append('}').toString();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "... (" + value.length() + " chars)";
    }

    // ---- generators ----

    @Provide
    Arbitrary<Integer> statuses() {
        return Arbitraries.of(200, 201, 202, 206, 301, 302, 307, 400, 401, 403, 404, 405, 409, 418, 429, 500, 502,
                503, 504, 599);
    }

    @Provide
    Arbitrary<String> fields() {
        return Arbitraries.of(FIELDS);
    }

    /** Values of the wrong type or shape for at least the token and {@code expiresIn}. */
    @Provide
    Arbitrary<String> wrongValues() {
        return Arbitraries.of("null", "true", "false", "[]", "{}", "[900]", "{\"seconds\":900}", "1.5", "-900", "0",
                "1e400", "-1e400", "99999999999999999999999999999999", "\"\"", "\"-1\"", "\" 900\"", "\"9e2\"",
                "\"0x384\"", "\"\uFF19\uFF10\uFF10\"", "\"\\u0000\"", "\"\\ud800\"", "\"" + "x".repeat(3000) + "\"",
                "\"" + "9".repeat(40) + "\"", "[" .repeat(600) + "]".repeat(600), "NaN", "Infinity", "'900'",
                "\"tab\\there\"", "\"token with spaces\"", "\"\u00e9t\u00e9\"");
    }

    /** The success answer with one to three random edits: a character replaced, a span dropped, a snippet inserted. */
    @Provide
    Arbitrary<String> mutatedSuccess() {
        Arbitrary<String> snippets = Arbitraries.oneOf(
                Arbitraries.of("\"", "\\", "{", "}", "[", "]", ",", ":", "null", "-1", "1e999", "\\u0000", "\\ud800",
                        "\u0000", "\ud800", "\u00ff", "\"expiresIn\":0,", "\"accessToken\":null,", "\"a\":{\"b\":[",
                        "\"responseCode\":\"4017300\",", "\"expiresIn\":\"31622401\","),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(8));
        Arbitrary<Edit> edits = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, SUCCESS.length()), Arbitraries.integers().between(0, 20), snippets)
                .as(Edit::new);
        return edits.list().ofMinSize(1).ofMaxSize(3).map(list -> {
            String text = SUCCESS;
            for (Edit edit : list) {
                text = edit.applyTo(text);
            }
            return text;
        });
    }

    /** Success answers with invalid UTF-8 in a value, or in another encoding altogether. */
    @Provide
    Arbitrary<byte[]> notUtf8() {
        Arbitrary<byte[]> invalidSequences = Arbitraries.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xF8, (byte) 0x88,
                        (byte) 0x80, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xC0, (byte) 0xAF},
                new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {(byte) 0x80});
        Arbitrary<byte[]> spliced = Combinators.combine(Arbitraries.integers().between(0, SUCCESS.length()),
                invalidSequences).as((at, bad) -> {
                    byte[] whole = utf8(SUCCESS);
                    byte[] out = new byte[whole.length + bad.length];
                    System.arraycopy(whole, 0, out, 0, at);
                    System.arraycopy(bad, 0, out, at, bad.length);
                    System.arraycopy(whole, at, out, at + bad.length, whole.length - at);
                    return out;
                });
        Arbitrary<byte[]> otherEncodings = Arbitraries.of("UTF-16BE", "UTF-16LE", "UTF-16", "UTF-32BE", "UTF-32LE",
                "ISO-8859-1", "windows-1252").map(charset -> SUCCESS.replace("Successful", "Berhasil \u00e9\u20ac")
                .getBytes(Charset.forName(charset)));
        Arbitrary<byte[]> truncatedWide = otherEncodings.map(bytes -> Arrays.copyOf(bytes,
                bytes.length - 1));
        return Arbitraries.oneOf(spliced, otherEncodings, truncatedWide);
    }

    private record Edit(int kind, int at, int span, String snippet) {
        String applyTo(String text) {
            int i = Math.min(at, text.length());
            int end = Math.min(text.length(), i + span);
            return switch (kind) {
                case 0 -> i < text.length() ? text.substring(0, i) + snippet.charAt(0) + text.substring(i + 1)
                        : text + snippet;
                case 1 -> text.substring(0, i) + text.substring(end);
                case 2 -> text.substring(0, i) + snippet + text.substring(i);
                default -> text.substring(0, i) + text.substring(end) + text.substring(i, end); // move a span
            };
        }
    }
}
