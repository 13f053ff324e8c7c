package dev.snapbi.domain.error;

import dev.snapbi.domain.response.ResponseCode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class SnapErrorsTest {

    private static final String PATH = "/nicepay/v1.0/access-token/b2b";

    private static SnapException error(int status, String code, String message) {
        return SnapErrors.response(status).responseCode(code).serverMessage(message).request("POST", PATH)
                .clientKey("IONPAYTEST").toException();
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource({
            "4007300, Bad Request, SnapBadRequestException, false",
            "4007301, Invalid Field Format [X-TIMESTAMP], SnapBadRequestException, false",
            "4007302, Invalid Mandatory Field [X-CLIENT-KEY], SnapBadRequestException, false",
            "4017300, Unauthorized. [Signature], SnapAuthenticationException, false",
            "4017301, Access Token Invalid, SnapAuthenticationException, false",
            "4017302, Invalid Customer Token, SnapAuthenticationException, false",
            "4017303, Token Not Found (B2B), SnapAuthenticationException, false",
            "4037300, Transaction Expired, SnapRejectedException, false",
            "4037305, Do Not Honor, SnapRejectedException, false",
            "4037314, Insufficient Funds, SnapRejectedException, false",
            "4047301, Transaction Not Found, SnapRejectedException, false",
            "4047308, Invalid Merchant, SnapRejectedException, false",
            "4047316, Partner Not Found, SnapRejectedException, false",
            "4057300, Requested Function Is Not Supported, SnapRejectedException, false",
            "4057301, Requested Operation Is Not Allowed, SnapRejectedException, false",
            "4097300, Conflict, SnapRejectedException, false",
            "4097301, Duplicate partnerReferenceNo, SnapDuplicateReferenceException, false",
            "4297300, Too Many Requests, SnapUnavailableException, true",
            "5007300, General Error, SnapUnavailableException, true",
            "5007301, Internal Server Error, SnapUnavailableException, true",
            "5007302, External Server Error, SnapUnavailableException, true",
            "5047300, Timeout, SnapUnavailableException, true"})
    void maps_every_code_of_the_spec_to_the_error_a_user_catches(String code, String message, String type,
                                                                 boolean retryable) {
        SnapException e = error(Integer.parseInt(code.substring(0, 3)), code, message);
        assertThat(e.getClass().getSimpleName()).isEqualTo(type);
        assertThat(e.isRetryable()).isEqualTo(retryable);
        assertThat(e.responseCode()).map(ResponseCode::value).contains(code);
        assertThat(e.serverMessage()).contains(message);
        assertThat(e.request()).contains("POST " + PATH);
        assertThat(e.getMessage()).startsWith(code + " " + message + " from POST " + PATH + " - ");
    }

    @Test
    void tells_the_user_to_check_the_key_pair_on_a_signature_failure() {
        assertThat(error(401, "4017300", "Unauthorized. [Signature]").getMessage()).isEqualTo(
                "4017300 Unauthorized. [Signature] from POST /nicepay/v1.0/access-token/b2b - check that the private"
                        + " key matches the public key registered for client IONPAYTEST");
    }

    @Test
    void keeps_the_reason_of_4017300_apart_for_unknown_clients_and_timestamps() {
        assertThat(error(401, "4017300", "Unauthorized. [Unknown client]").getMessage())
                .contains("[Unknown client]").contains("client IONPAYTEST is registered");
        assertThat(error(401, "4017300", "Unauthorized. [Timestamp]").getMessage()).contains("host clock");
    }

    @Test
    void flags_dead_tokens_so_callers_refresh_and_replay_once() {
        assertThat(((SnapAuthenticationException) error(401, "4017301", "x")).isTokenInvalid()).isTrue();
        assertThat(((SnapAuthenticationException) error(401, "4017303", "x")).isTokenInvalid()).isTrue();
        assertThat(((SnapAuthenticationException) error(401, "4017300", "x")).isTokenInvalid()).isFalse();
    }

    @Test
    void lets_the_http_status_win_when_the_body_disagrees() {
        SnapException e = error(503, "4017300", "Unauthorized");
        assertThat(e).isInstanceOf(SnapUnavailableException.class);
        assertThat(e.httpStatus()).hasValue(503);
        assertThat(e.getMessage()).contains("(HTTP 503)");
    }

    @Test
    void maps_a_non_json_error_page_by_its_status() {
        SnapException e = SnapErrors.response(502).request("POST", PATH).toException();
        assertThat(e).isInstanceOf(SnapUnavailableException.class);
        assertThat(((SnapUnavailableException) e).reason()).isEqualTo(SnapUnavailableException.Reason.SERVER_ERROR);
        assertThat(e.responseCode()).isEmpty();
        assertThat(e.getMessage()).startsWith("HTTP 502 from POST " + PATH);
        assertThat(SnapErrors.response(404).toException()).isExactlyInstanceOf(SnapRejectedException.class);
    }

    @Test
    void maps_a_success_status_carrying_an_error_code_by_the_code() {
        SnapException e = error(200, "4017300", "Unauthorized. [Signature]");
        assertThat(e).isInstanceOf(SnapAuthenticationException.class);
        assertThat(e.httpStatus()).hasValue(200);
    }

    @Test
    void treats_a_success_status_without_a_success_code_as_a_protocol_violation() {
        assertThat(error(200, null, null)).isInstanceOf(SnapProtocolException.class)
                .hasMessageContaining("(none sent)");
        assertThat(error(200, "garbage", null)).isInstanceOf(SnapProtocolException.class);
    }

    @Test
    void carries_retry_after_on_429() {
        SnapException e = SnapErrors.response(429).responseCode("4297300").retryAfter(Duration.ofSeconds(7))
                .toException();
        assertThat(((SnapUnavailableException) e).retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(((SnapUnavailableException) e).reason())
                .isEqualTo(SnapUnavailableException.Reason.TOO_MANY_REQUESTS);
        assertThat(e.getMessage()).contains("retry after 7 s");
    }

    @Test
    void sanitises_and_bounds_the_server_message() {
        SnapException e = error(400, "4007300", "bad\r\nInjected: header" + "x".repeat(500));
        assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\r");
        assertThat(e.serverMessage().orElseThrow()).hasSizeLessThanOrEqualTo(203);
    }

    @Test
    void gives_a_duplicate_business_reference_its_own_type_carrying_the_reference() {
        SnapException e = SnapErrors.response(409).responseCode("4092701").serverMessage("Duplicate partnerReferenceNo")
                .request("POST", "/nicepay/api/v1.0/transfer-va/create-va").businessReference("INV-2024-0001")
                .statusCall("virtualAccounts().status").toException();

        assertThat(e).isInstanceOfSatisfying(SnapDuplicateReferenceException.class, d -> {
            assertThat(d.businessReference()).contains("INV-2024-0001");
            assertThat(d.isRetryable()).isFalse();
        });
        assertThat(e).isInstanceOf(SnapRejectedException.class);
        assertThat(e.getMessage()).startsWith("4092701 Duplicate partnerReferenceNo from POST")
                .contains("INV-2024-0001 already exists").contains("virtualAccounts().status");
    }

    @Test
    void keeps_a_reused_external_id_apart_from_a_duplicate_business_reference() {
        SnapException e = SnapErrors.response(409).responseCode("4092700").serverMessage("Conflict")
                .businessReference("INV-1").toException();

        assertThat(e).isExactlyInstanceOf(SnapRejectedException.class);
        assertThat(e.getMessage()).contains("use a new X-EXTERNAL-ID");
    }

    @Test
    void makes_a_202_in_progress_a_non_final_outcome_to_reconcile_not_to_resend() {
        SnapException e = SnapErrors.response(202).responseCode("2025400").serverMessage("Request In Progress")
                .request("POST", "/nicepay/api/v1.0/debit/payment-host-to-host").businessReference("ORD-7")
                .statusCall("eWallets().status").toException();

        assertThat(e).isInstanceOfSatisfying(SnapInProgressException.class, p -> {
            assertThat(p.businessReference()).contains("ORD-7");
            assertThat(p.statusCall()).contains("eWallets().status");
            assertThat(p.isRetryable()).isFalse();
            assertThat(p.httpStatus()).hasValue(202);
        });
        assertThat(e).isInstanceOf(SnapOutcomeUnknownException.class);
        assertThat(e.getMessage()).startsWith("2025400 Request In Progress from POST").contains("do not send it again")
                .contains("eWallets().status for ORD-7");
    }

    @Test
    void treats_an_in_progress_code_under_another_2xx_status_and_a_bare_202_alike() {
        assertThat(SnapErrors.response(200).responseCode("2022700").toException())
                .isInstanceOf(SnapInProgressException.class);
        assertThat(SnapErrors.response(202).toException()).isInstanceOf(SnapInProgressException.class)
                .hasMessageStartingWith("HTTP 202");
        assertThat(SnapErrors.response(202).responseCode("2002700").toException())
                .isInstanceOf(SnapProtocolException.class);
    }

    @Test
    void an_outcome_unknown_names_the_reference_and_the_status_call_and_is_never_retryable() {
        SnapUnavailableException timeout = new SnapUnavailableException(SnapUnavailableException.Reason.TIMEOUT,
                "read timed out", null);
        SnapOutcomeUnknownException e = new SnapOutcomeUnknownException("outcome unknown",
                ErrorContext.ofRequest("POST", "/p"), "TRX-9", "virtualAccounts().status", timeout);

        assertThat(e.businessReference()).contains("TRX-9");
        assertThat(e.statusCall()).contains("virtualAccounts().status");
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.getCause()).isSameAs(timeout);
        assertThat(e.request()).contains("POST /p");
    }

    @Property(tries = 200)
    void every_status_maps_to_exactly_one_kind_without_throwing(@ForAll @IntRange(min = 100, max = 599) int status,
                                                                 @ForAll String code, @ForAll String message) {
        SnapException e = SnapErrors.response(status).responseCode(code).serverMessage(message).toException();
        assertThat(e.getMessage()).isNotBlank();
        if (status == 429 || status >= 500) {
            assertThat(e).isInstanceOf(SnapUnavailableException.class);
        }
    }
}
