package dev.snapbi.nicepay;

import dev.snapbi.domain.response.ResponseCode;
import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.error.SnapProtocolException;
import dev.snapbi.nicepay.call.SnapCall;
import dev.snapbi.nicepay.call.SnapCallResponse;
import dev.snapbi.nicepay.ewallet.EwalletRefundRequest;
import dev.snapbi.nicepay.ewallet.EwalletStatusRequest;
import dev.snapbi.nicepay.internal.NicepayJson;
import dev.snapbi.nicepay.model.Amount;
import dev.snapbi.nicepay.model.PaymentStatus;
import dev.snapbi.nicepay.model.PayoutStatus;
import dev.snapbi.nicepay.model.VirtualAccountStatus;
import dev.snapbi.nicepay.payout.PayoutRequest;
import dev.snapbi.nicepay.payout.PayoutStatusRequest;
import dev.snapbi.nicepay.qris.QrisRefundRequest;
import dev.snapbi.nicepay.qris.QrisStatusRequest;
import dev.snapbi.nicepay.qris.QrisStatusResponse;
import dev.snapbi.nicepay.va.CancelVaRequest;
import dev.snapbi.nicepay.va.CreateVaRequest;
import dev.snapbi.nicepay.va.CreateVaResponse;
import dev.snapbi.nicepay.va.VaStatusRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TypesTest {

    @Test
    void an_amount_is_written_with_two_decimals_in_rupiah() {
        assertThat(Amount.idr(10_000).valueText()).isEqualTo("10000.00");
        assertThat(Amount.of(new BigDecimal("99.5"), "IDR").valueText()).isEqualTo("99.50");
        assertThat(Amount.idr("0.10").toString()).isEqualTo("0.10 IDR");
        assertThat(Amount.idr("1.500")).isEqualTo(Amount.idr("1.50"));
        assertThat(new String(NicepayJson.write(Amount.idr(10_000)), StandardCharsets.UTF_8))
                .isEqualTo("{\"value\":\"10000.00\",\"currency\":\"IDR\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1.00", "10.001", "1e3", "abc", "", " 1.00", "+1.00", "1,000.00"})
    void refuses_an_amount_that_is_negative_or_has_the_wrong_scale_or_shape(String value) {
        assertThatThrownBy(() -> Amount.idr(value)).isInstanceOf(SnapConfigurationException.class)
                .hasMessageContaining("amount");
    }

    @ParameterizedTest
    @ValueSource(strings = {"idr", "XYZ", "RUPIAH", "ID"})
    void refuses_a_currency_that_is_not_iso_4217(String currency) {
        assertThatThrownBy(() -> Amount.of("1.00", currency)).isInstanceOf(SnapConfigurationException.class)
                .hasMessageContaining("ISO 4217");
    }

    @Test
    void writes_a_request_as_compact_json_once_with_slashes_unescaped_and_nicepays_empty_fields() {
        CreateVaRequest request = CreateVaRequest.builder().virtualAccountName("Jane Doe").trxId("INV/1")
                .totalAmount(Amount.idr(10_000))
                .additionalInfo(CreateVaRequest.AdditionalInfo.builder().bankCd("BMRI").goodsNm("Jacket")
                        .dbProcessUrl("https://merchant.example/notify").put("newNicepayField", "x").build())
                .build();

        assertThat(new String(NicepayJson.write(request), StandardCharsets.UTF_8)).isEqualTo(
                "{\"partnerServiceId\":\"\",\"customerNo\":\"\",\"virtualAccountNo\":\"\",\"virtualAccountName\":"
                        + "\"Jane Doe\",\"trxId\":\"INV/1\",\"totalAmount\":{\"value\":\"10000.00\",\"currency\":"
                        + "\"IDR\"},\"additionalInfo\":{\"bankCd\":\"BMRI\",\"goodsNm\":\"Jacket\",\"dbProcessUrl\":"
                        + "\"https://merchant.example/notify\",\"vacctValidDt\":\"\",\"vacctValidTm\":\"\",\"msId\":"
                        + "\"\",\"msFee\":\"\",\"msFeeType\":\"\",\"mbFee\":\"\",\"mbFeeType\":\"\","
                        + "\"newNicepayField\":\"x\"}}");
    }

    @Test
    void every_request_naming_an_earlier_transaction_needs_one_of_its_references_and_names_its_own_request() {
        Map<String, org.assertj.core.api.ThrowableAssert.ThrowingCallable> withoutReference = Map.of(
                "e-wallet status request", () -> EwalletStatusRequest.builder().build(),
                "QRIS status request", () -> QrisStatusRequest.builder().build(),
                "payout request", () -> PayoutRequest.builder().build(),
                "payout status request", () -> PayoutStatusRequest.builder().build(),
                "e-wallet refund request", () -> EwalletRefundRequest.builder().partnerRefundNo("R-1")
                        .refundAmount(Amount.idr(1)).build(),
                "QRIS refund request", () -> QrisRefundRequest.builder().partnerRefundNo("R-1")
                        .refundAmount(Amount.idr(1)).build());
        withoutReference.forEach((request, build) -> assertThatThrownBy(build)
                .isInstanceOf(SnapConfigurationException.class)
                .hasMessage(request + ": one of originalReferenceNo, originalPartnerReferenceNo is needed to find"
                        + " the transaction"));

        assertThat(PayoutRequest.builder().originalReferenceNo("N-1").build().originalReferenceNo()).isEqualTo("N-1");
        assertThatThrownBy(() -> QrisStatusRequest.builder().originalPartnerReferenceNo("x".repeat(41)).build())
                .hasMessage("QRIS status request: originalPartnerReferenceNo has 41 characters; at most 40 are"
                        + " allowed");
        assertThatThrownBy(() -> EwalletStatusRequest.builder().merchantId("m".repeat(33))
                .originalReferenceNo("N-1").build())
                .hasMessage("e-wallet status request: merchantId has 33 characters; at most 32 are allowed");
    }

    @Test
    void a_refund_needs_its_own_reference_and_amount_and_a_mandatory_text_is_checked_for_presence_and_length() {
        assertThatThrownBy(() -> QrisRefundRequest.builder().originalReferenceNo("N-1")
                .refundAmount(Amount.idr(1)).build())
                .hasMessage("QRIS refund request: partnerRefundNo is missing; it is mandatory");
        assertThatThrownBy(() -> EwalletRefundRequest.builder().originalReferenceNo("N-1")
                .partnerRefundNo("r".repeat(41)).refundAmount(Amount.idr(1)).build())
                .hasMessage("e-wallet refund request: partnerRefundNo has 41 characters; at most 40 are allowed");
        assertThatThrownBy(() -> EwalletRefundRequest.builder().originalReferenceNo("N-1").partnerRefundNo("R-1")
                .build())
                .hasMessage("e-wallet refund request: refundAmount is missing; it is mandatory");
        assertThatThrownBy(() -> CreateVaRequest.builder().virtualAccountName(" ").trxId("T-1")
                .totalAmount(Amount.idr(1)).build())
                .hasMessage("VA create request: virtualAccountName is missing; it is mandatory");
        assertThatThrownBy(() -> CancelVaRequest.builder().customerNo("1".repeat(21)).trxId("T-1").build())
                .hasMessage("VA cancel request: customerNo has 21 characters; at most 20 are allowed");
    }

    @Test
    void an_extra_field_keeps_its_order_and_needs_a_name() {
        CancelVaRequest.AdditionalInfo info = CancelVaRequest.AdditionalInfo.builder().put("b", 1).put("a", "x")
                .build();
        assertThat(info.otherFields()).containsExactly(Map.entry("b", 1), Map.entry("a", "x"));
        assertThatThrownBy(() -> QrisRefundRequest.AdditionalInfo.builder().put(" ", 1))
                .isInstanceOf(SnapConfigurationException.class)
                .hasMessage("QRIS refund request additionalInfo: the name of an extra field is missing; it is"
                        + " mandatory");
    }

    @Test
    void a_request_never_exists_invalid_even_through_its_constructor() {
        assertThatThrownBy(() -> new VaStatusRequest("", "", "", "", null))
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("virtualAccountNo");
        assertThatThrownBy(() -> CreateVaRequest.AdditionalInfo.builder().bankCd("BMRI").goodsNm("x")
                .dbProcessUrl("https://m.example").vacctValidDt("2024-12-31").build())
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("vacctValidDt");
    }

    @Test
    void keeps_unknown_answer_fields_readable_and_reads_new_status_codes_as_unknown() {
        SnapCallResponse answer = answer("{\"responseCode\":\"2005100\",\"responseMessage\":\"Successful\","
                + "\"latestTransactionStatus\":\"42\",\"amount\":{\"value\":\"5.00\",\"currency\":\"IDR\"},"
                + "\"brandNewField\":{\"nested\":[1,null]},\"additionalInfo\":{\"x\":\"y\"}}");

        QrisStatusResponse parsed = NicepayJson.read(answer, QrisStatusResponse.class, "POST /q");

        assertThat(parsed.status()).isEqualTo(PaymentStatus.UNKNOWN);
        assertThat(parsed.latestTransactionStatus()).isEqualTo("42");
        assertThat(parsed.amount()).isEqualTo(Amount.idr(5));
        assertThat(parsed.otherFields()).containsKey("brandNewField");
        assertThat(parsed.additionalInfo()).containsEntry("x", "y");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"virtualAccountData\":{\"totalAmount\":{\"value\":\"-5.00\",\"currency\":\"IDR\"}}}",
            "{\"virtualAccountData\":\"text\"}", "not json", "{\"virtualAccountData\":{}} trailing", "null"})
    void a_malformed_answer_is_a_protocol_error_never_a_configuration_error(String body) {
        assertThatThrownBy(() -> NicepayJson.read(answer(body), CreateVaResponse.class, "POST /va"))
                .isInstanceOf(SnapProtocolException.class).hasMessageContaining("POST /va");
    }

    @Test
    void maps_every_status_of_the_catalogue() {
        assertThat(VirtualAccountStatus.fromCode("00")).isEqualTo(VirtualAccountStatus.PAID);
        assertThat(VirtualAccountStatus.fromCode("03")).isEqualTo(VirtualAccountStatus.UNPAID);
        assertThat(VirtualAccountStatus.fromCode("04").isFinal()).isTrue();
        assertThat(PaymentStatus.fromCode("06")).isEqualTo(PaymentStatus.FAILED);
        assertThat(PaymentStatus.fromCode("01").isFinal()).isFalse();
        assertThat(PayoutStatus.fromCode("08")).isEqualTo(PayoutStatus.PENDING);
        assertThat(PayoutStatus.fromCode("09")).isEqualTo(PayoutStatus.FAILED);
        assertThat(PayoutStatus.fromCode(null)).isEqualTo(PayoutStatus.UNKNOWN);
        for (PaymentStatus s : PaymentStatus.values()) {
            assertThat(PaymentStatus.fromCode(s.code())).isEqualTo(s);
        }
        for (PayoutStatus s : PayoutStatus.values()) {
            assertThat(PayoutStatus.fromCode(s.code())).isEqualTo(s);
        }
        for (VirtualAccountStatus s : VirtualAccountStatus.values()) {
            assertThat(VirtualAccountStatus.fromCode(s.code())).isEqualTo(s);
        }
        assertThat(PaymentStatus.fromCode("99")).isEqualTo(PaymentStatus.UNKNOWN);
        assertThat(VirtualAccountStatus.fromCode("")).isEqualTo(VirtualAccountStatus.UNKNOWN);
    }

    @Test
    void a_call_refuses_a_path_that_could_leave_the_environment() {
        assertThatThrownBy(() -> SnapCall.of("POST", "//evil.example/x", null))
                .isInstanceOf(SnapConfigurationException.class);
        assertThatThrownBy(() -> SnapCall.of("POST", "https://evil.example/x", null))
                .isInstanceOf(SnapConfigurationException.class);
        assertThatThrownBy(() -> SnapCall.of("POST", "/a b", null)).isInstanceOf(SnapConfigurationException.class);
        assertThatThrownBy(() -> SnapCall.of("PO ST", "/a", null)).isInstanceOf(SnapConfigurationException.class);
        assertThat(SnapCall.of("delete", "/a?b=c", null).method()).isEqualTo("DELETE");
        assertThat(SnapCall.of("POST", "/a", null).isMoneyMoving()).isTrue();
    }

    static SnapCallResponse answer(String body) {
        return SnapCallResponse.of(200, Map.of(), body.getBytes(StandardCharsets.UTF_8), ResponseCode.parse("2002700"),
                "Successful", "1");
    }

}
