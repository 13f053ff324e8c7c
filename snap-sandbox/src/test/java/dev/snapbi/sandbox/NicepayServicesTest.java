package dev.snapbi.sandbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;

import static dev.snapbi.sandbox.Merchant.field;
import static dev.snapbi.sandbox.Snap.snapBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The NICEPAY services of SNAP-SPEC section 8, statefully: created -> paid (with the signed notification), status,
 * refunds only of paid payments and never above what was paid, cancel only of unpaid VAs, payouts registered ->
 * approved / rejected / cancelled, the balance, duplicates, unknown transactions, and the ambiguous outcome.
 */
class NicepayServicesTest {

    private static KeyPair keys;

    private SnapSandbox sandbox;
    private Merchant merchant;
    private MerchantInbox inbox;

    @BeforeAll
    static void keys() {
        keys = Snap.newRsaKeyPair();
    }

    @BeforeEach
    void start() {
        sandbox = SnapSandbox.start();
        merchant = new Merchant(sandbox, keys, Merchant.CLIENT);
        inbox = new MerchantInbox();
    }

    @AfterEach
    void stop() {
        inbox.close();
        sandbox.close();
    }

    private static void assertAnswer(HttpResponse<String> response, int status, String body) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).isEqualTo(body);
    }

    private static void assertCode(HttpResponse<String> response, int status, String responseCode) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(field(response.body(), "responseCode")).isEqualTo(responseCode);
    }

    private String vaBody(String trxId, String amount) {
        return "{\"partnerServiceId\":\"1234\",\"customerNo\":\"\",\"virtualAccountNo\":\"\",\"virtualAccountName\":"
                + "\"John Doe\",\"trxId\":\"" + trxId + "\",\"totalAmount\":{\"value\":\"" + amount + "\",\"currency\":"
                + "\"IDR\"},\"additionalInfo\":{\"bankCd\":\"BMRI\",\"goodsNm\":\"Tea\",\"dbProcessUrl\":\""
                + inbox.url("/api/v1.0/transfer-va/payment") + "\"}}";
    }

    private String createVa(String trxId, String amount) {
        HttpResponse<String> created = merchant.post(SnapSandbox.VA_CREATE_PATH, vaBody(trxId, amount));
        assertCode(created, 200, "2002700");
        return field(created.body(), "tXidVA");
    }

    private HttpResponse<String> vaStatus(String tXidVA, String trxId) {
        return merchant.post(SnapSandbox.VA_STATUS_PATH, "{\"partnerServiceId\":\"\",\"customerNo\":\"\","
                + "\"virtualAccountNo\":\"\",\"inquiryRequestId\":\"inq-1\",\"additionalInfo\":{\"totalAmount\":"
                + "{\"value\":\"10000.00\",\"currency\":\"IDR\"},\"trxId\":\"" + trxId + "\",\"tXidVA\":\"" + tXidVA
                + "\"}}");
    }

    private HttpResponse<String> vaCancel(String tXidVA, String trxId) {
        return merchant.send("DELETE", SnapSandbox.VA_DELETE_PATH, "{\"partnerServiceId\":\"\",\"customerNo\":\"\","
                + "\"virtualAccountNo\":\"\",\"trxId\":\"" + trxId + "\",\"additionalInfo\":{\"totalAmount\":"
                + "{\"value\":\"10000.00\",\"currency\":\"IDR\"},\"tXidVA\":\"" + tXidVA + "\",\"cancelMessage\":"
                + "\"changed my mind\"}}", merchant.nextExternalId(), Snap.nowInJakarta());
    }

    @Test
    void a_virtual_account_is_created_unpaid_paid_with_a_signed_notification_and_then_reported_paid() {
        String tXidVA = createVa("ORDER-1", "10000.00");
        HttpResponse<String> unpaid = vaStatus(tXidVA, "ORDER-1");
        assertCode(unpaid, 200, "2002600");
        assertThat(field(unpaid.body(), "latestTransactionStatus")).isEqualTo("03");
        assertThat(field(unpaid.body(), "transactionStatusDesc")).isEqualTo("Unpaid");

        SandboxPayment paid = sandbox.payVirtualAccount(tXidVA);

        assertThat(paid.kind()).isEqualTo(SandboxPayment.Kind.VIRTUAL_ACCOUNT);
        assertThat(paid.partnerReferenceNo()).isEqualTo("ORDER-1");
        assertThat(paid.amount()).isEqualByComparingTo("10000.00");
        assertThat(paid.notificationStatus()).isEqualTo(200);
        assertThat(paid.notificationError()).isNull();
        assertThat(inbox.received()).singleElement().satisfies(n -> {
            assertThat(n.path()).isEqualTo("/api/v1.0/transfer-va/payment");
            assertThat(n.clientKey()).isEqualTo(Merchant.CLIENT);
            assertThat(n.verifiesWith(sandbox.notificationPublicKey())).isTrue();
            assertThat(n.body()).isEqualTo(paid.notificationBody());
            assertThat(field(n.body(), "trxId")).isEqualTo("ORDER-1");
            assertThat(field(n.body(), "tXidVA")).isEqualTo(tXidVA);
            assertThat(n.body()).contains("\"paidAmount\":{\"value\":\"10000.00\",\"currency\":\"IDR\"}");
            assertThat(field(n.body(), "latestTransactionStatus")).isEqualTo("00");
        });
        HttpResponse<String> reported = vaStatus(tXidVA, "");
        assertThat(field(reported.body(), "latestTransactionStatus")).isEqualTo("00");
        assertThat(field(reported.body(), "transactionStatusDesc")).isEqualTo("Paid");
        assertThatThrownBy(() -> sandbox.pay(tXidVA)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("paid");
    }

    @Test
    void only_an_unpaid_virtual_account_can_be_cancelled_and_a_cancelled_one_cannot_be_paid() {
        String paidVa = createVa("ORDER-PAID", "10000.00");
        sandbox.pay(paidVa);
        assertAnswer(vaCancel(paidVa, "ORDER-PAID"), 404, snapBody("4043114", "Paid Bill"));

        String open = createVa("ORDER-OPEN", "10000.00");
        HttpResponse<String> cancelled = vaCancel(open, "ORDER-OPEN");
        assertCode(cancelled, 200, "2003100");
        assertThat(field(cancelled.body(), "cancelMessage")).isEqualTo("changed my mind");
        assertThat(field(vaStatus(open, "ORDER-OPEN").body(), "latestTransactionStatus")).isEqualTo("04");
        assertAnswer(vaCancel(open, "ORDER-OPEN"), 404, snapBody("4043104", "Transaction Cancelled"));
        assertThatThrownBy(() -> sandbox.payVirtualAccount(open)).isInstanceOf(IllegalStateException.class);
        assertAnswer(merchant.post(SnapSandbox.VA_DELETE_PATH, "{\"trxId\":\"ORDER-OPEN\"}"), 405,
                snapBody("4053100", "Requested Function Is Not Supported"));
    }

    @Test
    void a_business_reference_is_unique_per_partner_and_unknown_or_mismatched_references_are_not_found() {
        createVa("ORDER-DUP", "10000.00");
        assertAnswer(merchant.post(SnapSandbox.VA_CREATE_PATH, vaBody("ORDER-DUP", "5.00")), 409,
                snapBody("4092701", "Duplicate trxId"));
        Merchant other = new Merchant(sandbox, keys, "OTHERMERCHANT");
        assertCode(other.post(SnapSandbox.VA_CREATE_PATH, vaBody("ORDER-DUP", "5.00")), 200, "2002700");

        assertAnswer(vaStatus("IONPAYTEST02000000000000", ""), 404, snapBody("4042601", "Transaction Not Found"));
        String tXidVA = createVa("ORDER-X", "10000.00");
        assertAnswer(vaStatus(tXidVA, "ORDER-Y"), 404, snapBody("4042601", "Transaction Not Found"));
        // another partner's transaction does not exist for this one
        assertAnswer(other.post(SnapSandbox.VA_STATUS_PATH, "{\"additionalInfo\":{\"tXidVA\":\"" + tXidVA + "\"}}"),
                404, snapBody("4042601", "Transaction Not Found"));
        assertAnswer(merchant.post(SnapSandbox.QRIS_QUERY_PATH, "{\"merchantId\":\"IONPAYTEST\","
                + "\"originalReferenceNo\":\"nope\",\"serviceCode\":\"47\"}"), 404,
                snapBody("4045101", "Transaction Not Found"));
        assertAnswer(merchant.post(SnapSandbox.PAYOUT_INQUIRY_PATH, "{\"merchantId\":\"IONPAYTEST\","
                + "\"originalPartnerReferenceNo\":\"nope\"}"), 404, snapBody("4040001", "Transaction Not Found"));
    }

    private String qrisBody(String partnerReferenceNo, String amount) {
        return "{\"merchantId\":\"IONPAYTEST\",\"partnerReferenceNo\":\"" + partnerReferenceNo + "\",\"storeId\":"
                + "\"NICEPAY\",\"validityPeriod\":\"\",\"amount\":{\"value\":\"" + amount + "\",\"currency\":\"IDR\"},"
                + "\"additionalInfo\":{\"goodsNm\":\"Tea\",\"dbProcessUrl\":\"" + inbox.url("/api/v1.0/qr/qr-mpm-notify")
                + "\",\"mitraCd\":\"QSHP\"}}";
    }

    private HttpResponse<String> qrisRefund(String referenceNo, String partnerRefundNo, String amount) {
        return merchant.post(SnapSandbox.QRIS_REFUND_PATH, "{\"merchantId\":\"IONPAYTEST\",\"externalStoreId\":"
                + "\"NICEPAY\",\"originalReferenceNo\":\"" + referenceNo + "\",\"originalPartnerReferenceNo\":\"\","
                + "\"partnerRefundNo\":\"" + partnerRefundNo + "\",\"refundAmount\":{\"value\":\"" + amount
                + "\",\"currency\":\"IDR\"},\"reason\":\"test\",\"additionalInfo\":{\"cancelType\":\"1\"}}");
    }

    private HttpResponse<String> qrisQuery(String referenceNo) {
        return merchant.post(SnapSandbox.QRIS_QUERY_PATH, "{\"merchantId\":\"IONPAYTEST\",\"externalStoreId\":"
                + "\"NICEPAY\",\"originalReferenceNo\":\"" + referenceNo + "\",\"originalPartnerReferenceNo\":\"\","
                + "\"serviceCode\":\"47\",\"additionalInfo\":{}}");
    }

    @Test
    void a_qris_payment_is_refunded_only_once_paid_and_never_above_what_was_paid() {
        HttpResponse<String> generated = merchant.post(SnapSandbox.QRIS_GENERATE_PATH, qrisBody("QR-1", "10000.00"));
        assertCode(generated, 200, "2004700");
        assertThat(field(generated.body(), "partnerReferenceNo")).isEqualTo("QR-1");
        assertThat(field(generated.body(), "qrContent")).startsWith("000201");
        String referenceNo = field(generated.body(), "referenceNo");
        assertThat(field(qrisQuery(referenceNo).body(), "latestTransactionStatus")).isEqualTo("03");

        assertAnswer(qrisRefund(referenceNo, "RF-0", "10000.00"), 403,
                snapBody("4037815", "Transaction Not Permitted"));
        SandboxPayment paid = sandbox.payQris(referenceNo);
        assertThat(inbox.received()).singleElement().satisfies(n -> {
            assertThat(n.path()).isEqualTo("/api/v1.0/qr/qr-mpm-notify");
            assertThat(n.verifiesWith(sandbox.notificationPublicKey())).isTrue();
            assertThat(field(n.body(), "originalReferenceNo")).isEqualTo(referenceNo);
            assertThat(field(n.body(), "originalPartnerReferenceNo")).isEqualTo("QR-1");
        });
        assertThat(paid.referenceNo()).isEqualTo(referenceNo);
        assertThat(field(qrisQuery(referenceNo).body(), "latestTransactionStatus")).isEqualTo("00");

        HttpResponse<String> partial = qrisRefund(referenceNo, "RF-1", "4000.00");
        assertCode(partial, 200, "2007800");
        assertThat(field(partial.body(), "partnerRefundNo")).isEqualTo("RF-1");
        assertThat(field(qrisQuery(referenceNo).body(), "latestTransactionStatus")).isEqualTo("00");
        assertAnswer(qrisRefund(referenceNo, "RF-2", "6000.01"), 404, snapBody("4047813", "Invalid Amount"));
        assertAnswer(qrisRefund(referenceNo, "RF-1", "1.00"), 409, snapBody("4097801", "Duplicate partnerRefundNo"));
        assertCode(qrisRefund(referenceNo, "RF-3", "6000.00"), 200, "2007800");
        HttpResponse<String> refunded = qrisQuery(referenceNo);
        assertThat(field(refunded.body(), "latestTransactionStatus")).isEqualTo("04");
        assertThat(field(refunded.body(), "transactionStatusDesc")).isEqualTo("Refunded");
        assertAnswer(qrisRefund(referenceNo, "RF-4", "1.00"), 403, snapBody("4037815", "Transaction Not Permitted"));
        assertAnswer(merchant.post(SnapSandbox.QRIS_GENERATE_PATH, qrisBody("QR-1", "1.00")), 409,
                snapBody("4094701", "Duplicate partnerReferenceNo"));
    }

    @Test
    void an_ewallet_payment_is_paid_notified_to_its_pay_notify_url_reported_and_refunded() {
        String body = "{\"partnerReferenceNo\":\"EW-1\",\"merchantId\":\"IONPAYTEST\",\"subMerchantId\":\"\","
                + "\"externalStoreId\":\"\",\"validUpTo\":\"\",\"pointOfInitiation\":\"Mobile App\",\"amount\":"
                + "{\"value\":\"1.00\",\"currency\":\"IDR\"},\"urlParam\":[{\"url\":\"" + inbox.url("/api/v1.0/debit/notify")
                + "\",\"type\":\"PAY_NOTIFY\",\"isDeeplink\":\"Y\"},{\"url\":\"https://merchant.example/return\","
                + "\"type\":\"PAY_RETURN\",\"isDeeplink\":\"Y\"}],\"additionalInfo\":{\"mitraCd\":\"DANA\"}}";
        HttpResponse<String> created = merchant.post(SnapSandbox.EWALLET_PAYMENT_PATH, body);
        assertCode(created, 200, "2005400");
        String referenceNo = field(created.body(), "referenceNo");
        assertThat(field(created.body(), "webRedirectUrl")).endsWith(referenceNo);
        String status = "{\"merchantId\":\"IONPAYTEST\",\"subMerchantId\":\"\",\"originalPartnerReferenceNo\":"
                + "\"EW-1\",\"originalReferenceNo\":\"\",\"serviceCode\":\"54\",\"transactionDate\":"
                + "\"20241231101140\",\"amount\":{\"value\":\"1.00\",\"currency\":\"IDR\"},\"additionalInfo\":{}}";
        assertThat(field(merchant.post(SnapSandbox.EWALLET_STATUS_PATH, status).body(), "latestTransactionStatus"))
                .isEqualTo("03");

        assertThatThrownBy(() -> sandbox.payQris(referenceNo)).isInstanceOf(IllegalArgumentException.class);
        SandboxPayment paid = sandbox.payEwallet(referenceNo);
        assertThat(paid.notificationUrl()).isEqualTo(inbox.url("/api/v1.0/debit/notify"));
        assertThat(inbox.received()).singleElement().satisfies(n ->
                assertThat(field(n.body(), "mitraCd")).isEqualTo("DANA"));
        HttpResponse<String> success = merchant.post(SnapSandbox.EWALLET_STATUS_PATH, status);
        assertCode(success, 200, "2005500");
        assertThat(field(success.body(), "latestTransactionStatus")).isEqualTo("00");
        assertThat(success.body()).contains("\"transAmount\":{\"value\":\"1.00\",\"currency\":\"IDR\"}");

        String refund = "{\"partnerRefundNo\":\"EWR-1\",\"merchantId\":\"IONPAYTEST\",\"subMerchantId\":\"\","
                + "\"originalPartnerReferenceNo\":\"EW-1\",\"originalReferenceNo\":\"" + referenceNo + "\","
                + "\"externalStoreId\":\"\",\"reason\":\"r\",\"refundAmount\":{\"value\":\"%s\",\"currency\":"
                + "\"IDR\"},\"additionalInfo\":{\"refundType\":\"1\"}}";
        assertAnswer(merchant.post(SnapSandbox.EWALLET_REFUND_PATH, refund.formatted("1.01")), 404,
                snapBody("4045813", "Invalid Amount"));
        HttpResponse<String> refunded = merchant.post(SnapSandbox.EWALLET_REFUND_PATH, refund.formatted("1.00"));
        assertCode(refunded, 200, "2005800");
        assertThat(field(refunded.body(), "refundNo")).isNotEmpty();
        assertThat(field(merchant.post(SnapSandbox.EWALLET_STATUS_PATH, status).body(), "latestTransactionStatus"))
                .isEqualTo("04");
    }

    private String payoutBody(String partnerReferenceNo, String amount) {
        return "{\"partnerReferenceNo\":\"" + partnerReferenceNo + "\",\"merchantId\":\"IONPAYTEST\",\"msId\":\"\","
                + "\"beneficiaryAccountNo\":\"5930696651\",\"beneficiaryName\":\"John Doe\",\"beneficiaryPhone\":"
                + "\"08123456789\",\"beneficiaryCustomerResidence\":\"1\",\"beneficiaryCustomerType\":\"1\","
                + "\"beneficiaryPostalCode\":\"10200\",\"beneficiaryBankCode\":\"CENA\",\"payoutMethod\":\"1\","
                + "\"reservedDt\":\"\",\"reservedTm\":\"\",\"deliveryId\":\"\",\"deliveryNm\":\"M\",\"amount\":"
                + "{\"value\":\"" + amount + "\",\"currency\":\"IDR\"}}";
    }

    private String registerPayout(String partnerReferenceNo, String amount) {
        HttpResponse<String> registered = merchant.post(SnapSandbox.PAYOUT_REGISTRATION_PATH,
                payoutBody(partnerReferenceNo, amount));
        assertCode(registered, 200, "2000000");
        assertThat(field(registered.body(), "partnerReferenceNo")).isEqualTo(partnerReferenceNo);
        return field(registered.body(), "originalReferenceNo");
    }

    private HttpResponse<String> payoutCall(String path, String referenceNo) {
        return merchant.post(path, "{\"originalPartnerReferenceNo\":\"\",\"originalReferenceNo\":\"" + referenceNo
                + "\",\"merchantId\":\"IONPAYTEST\"}");
    }

    private String balance() {
        HttpResponse<String> balance = merchant.post(SnapSandbox.BALANCE_INQUIRY_PATH,
                "{\"accountNo\":\"\",\"additionalInfo\":{\"msId\":\"\"}}");
        assertCode(balance, 200, "2001100");
        return field(balance.body(), "value");
    }

    @Test
    void a_payout_is_pending_until_approved_the_balance_pays_it_and_only_pending_ones_are_rejected_or_cancelled() {
        sandbox.setBalance(Merchant.CLIENT, new BigDecimal("50000.00"));
        assertThat(balance()).isEqualTo("50000.00");

        String approved = registerPayout("PO-1", "10001.00");
        HttpResponse<String> pending = merchant.post(SnapSandbox.PAYOUT_INQUIRY_PATH, "{\"merchantId\":"
                + "\"IONPAYTEST\",\"originalPartnerReferenceNo\":\"PO-1\",\"originalReferenceNo\":\"" + approved
                + "\",\"beneficiaryAccountNo\":\"5930696651\"}");
        assertThat(field(pending.body(), "transactionStatus")).isEqualTo("03");
        assertThat(balance()).isEqualTo("50000.00");
        HttpResponse<String> done = payoutCall(SnapSandbox.PAYOUT_APPROVE_PATH, approved);
        assertCode(done, 200, "2000000");
        assertThat(field(done.body(), "transactionStatus")).isEqualTo("00");
        assertThat(field(done.body(), "beneficiaryAccountNo")).isEqualTo("5930696651");
        assertThat(balance()).isEqualTo("39999.00");
        assertThat(sandbox.balance(Merchant.CLIENT)).isEqualByComparingTo("39999.00");
        assertAnswer(payoutCall(SnapSandbox.PAYOUT_REJECT_PATH, approved), 403,
                snapBody("4030015", "Transaction Not Permitted"));
        assertAnswer(payoutCall(SnapSandbox.PAYOUT_APPROVE_PATH, approved), 403,
                snapBody("4030015", "Transaction Not Permitted"));

        String rejected = registerPayout("PO-2", "5.00");
        assertThat(field(payoutCall(SnapSandbox.PAYOUT_REJECT_PATH, rejected).body(), "transactionStatus"))
                .isEqualTo("05");
        assertAnswer(payoutCall(SnapSandbox.PAYOUT_CANCEL_PATH, rejected), 403,
                snapBody("4030015", "Transaction Not Permitted"));
        String cancelled = registerPayout("PO-3", "5.00");
        assertThat(field(payoutCall(SnapSandbox.PAYOUT_CANCEL_PATH, cancelled).body(), "transactionStatus"))
                .isEqualTo("04");
        String tooMuch = registerPayout("PO-4", "40000.00");
        assertAnswer(payoutCall(SnapSandbox.PAYOUT_APPROVE_PATH, tooMuch), 403,
                snapBody("4030014", "Insufficient Funds"));
        assertThat(balance()).isEqualTo("39999.00");
        assertAnswer(merchant.post(SnapSandbox.PAYOUT_REGISTRATION_PATH, payoutBody("PO-1", "1.00")), 409,
                snapBody("4090001", "Duplicate partnerReferenceNo"));
        assertAnswer(merchant.post(SnapSandbox.BALANCE_INQUIRY_PATH, "{\"accountNo\":\"SOMEONEELSE\"}"), 404,
                snapBody("4041108", "Invalid Merchant"));
    }

    @Test
    void names_the_missing_or_malformed_field_under_the_services_code() {
        assertAnswer(merchant.post(SnapSandbox.QRIS_GENERATE_PATH, "{\"merchantId\":\"IONPAYTEST\","
                + "\"partnerReferenceNo\":\"Q\"}"), 400, snapBody("4004702", "Invalid Mandatory Field [amount]"));
        assertAnswer(merchant.post(SnapSandbox.QRIS_GENERATE_PATH, qrisBody("Q", "10000")), 400,
                snapBody("4004701", "Invalid Field Format [amount.value]"));
        assertAnswer(merchant.post(SnapSandbox.EWALLET_PAYMENT_PATH, "{\"partnerReferenceNo\":\"E\",\"merchantId\":"
                + "\"IONPAYTEST\",\"amount\":{\"value\":\"1.00\",\"currency\":\"IDR\"},\"additionalInfo\":"
                + "{\"mitraCd\":\"XXXX\"}}"), 400,
                snapBody("4005401", "Invalid Field Format [additionalInfo.mitraCd]"));
        assertAnswer(merchant.post(SnapSandbox.PAYOUT_REGISTRATION_PATH, payoutBody("P", "1.00")
                .replace("\"payoutMethod\":\"1\"", "\"payoutMethod\":\"9\"")), 400,
                snapBody("4000001", "Invalid Field Format [payoutMethod]"));
        assertAnswer(merchant.post(SnapSandbox.PAYOUT_REGISTRATION_PATH, payoutBody("P", "1.00")
                .replace("\"beneficiaryAccountNo\":\"5930696651\"", "\"beneficiaryAccountNo\":\"\"")), 400,
                snapBody("4000002", "Invalid Mandatory Field [beneficiaryAccountNo]"));
        assertAnswer(merchant.post(SnapSandbox.QRIS_REFUND_PATH, "{\"originalReferenceNo\":\"x\","
                + "\"partnerRefundNo\":\"r\",\"refundAmount\":{\"value\":\"1.00\",\"currency\":\"IDR\"},"
                + "\"merchantId\":\"SOMEONEELSE\"}"), 404, snapBody("4047808", "Invalid Merchant"));
        assertAnswer(merchant.post(SnapSandbox.EWALLET_STATUS_PATH, "{\"originalPartnerReferenceNo\":\"x\","
                + "\"serviceCode\":\"47\"}"), 400, snapBody("4005501", "Invalid Field Format [serviceCode]"));
        assertAnswer(merchant.post(SnapSandbox.VA_STATUS_PATH, "{}"), 400,
                snapBody("4002602", "Invalid Mandatory Field [additionalInfo.tXidVA]"));
        assertAnswer(merchant.post(SnapSandbox.BALANCE_INQUIRY_PATH, "[]"), 400, snapBody("4001100", "Bad Request"));
    }

    @Test
    void every_service_refuses_dead_tokens_and_reused_external_ids_through_the_one_shared_check() {
        String body = "{\"accountNo\":\"\"}";
        String timestamp = Snap.nowInJakarta();
        assertCode(merchant.send("POST", SnapSandbox.BALANCE_INQUIRY_PATH, body, "EXT-1", timestamp), 200, "2001100");
        // the same X-EXTERNAL-ID on another service the same day is still a reuse
        assertAnswer(merchant.send("POST", SnapSandbox.PAYOUT_INQUIRY_PATH, "{\"originalReferenceNo\":\"x\"}", "EXT-1",
                timestamp), 409, snapBody("4097300", "Conflict"));

        sandbox.revokeAllTokens();
        for (String path : new String[] {SnapSandbox.QRIS_GENERATE_PATH, SnapSandbox.EWALLET_REFUND_PATH,
                SnapSandbox.PAYOUT_APPROVE_PATH, SnapSandbox.VA_STATUS_PATH}) {
            assertAnswer(merchant.post(path, "{}"), 401, snapBody("4017301", "Access Token Invalid"));
        }
        merchant.refreshToken();
        assertCode(merchant.post(SnapSandbox.BALANCE_INQUIRY_PATH, body), 200, "2001100");
    }

    @Test
    void a_retry_with_the_same_timestamp_and_signature_but_a_new_external_id_is_accepted() {
        String tXidVA = createVa("ORDER-RETRY", "10000.00");
        String body = "{\"additionalInfo\":{\"tXidVA\":\"" + tXidVA + "\"}}";
        String timestamp = Snap.nowInJakarta();
        HttpRequest first = merchant.request("POST", SnapSandbox.VA_STATUS_PATH, body, "RETRY-1", timestamp);
        HttpRequest retry = merchant.request("POST", SnapSandbox.VA_STATUS_PATH, body, "RETRY-2", timestamp);
        assertThat(retry.headers().firstValue("X-SIGNATURE")).isEqualTo(first.headers().firstValue("X-SIGNATURE"));

        assertCode(Snap.send(first), 200, "2002600");
        assertCode(Snap.send(retry), 200, "2002600");

        // nor does the token endpoint remember signatures: a byte-identical retry gets a token too
        String timestampOfToken = Snap.nowInJakarta();
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThat(Snap.signedToken(sandbox.baseUrl(), Merchant.CLIENT, keys.getPrivate(), timestampOfToken)
                    .send().statusCode()).isEqualTo(200);
        }
    }

    @Test
    void processed_then_the_answer_lost_applies_the_call_once_and_the_status_call_reconciles_it() {
        sandbox.transactionFaults().processedThenDropNext(1);
        HttpRequest create = merchant.request("POST", SnapSandbox.VA_CREATE_PATH, vaBody("ORDER-LOST", "10000.00"),
                merchant.nextExternalId(), Snap.nowInJakarta());

        assertThatThrownBy(() -> merchant.sendOrThrow(create)).isInstanceOf(IOException.class);

        assertThat(sandbox.stats().requests(SnapSandbox.VA_CREATE_PATH)).isEqualTo(1);
        HttpResponse<String> reconciled = vaStatus("", "ORDER-LOST");
        assertCode(reconciled, 200, "2002600");
        assertThat(field(reconciled.body(), "trxId")).isEqualTo("ORDER-LOST");
        assertThat(field(reconciled.body(), "latestTransactionStatus")).isEqualTo("03");
        // resending the money-moving call would have been refused as a duplicate, not applied twice
        assertAnswer(merchant.post(SnapSandbox.VA_CREATE_PATH, vaBody("ORDER-LOST", "10000.00")), 409,
                snapBody("4092701", "Duplicate trxId"));
        assertThat(sandbox.transactionFaults().pending()).isZero();
    }

    @Test
    void a_fault_answered_instead_of_the_service_applies_nothing_and_token_faults_stay_apart() {
        sandbox.transactionFaults().failNext(1, 500, "5002700", "General Error");
        assertAnswer(merchant.post(SnapSandbox.VA_CREATE_PATH, vaBody("ORDER-FAIL", "10000.00")), 500,
                snapBody("5002700", "General Error"));
        assertAnswer(vaStatus("", "ORDER-FAIL"), 404, snapBody("4042601", "Transaction Not Found"));

        sandbox.transactionFaults().tooManyRequestsNext(1, 3);
        HttpResponse<String> limited = merchant.post(SnapSandbox.BALANCE_INQUIRY_PATH, "{}");
        assertAnswer(limited, 429, snapBody("4291100", "Too Many Requests"));
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("3");

        sandbox.faults().failNext(1, 500, "5007300", "General Error");
        assertCode(merchant.post(SnapSandbox.BALANCE_INQUIRY_PATH, "{}"), 200, "2001100");
        assertThat(sandbox.faults().pending()).isEqualTo(1);
    }

    @Test
    void admin_endpoints_pay_set_balances_and_queue_transaction_faults() {
        String tXidVA = createVa("ORDER-ADMIN", "10000.00");
        HttpResponse<String> paid = Snap.post(sandbox.baseUrl().resolve("/_sandbox/pay"),
                "{\"referenceNo\":\"" + tXidVA + "\"}");
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
        assertThat(field(paid.body(), "kind")).isEqualTo("VIRTUAL_ACCOUNT");
        assertThat(field(paid.body(), "status")).isEqualTo("00");
        assertThat(paid.body()).contains("\"status\":200,\"error\":null");
        assertThat(inbox.received()).hasSize(1);
        assertThat(Snap.post(sandbox.baseUrl().resolve("/_sandbox/pay"), "{\"referenceNo\":\"" + tXidVA + "\"}")
                .statusCode()).isEqualTo(409);
        assertThat(Snap.post(sandbox.baseUrl().resolve("/_sandbox/pay"), "{\"referenceNo\":\"nope\"}").statusCode())
                .isEqualTo(404);

        HttpResponse<String> balance = Snap.post(sandbox.baseUrl().resolve("/_sandbox/balance"),
                "{\"clientKey\":\"IONPAYTEST\",\"balance\":\"123.45\"}");
        assertThat(balance.body()).isEqualTo("{\"clientKey\":\"IONPAYTEST\",\"balance\":\"123.45\"}");
        assertThat(balance()).isEqualTo("123.45");

        HttpResponse<String> fault = Snap.post(sandbox.baseUrl().resolve("/_sandbox/transaction-faults"),
                "{\"fault\":\"processedThenDrop\",\"count\":2}");
        assertThat(fault.body()).contains("{\"fault\":\"processedThenDrop\",\"remaining\":2}");
        assertThat(sandbox.transactionFaults().pending()).isEqualTo(2);
        assertThat(sandbox.faults().pending()).isZero();
        Snap.post(sandbox.baseUrl().resolve("/_sandbox/transaction-faults/clear"), "{}");
        assertThat(sandbox.transactionFaults().pending()).isZero();
    }

    @Test
    void a_payment_whose_request_named_no_notification_url_is_still_paid_and_says_why_nobody_was_told() {
        HttpResponse<String> created = merchant.post(SnapSandbox.QRIS_GENERATE_PATH, "{\"merchantId\":\"IONPAYTEST\","
                + "\"partnerReferenceNo\":\"QR-QUIET\",\"amount\":{\"value\":\"5.00\",\"currency\":\"IDR\"},"
                + "\"additionalInfo\":{\"dbProcessUrl\":\"_YOUR_DB_PROCESS_URL\"}}");
        SandboxPayment paid = sandbox.pay(field(created.body(), "referenceNo"));
        assertThat(paid.notificationUrl()).isNull();
        assertThat(paid.merchantStatus()).isEmpty();
        assertThat(paid.notificationError()).contains("dbProcessUrl");
        assertThat(inbox.received()).isEmpty();
    }
}
