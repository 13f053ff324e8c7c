package dev.snapbi.adapter.jdk;

import dev.snapbi.domain.error.SnapUnavailableException;
import dev.snapbi.domain.port.TransactionTransport;
import dev.snapbi.testing.tck.TransactionTransportContract;
import dev.snapbi.testing.tck.TransportSettings;
import dev.snapbi.testing.tck.internal.PythonHmacCheck;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

/**
 * The transactional TCK catches what it claims to: each deliberately broken transport below (the JDK adapter with one
 * defect added, or a small raw one) fails the contract test aimed at that defect, for the reason that test states;
 * the unbroken adapter passes them all ({@link JdkTransactionTransportContractTest}).
 */
class TransactionTransportContractSelfTest {

    @Test
    void catches_a_transport_that_sends_to_another_path_than_the_one_signed() {
        List<Throwable> failures = failuresOf(SendsTheSignedPathInsteadOfTheTarget.class,
                "sends_a_signed_va_create_that_the_sandbox_verifies");

        assertThat(failures).singleElement().satisfies(f -> assertThat(f)
                .hasMessageContaining("HTTP status of the VA creation"));
        assertThat(failuresOf(SendsTheSignedPathInsteadOfTheTarget.class,
                "sends_exactly_the_method_target_headers_and_body_it_was_handed"))
                .singleElement().satisfies(f -> assertThat(f).hasMessageContaining("request target"));
    }

    @Test
    void catches_a_transport_that_appends_its_headers_again_on_a_retry() {
        List<Throwable> failures = failuresOf(AppendsHeadersAgainOnRetry.class,
                "returns_every_status_as_a_response_sent_once", "int");

        assertThat(failures).as("statuses caught (the 5xx ones are retried)").hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(f -> assertThat(f).hasMessageContaining("sent once, set not appended"));
    }

    @Test
    void catches_a_transport_that_re_serialises_the_body_after_it_was_signed() {
        assertThat(failuresOf(ReserialisesTheBody.class,
                "sends_exactly_the_method_target_headers_and_body_it_was_handed"))
                .singleElement().satisfies(f -> assertThat(f).hasMessageContaining("body bytes as sent"));
        assertThat(failuresOf(ReserialisesTheBody.class,
                "sends_a_pretty_printed_body_byte_for_byte_so_its_signature_still_verifies"))
                .singleElement().satisfies(f -> assertThat(f).hasMessageContaining("the body the sandbox received"));
    }

    @Test
    void the_independent_hmac_check_catches_a_body_re_serialised_after_signing() {
        PythonHmacCheck.requirePython();

        assertThat(failuresOf(ReserialisesTheBody.class, "sends_a_signature_that_an_independent_hmac_verifies"))
                .singleElement().satisfies(f -> assertThat(f).hasMessageContaining("the independent check's verdict"));
    }

    @Test
    void catches_a_transport_that_puts_the_secrets_it_sent_into_a_message() {
        List<Throwable> failures = failuresOf(ShowsTheHeadersInMessages.class,
                "gives_up_at_the_read_timeout_when_no_answer_comes");

        assertThat(failures).singleElement().satisfies(f -> assertThat(f)
                .hasMessageContaining("must not show the token or signature sent"));
    }

    @Test
    void catches_a_transport_that_throws_on_an_error_status() {
        List<Throwable> failures = failuresOf(ThrowsOnErrorStatuses.class,
                "returns_every_status_as_a_response_sent_once", "int");

        assertThat(failures).as("4xx and 5xx statuses caught").hasSize(13)
                .allSatisfy(f -> assertThat(f).hasMessageContaining("threw instead of returning the answer"));
    }

    @Test
    void catches_a_transport_that_reads_the_body_without_a_bound() {
        assertThat(failuresOf(IgnoresTheBoundAndTheDeadline.class, "refuses_a_body_over_the_size_bound", "int"))
                .hasSize(2).allSatisfy(f -> assertThat(f).hasMessageContaining("expected it to throw"));
    }

    @Test
    void catches_a_transport_that_waits_for_a_dripping_body_without_a_deadline() {
        assertThat(failuresOf(IgnoresTheBoundAndTheDeadline.class, "gives_up_at_the_read_timeout_on_a_body_that_drips"))
                .singleElement().satisfies(f -> assertThat(f).hasMessageContaining("no deadline"));
    }

    @Test
    void catches_a_transport_that_does_not_say_a_refused_connection_was_surely_not_sent() {
        assertThat(failuresOf(CallsEveryConnectionFailureUncertain.class,
                "reports_a_refused_connection_as_surely_not_sent"))
                .singleElement().satisfies(f -> assertThat(f).hasMessageContaining("surelyNotSent()"));
    }

    private static List<Throwable> failuresOf(Class<? extends TransactionTransportContract> broken, String test,
                                              String... parameterTypes) {
        Events tests = EngineTestKit.engine("junit-jupiter")
                .selectors(parameterTypes.length == 0 ? selectMethod(broken, test)
                        : selectMethod(broken, test, String.join(",", parameterTypes)))
                .execute()
                .testEvents();
        assertThat(tests.started().count()).as("tests started of %s", test).isPositive();
        return tests.finished().stream()
                .map(e -> e.getRequiredPayload(TestExecutionResult.class))
                .filter(r -> r.getStatus() == TestExecutionResult.Status.FAILED)
                .map(r -> r.getThrowable().orElseThrow())
                .toList();
    }

    private static JdkTransactionTransport jdk(TransportSettings settings) {
        return JdkTransactionTransport.builder().connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout()).maxBodyBytes(settings.maxBodyBytes()).build();
    }

    /** A transport that wraps the JDK adapter; closes it. */
    private abstract static class Decorator implements TransactionTransport, AutoCloseable {
        final JdkTransactionTransport delegate;

        Decorator(TransportSettings settings) {
            this.delegate = jdk(settings);
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    /** Builds the target from the signed path: forgets NICEPAY's {@code /nicepay} prefix. */
    static class SendsTheSignedPathInsteadOfTheTarget extends TransactionTransportContract {
        @Override
        protected TransactionTransport createTransport(TransportSettings settings) {
            return new Decorator(settings) {
                @Override
                public Response exchange(Request r) {
                    URI u = r.uri();
                    URI wrong = URI.create(u.getScheme() + "://" + u.getRawAuthority() + r.signedPath());
                    return delegate.exchange(Request.of(r.method(), wrong, r.signedPath(), r.headers(), r.body()));
                }
            };
        }
    }

    /** Compacts JSON whitespace outside strings and unescapes {@code \/} after the body was signed. */
    static class ReserialisesTheBody extends TransactionTransportContract {
        @Override
        protected TransactionTransport createTransport(TransportSettings settings) {
            return new Decorator(settings) {
                @Override
                public Response exchange(Request r) {
                    return delegate.exchange(Request.of(r.method(), r.uri(), r.signedPath(), r.headers(),
                            compact(new String(r.body(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));
                }
            };
        }

        private static String compact(String json) {
            StringBuilder out = new StringBuilder();
            boolean inString = false;
            for (int i = 0; i < json.length(); i++) {
                char c = json.charAt(i);
                if (inString && c == '\\' && i + 1 < json.length()) {
                    char next = json.charAt(++i);
                    if (next != '/') {
                        out.append(c);
                    }
                    out.append(next);
                    continue;
                }
                if (c == '"') {
                    inString = !inString;
                }
                if (inString || !Character.isWhitespace(c)) {
                    out.append(c);
                }
            }
            return out.toString();
        }
    }

    /** Puts the request's headers (token, signature) into the message of its failures. */
    static class ShowsTheHeadersInMessages extends TransactionTransportContract {
        @Override
        protected TransactionTransport createTransport(TransportSettings settings) {
            return new Decorator(settings) {
                @Override
                public Response exchange(Request r) {
                    try {
                        return delegate.exchange(r);
                    } catch (SnapUnavailableException e) {
                        throw new SnapUnavailableException(e.reason(), e.getMessage() + " (sent " + r.headers() + ")",
                                e);
                    }
                }
            };
        }
    }

    /** Treats 4xx and 5xx as failures instead of answers. */
    static class ThrowsOnErrorStatuses extends TransactionTransportContract {
        @Override
        protected TransactionTransport createTransport(TransportSettings settings) {
            return new Decorator(settings) {
                @Override
                public Response exchange(Request r) {
                    Response answer = delegate.exchange(r);
                    if (answer.status() >= 400) {
                        throw new SnapUnavailableException(SnapUnavailableException.Reason.SERVER_ERROR,
                                "HTTP " + answer.status(), null);
                    }
                    return answer;
                }
            };
        }
    }

    /** Reports every unavailability as CONNECTION: a refused connection no longer says it was surely not sent. */
    static class CallsEveryConnectionFailureUncertain extends TransactionTransportContract {
        @Override
        protected TransactionTransport createTransport(TransportSettings settings) {
            return new Decorator(settings) {
                @Override
                public Response exchange(Request r) {
                    try {
                        return delegate.exchange(r);
                    } catch (SnapUnavailableException e) {
                        throw new SnapUnavailableException(SnapUnavailableException.Reason.CONNECTION,
                                e.getMessage(), e.getCause());
                    }
                }
            };
        }
    }

    /**
     * A raw transport that reads the whole body however long it is and however long it takes (the request timeout of
     * java.net.http stops at the headers). Its safety net is short, so the self-test does not wait a minute.
     */
    static class IgnoresTheBoundAndTheDeadline extends TransactionTransportContract {
        @Override
        protected Duration safetyNet() {
            return Duration.ofSeconds(3);
        }

        @Override
        protected TransactionTransport createTransport(TransportSettings settings) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(settings.connectTimeout()).build();
            return r -> {
                HttpRequest.Builder builder = HttpRequest.newBuilder(r.uri()).timeout(settings.readTimeout())
                        .method(r.method(), HttpRequest.BodyPublishers.ofByteArray(r.body()));
                r.headers().forEach(builder::setHeader);
                try {
                    HttpResponse<byte[]> answer = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
                    return TransactionTransport.Response.of(answer.statusCode(), answer.headers().map(),
                            answer.body());
                } catch (IOException e) {
                    throw new SnapUnavailableException(SnapUnavailableException.Reason.CONNECTION, "failed", null);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SnapUnavailableException(SnapUnavailableException.Reason.INTERRUPTED, "interrupted",
                            null);
                }
            };
        }
    }

    /**
     * A small raw transport that reuses one request builder and retries a 5xx once, adding its headers again with
     * {@code header(...)} (which appends) instead of setting them.
     */
    static class AppendsHeadersAgainOnRetry extends TransactionTransportContract {
        @Override
        protected TransactionTransport createTransport(TransportSettings settings) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(settings.connectTimeout()).build();
            return r -> {
                HttpRequest.Builder builder = HttpRequest.newBuilder(r.uri()).timeout(settings.readTimeout())
                        .method(r.method(), HttpRequest.BodyPublishers.ofByteArray(r.body()));
                r.headers().forEach(builder::header);
                try {
                    HttpResponse<byte[]> answer = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
                    if (answer.statusCode() >= 500) {
                        r.headers().forEach(builder::header); // the defect: appended a second time
                        answer = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
                    }
                    return TransactionTransport.Response.of(answer.statusCode(), answer.headers().map(),
                            answer.body());
                } catch (IOException e) {
                    throw new SnapUnavailableException(SnapUnavailableException.Reason.CONNECTION, "failed", null);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SnapUnavailableException(SnapUnavailableException.Reason.INTERRUPTED, "interrupted",
                            null);
                }
            };
        }
    }

}
