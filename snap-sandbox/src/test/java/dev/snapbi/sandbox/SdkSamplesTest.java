package dev.snapbi.sandbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;

import static dev.snapbi.sandbox.Merchant.field;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests shaped exactly like NICEPAY's own SDK samples are accepted: the bodies of python-nicepay's
 * {@code test/snap/*.py} byte for byte (with the SDK's {@code json.dumps} spacing, {@code "additionalInfo": ""},
 * {@code Content-Type: Application/JSON}, {@code ordNo...} external ids), and the odd shapes of java-nicepay's tests
 * (empty {@code virtualAccountNo} and {@code tXidVA}, empty {@code originalReferenceNo}). Only placeholders are
 * replaced. The sandbox must not be stricter than NICEPAY.
 */
class SdkSamplesTest {

    private static KeyPair keys;

    private SnapSandbox sandbox;
    private Merchant merchant;

    @BeforeAll
    static void keys() {
        keys = Snap.newRsaKeyPair();
    }

    @BeforeEach
    void start() {
        sandbox = SnapSandbox.start();
        merchant = new Merchant(sandbox, keys, Merchant.CLIENT);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    /** A python-nicepay sample body, placeholders filled in. */
    private static String sample(String name, String... replacements) {
        try (InputStream in = SdkSamplesTest.class.getResourceAsStream("/nicepay-sdk-samples/python/" + name
                + ".json")) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (int i = 0; i < replacements.length; i += 2) {
                assertThat(body).as("placeholder %s in %s", replacements[i], name).contains(replacements[i]);
                body = body.replace(replacements[i], replacements[i + 1]);
            }
            return body.replace("_YOUR_CLIENT_KEY", Merchant.CLIENT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> send(String method, String path, String body, String expectedCode) {
        // the Python SDK's external id: "ordNo" + yyyyMMddHHmmss
        HttpResponse<String> response = merchant.send(method, "/nicepay" + path, body,
                "ordNo" + System.nanoTime(), Snap.nowInJakarta());
        assertThat(response.statusCode()).as(path + " answered " + response.body()).isEqualTo(200);
        assertThat(field(response.body(), "responseCode")).isEqualTo(expectedCode);
        return response;
    }

    @Test
    void accepts_the_python_sdks_token_request_with_an_empty_string_as_additional_info() {
        HttpResponse<String> response = Snap.signedToken(sandbox.baseUrl(), Merchant.CLIENT, keys.getPrivate(),
                Snap.nowInJakarta()).header("Content-Type", "Application/JSON").body(sample("AccessToken")).send();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(field(response.body(), "responseCode")).isEqualTo("2007300");
    }

    @Test
    void accepts_the_python_sdks_virtual_account_create_inquiry_and_cancel() {
        HttpResponse<String> created = send("POST", "/api/v1.0/transfer-va/create-va", sample("VirtualAccount"),
                "2002700");
        String tXidVA = field(created.body(), "tXidVA");
        HttpResponse<String> other = send("POST", "/api/v1.0/transfer-va/create-va",
                sample("VirtualAccount").replace("NICEPAY123", "NORMAL123457"), "2002700");

        HttpResponse<String> inquiry = send("POST", "/api/v1.0/transfer-va/status", sample("VirtualAccountInquiry",
                "_YOUR_TRANSACTION_ID_YOUR_TRANSACTION_ID", field(other.body(), "tXidVA"),
                "_YOUR_VA_NO", field(other.body(), "virtualAccountNo")), "2002600");
        assertThat(field(inquiry.body(), "trxId")).isEqualTo("NORMAL123457");

        send("DELETE", "/api/v1.0/transfer-va/delete-va", sample("VirtualAccountCancel",
                "_YOUR_TRANSACTION_ID", tXidVA), "2003100");
    }

    @Test
    void accepts_the_python_sdks_qris_generate_inquiry_and_refund() {
        HttpResponse<String> generated = send("POST", "/api/v1.0/qr/qr-mpm-generate", sample("Qris"), "2004700");
        send("POST", "/api/v1.0/qr/qr-mpm-query", sample("QrisInquiry",
                "_YOUR_TRANSACTION_ID", field(generated.body(), "referenceNo")), "2005100");

        HttpResponse<String> refundable = send("POST", "/api/v1.0/qr/qr-mpm-generate",
                sample("Qris").replace("OrdNo20250527112725", "OrdNo20250527120034"), "2004700");
        String referenceNo = field(refundable.body(), "referenceNo");
        sandbox.payQris(referenceNo);
        send("POST", "/api/v1.0/qr/qr-mpm-refund", sample("QrisRefund", "_YOUR_TRANSACTION_ID", referenceNo),
                "2007800");
    }

    @Test
    void accepts_the_python_sdks_direct_debit_payment_inquiry_and_refund() {
        HttpResponse<String> paid = send("POST", "/api/v1.0/debit/payment-host-to-host", sample("DirectDebit"),
                "2005400");
        send("POST", "/api/v1.0/debit/status", sample("DirectDebitInquiry",
                "_YOUR_TRANSACTION_ID", field(paid.body(), "referenceNo")), "2005500");

        HttpResponse<String> refundable = send("POST", "/api/v1.0/debit/payment-host-to-host",
                sample("DirectDebit").replace("OrdNo20250807095315", "OrdNo20250812171542"), "2005400");
        String referenceNo = field(refundable.body(), "referenceNo");
        sandbox.payEwallet(referenceNo);
        // the sample puts the client-key placeholder into originalReferenceNo: it stands for the payment's reference
        send("POST", "/api/v1.0/debit/refund", sample("DirectDebitRefund",
                "\"originalReferenceNo\": \"_YOUR_CLIENT_KEY\"", "\"originalReferenceNo\": \"" + referenceNo + "\""),
                "2005800");
    }

    @Test
    void accepts_the_python_sdks_payout_registration_inquiry_approval_and_balance_inquiry() {
        HttpResponse<String> registered = send("POST", "/api/v1.0/transfer/registration", sample("Payout"),
                "2000000");
        String referenceNo = field(registered.body(), "originalReferenceNo");
        send("POST", "/api/v1.0/transfer/inquiry", sample("PayoutInquiry", "_YOUR_TRANSACTION_ID", referenceNo),
                "2000000");
        send("POST", "/api/v1.0/transfer/approve", sample("PayoutApprove", "_YOUR_TRANSACTION_ID", referenceNo),
                "2000000");
        HttpResponse<String> balance = send("POST", "/api/v1.0/balance-inquiry", sample("PayoutBalanceInquiry"),
                "2001100");
        assertThat(field(balance.body(), "value")).isEqualTo("99989999.00");
    }

    @Test
    void accepts_the_python_sdks_payout_cancel_and_reject() {
        String cancellable = field(send("POST", "/api/v1.0/transfer/registration", sample("Payout"), "2000000")
                .body(), "originalReferenceNo");
        send("POST", "/api/v1.0/transfer/cancel", sample("PayoutCancel", "_YOUR_TRANSACTION_ID", cancellable),
                "2000000");
        String rejectable = field(send("POST", "/api/v1.0/transfer/registration",
                sample("Payout").replace("OrdNo20241114015744", "OrdNo20241109192849"), "2000000").body(),
                "originalReferenceNo");
        send("POST", "/api/v1.0/transfer/reject", sample("PayoutReject", "_YOUR_TRANSACTION_ID", rejectable),
                "2000000");
    }

    @Test
    void accepts_the_java_sdks_shapes_empty_va_references_an_empty_original_reference_and_a_payout_description() {
        // java-nicepay serializes its models with Gson: compact JSON, declaration order, nulls left out
        send("POST", "/api/v1.0/transfer-va/create-va", "{\"partnerServiceId\":\"1234\",\"customerNo\":\"\","
                + "\"virtualAccountNo\":\"\",\"virtualAccountName\":\"TESTVaName\",\"trxId\":\"TESTTrxId\","
                + "\"totalAmount\":{\"currency\":\"IDR\",\"value\":\"11000.00\"},\"additionalInfo\":{\"msFee\":\"\","
                + "\"bankCd\":\"BRIN\",\"mbFeeType\":\"\",\"vacctValidTm\":\"\",\"goodsNm\":\"TESTGoodsNm\","
                + "\"msFeeType\":\"\",\"dbProcessUrl\":\"https://merchant.com/test\",\"msId\":\"\",\"mbFee\":\"\","
                + "\"vacctValidDt\":\"\"}}", "2002700");
        send("DELETE", "/api/v1.0/transfer-va/delete-va", "{\"partnerServiceId\":\"\",\"customerNo\":\"\","
                + "\"virtualAccountNo\":\"\",\"trxId\":\"TESTTrxId\",\"additionalInfo\":{\"totalAmount\":"
                + "{\"currency\":\"IDR\",\"value\":\"11000.00\"},\"tXidVA\":\"\",\"cancelMessage\":\"test cancel\"}}",
                "2003100");

        String paid = field(send("POST", "/api/v1.0/debit/payment-host-to-host", "{\"partnerReferenceNo\":"
                + "\"ordEW20250221135601\",\"merchantId\":\"IONPAYTEST\",\"subMerchantId\":\"23489182303312\","
                + "\"externalStoreId\":\"239840198240795109\",\"validUpTo\":\"\",\"pointOfInitiation\":\"Mobile App\","
                + "\"amount\":{\"value\":\"1.00\",\"currency\":\"IDR\"},\"additionalInfo\":{\"mitraCd\":\"OVOE\"}}",
                "2005400").body(), "referenceNo");
        sandbox.payEwallet(paid);
        send("POST", "/api/v1.0/debit/refund", "{\"merchantId\":\"IONPAYTEST\",\"subMerchantId\":\"23489182303312\","
                + "\"originalPartnerReferenceNo\":\"ordEW20250221135601\",\"originalReferenceNo\":\"\","
                + "\"partnerRefundNo\":\"cancelRef20250221140000\",\"externalStoreId\":\"239840198240795109\","
                + "\"refundAmount\":{\"value\":\"1.00\",\"currency\":\"IDR\"},\"reason\":\"test refund\","
                + "\"additionalInfo\":{\"refundType\":\"1\"}}", "2005800");

        send("POST", "/api/v1.0/transfer/registration", "{\"merchantId\":\"IONPAYTEST\",\"beneficiaryAccountNo\":"
                + "\"5345000060\",\"beneficiaryName\":\"IONPAY NETWORKS\",\"beneficiaryPhone\":\"08123456789\","
                + "\"beneficiaryCustomerResidence\":\"1\",\"beneficiaryCustomerType\":\"1\",\"beneficiaryPostalCode\":"
                + "\"123456\",\"payoutMethod\":\"0\",\"beneficiaryBankCode\":\"BDIN\",\"amount\":{\"value\":"
                + "\"11000.00\",\"currency\":\"IDR\"},\"partnerReferenceNo\":\"2020102900000000000001\",\"reservedDt\":"
                + "\"\",\"reservedTm\":\"\",\"description\":\"This is test Request\",\"deliveryName\":\"Ciki\","
                + "\"deliveryId\":\"1234567890234512\",\"additionalInfo\":{\"msId\":\"\"}}", "2000000");
    }
}
