package dev.snapbi.contract.pact;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonArray;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.dsl.PactDslWithState;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.snapbi.adapter.feign.token.FeignAccessTokens;
import dev.snapbi.crypto.RsaSigner;
import dev.snapbi.domain.error.SnapAuthenticationException;
import dev.snapbi.domain.error.SnapBadRequestException;
import dev.snapbi.domain.error.SnapDuplicateReferenceException;
import dev.snapbi.domain.error.SnapRejectedException;
import dev.snapbi.domain.model.ProviderProfile;
import dev.snapbi.domain.token.AccessTokenService;
import dev.snapbi.nicepay.NicepayClient;
import dev.snapbi.nicepay.balance.BalanceInquiryResponse;
import dev.snapbi.nicepay.ewallet.EwalletPaymentRequest;
import dev.snapbi.nicepay.ewallet.EwalletPaymentResponse;
import dev.snapbi.nicepay.ewallet.EwalletRefundRequest;
import dev.snapbi.nicepay.ewallet.EwalletRefundResponse;
import dev.snapbi.nicepay.ewallet.EwalletStatusResponse;
import dev.snapbi.nicepay.ewallet.UrlParam;
import dev.snapbi.nicepay.model.Amount;
import dev.snapbi.nicepay.model.PaymentStatus;
import dev.snapbi.nicepay.model.PayoutStatus;
import dev.snapbi.nicepay.model.VirtualAccountStatus;
import dev.snapbi.nicepay.payout.PayoutRegistrationRequest;
import dev.snapbi.nicepay.payout.PayoutRequest;
import dev.snapbi.nicepay.payout.PayoutResponse;
import dev.snapbi.nicepay.qris.QrisGenerateRequest;
import dev.snapbi.nicepay.qris.QrisGenerateResponse;
import dev.snapbi.nicepay.qris.QrisRefundRequest;
import dev.snapbi.nicepay.qris.QrisRefundResponse;
import dev.snapbi.nicepay.qris.QrisStatusResponse;
import dev.snapbi.nicepay.va.CancelVaRequest;
import dev.snapbi.nicepay.va.CancelVaResponse;
import dev.snapbi.nicepay.va.CreateVaRequest;
import dev.snapbi.nicepay.va.CreateVaResponse;
import dev.snapbi.nicepay.va.VaStatusResponse;
import dev.snapbi.sandbox.SandboxClient;
import dev.snapbi.sandbox.SnapSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.snapbi.contract.pact.NicepaySnapPact.AMOUNT_REGEX;
import static dev.snapbi.contract.pact.NicepaySnapPact.BALANCE_PATH;
import static dev.snapbi.contract.pact.NicepaySnapPact.BEARER_REGEX;
import static dev.snapbi.contract.pact.NicepaySnapPact.CLIENT_KEY;
import static dev.snapbi.contract.pact.NicepaySnapPact.CONSUMER;
import static dev.snapbi.contract.pact.NicepaySnapPact.EWALLET_MISSES_A_FIELD;
import static dev.snapbi.contract.pact.NicepaySnapPact.EWALLET_PAID;
import static dev.snapbi.contract.pact.NicepaySnapPact.EWALLET_PAYMENT_PATH;
import static dev.snapbi.contract.pact.NicepaySnapPact.EWALLET_PENDING;
import static dev.snapbi.contract.pact.NicepaySnapPact.EWALLET_REFERENCE;
import static dev.snapbi.contract.pact.NicepaySnapPact.EWALLET_REFUND_NO;
import static dev.snapbi.contract.pact.NicepaySnapPact.EWALLET_REFUND_PATH;
import static dev.snapbi.contract.pact.NicepaySnapPact.EWALLET_STATUS_PATH;
import static dev.snapbi.contract.pact.NicepaySnapPact.EXAMPLE_BEARER;
import static dev.snapbi.contract.pact.NicepaySnapPact.EXAMPLE_EXTERNAL_ID;
import static dev.snapbi.contract.pact.NicepaySnapPact.EXAMPLE_HMAC_SIGNATURE;
import static dev.snapbi.contract.pact.NicepaySnapPact.EXAMPLE_TIMESTAMP;
import static dev.snapbi.contract.pact.NicepaySnapPact.EXTERNAL_ID_REGEX;
import static dev.snapbi.contract.pact.NicepaySnapPact.HMAC_SHA512_BASE64_REGEX;
import static dev.snapbi.contract.pact.NicepaySnapPact.JSON_CONTENT_TYPE_REGEX;
import static dev.snapbi.contract.pact.NicepaySnapPact.PARTNER_READY;
import static dev.snapbi.contract.pact.NicepaySnapPact.PAYOUT_APPROVE_PATH;
import static dev.snapbi.contract.pact.NicepaySnapPact.PAYOUT_CANCEL_PATH;
import static dev.snapbi.contract.pact.NicepaySnapPact.PAYOUT_INQUIRY_PATH;
import static dev.snapbi.contract.pact.NicepaySnapPact.PAYOUT_PENDING;
import static dev.snapbi.contract.pact.NicepaySnapPact.PAYOUT_REFERENCE;
import static dev.snapbi.contract.pact.NicepaySnapPact.PAYOUT_REGISTRATION_PATH;
import static dev.snapbi.contract.pact.NicepaySnapPact.PAYOUT_REJECT_PATH;
import static dev.snapbi.contract.pact.NicepaySnapPact.PROVIDER;
import static dev.snapbi.contract.pact.NicepaySnapPact.QRIS_GENERATE_PATH;
import static dev.snapbi.contract.pact.NicepaySnapPact.QRIS_PAID;
import static dev.snapbi.contract.pact.NicepaySnapPact.QRIS_PENDING;
import static dev.snapbi.contract.pact.NicepaySnapPact.QRIS_REFERENCE;
import static dev.snapbi.contract.pact.NicepaySnapPact.QRIS_REFUND_NO;
import static dev.snapbi.contract.pact.NicepaySnapPact.QRIS_REFUND_PATH;
import static dev.snapbi.contract.pact.NicepaySnapPact.QRIS_STATUS_PATH;
import static dev.snapbi.contract.pact.NicepaySnapPact.TIMESTAMP_REGEX;
import static dev.snapbi.contract.pact.NicepaySnapPact.TOKEN_REVOKED;
import static dev.snapbi.contract.pact.NicepaySnapPact.UNKNOWN_TRX_ID;
import static dev.snapbi.contract.pact.NicepaySnapPact.VA_DELETE_PATH;
import static dev.snapbi.contract.pact.NicepaySnapPact.VA_PATH;
import static dev.snapbi.contract.pact.NicepaySnapPact.VA_STATUS_PATH;
import static dev.snapbi.contract.pact.NicepaySnapPact.VA_TRX_ID;
import static dev.snapbi.contract.pact.NicepaySnapPact.VA_UNKNOWN;
import static dev.snapbi.contract.pact.NicepaySnapPact.VA_UNPAID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The consumer side of the contract for the typed NICEPAY services of SNAP-SPEC section 8, driven by the real
 * {@link NicepayClient} (its default transport, HMAC-SHA512 signing, dead-token replay and error mapping) against
 * Pact's mock server: one interaction per service, and one per main error (duplicate reference, not found, a dead
 * token replayed once, a missing mandatory field). Tokens come from a real {@link SnapSandbox} token endpoint, so the
 * mock answers only the calls under contract. The interactions are merged into the one pact the token and VA-creation
 * tests write; {@link SandboxProviderPactTest} verifies them against the sandbox, whose provider states create the
 * transactions the requests name.
 * <p>
 * Request bodies are exactly what the client sends: every field name exact (a request with an extra or a missing
 * member fails), values by type, amounts by {@code [0-9]{1,16}\.[0-9]{2}}, and {@code currency}, {@code merchantId},
 * {@code accountNo} and {@code serviceCode} exact. Answers: {@code responseCode} and transaction statuses exact, the
 * rest by type.
 */
@ExtendWith({FreshPactFolder.class, PactConsumerTestExt.class})
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class NicepayServicesConsumerPactTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> EXACT_REQUEST_VALUES = Set.of("currency", "merchantId", "accountNo",
            "serviceCode");
    private static final Set<String> EXACT_ANSWER_VALUES = Set.of("responseCode", "currency", "serviceCode",
            "latestTransactionStatus", "transactionStatus");

    /** Loopback and closed: the provider states pay in the sandbox, which then posts the notification here. */
    private static final String NOTIFY_URL = "http://127.0.0.1:9/notify";
    private static final String AMOUNT_10000 = "{\"value\":\"10000.00\",\"currency\":\"IDR\"}";
    private static final String AMOUNT_30000 = "{\"value\":\"30000.00\",\"currency\":\"IDR\"}";
    private static final String AMOUNT_12000 = "{\"value\":\"12000.00\",\"currency\":\"IDR\"}";
    private static final String AMOUNT_50000 = "{\"value\":\"50000.00\",\"currency\":\"IDR\"}";

    // ---------------------------------------------------------------- what the client sends (exactly)

    private static final String VA_CREATE_BODY = "{\"partnerServiceId\":\"\",\"customerNo\":\"\","
            + "\"virtualAccountNo\":\"\",\"virtualAccountName\":\"John Doe\",\"trxId\":\"" + VA_TRX_ID + "\","
            + "\"totalAmount\":" + AMOUNT_10000 + ",\"additionalInfo\":{\"bankCd\":\"BMRI\",\"goodsNm\":\"Jacket\","
            + "\"dbProcessUrl\":\"" + NOTIFY_URL + "\",\"vacctValidDt\":\"\",\"vacctValidTm\":\"\",\"msId\":\"\","
            + "\"msFee\":\"\",\"msFeeType\":\"\",\"mbFee\":\"\",\"mbFeeType\":\"\"}}";
    private static final String QRIS_GENERATE_BODY = "{\"partnerReferenceNo\":\"" + QRIS_REFERENCE + "\","
            + "\"storeId\":\"NICEPAY\",\"validityPeriod\":\"\",\"amount\":" + AMOUNT_30000 + ",\"additionalInfo\":"
            + "{\"goodsNm\":\"Coffee\",\"dbProcessUrl\":\"" + NOTIFY_URL + "\",\"mitraCd\":\"QSHP\"},"
            + "\"merchantId\":\"IONPAYTEST\"}";
    private static final String EWALLET_PAYMENT_BODY = "{\"partnerReferenceNo\":\"" + EWALLET_REFERENCE + "\","
            + "\"subMerchantId\":\"\",\"externalStoreId\":\"\",\"validUpTo\":\"\",\"pointOfInitiation\":"
            + "\"Mobile App\",\"amount\":" + AMOUNT_12000 + ",\"urlParam\":[{\"url\":\"" + NOTIFY_URL + "\","
            + "\"type\":\"PAY_NOTIFY\",\"isDeeplink\":\"N\"},{\"url\":\"https://merchant.example/return\","
            + "\"type\":\"PAY_RETURN\",\"isDeeplink\":\"N\"}],\"additionalInfo\":{\"mitraCd\":\"DANA\","
            + "\"goodsNm\":\"Tea\",\"billingNm\":\"Jane\",\"billingPhone\":\"08123456789\"},"
            + "\"merchantId\":\"IONPAYTEST\"}";
    private static final String PAYOUT_DECISION_BODY = "{\"originalPartnerReferenceNo\":\"" + PAYOUT_REFERENCE
            + "\",\"originalReferenceNo\":\"\",\"merchantId\":\"IONPAYTEST\"}";

    private static SnapSandbox tokenSource;
    private static SandboxClient partner;
    private AccessTokenService tokens;
    private NicepayClient nicepay;

    @BeforeAll
    static void startTheTokenSource() {
        tokenSource = SnapSandbox.start();
        partner = tokenSource.registerNewClient(CLIENT_KEY);
    }

    @AfterAll
    static void stopTheTokenSource() {
        tokenSource.close();
    }

    @AfterEach
    void closeTheClient() {
        if (nicepay != null) {
            nicepay.close();
        }
        if (tokens != null) {
            tokens.close();
        }
    }

    /** The client as a user builds it, on the mock server's URL; its tokens from the real token endpoint. */
    private NicepayClient nicepay(MockServer mockServer) {
        tokenSource.resetStats();
        tokens = FeignAccessTokens.builder().baseUrl(tokenSource.baseUrl()).clientKey(CLIENT_KEY)
                .signer(RsaSigner.create(partner.privateKey())).build();
        nicepay = NicepayClient.builder()
                .environment(ProviderProfile.nicepay(URI.create(mockServer.getUrl())))
                .clientKey(CLIENT_KEY)
                .clientSecret(partner.clientSecret())
                .accessTokens(tokens)
                .retryBackoff(Duration.ZERO)
                .build();
        return nicepay;
    }

    // ---------------------------------------------------------------- the interactions: one per service

    @Pact(consumer = CONSUMER)
    public V4Pact vaCreate(PactDslWithProvider builder) {
        return ok(builder.given(PARTNER_READY), "a typed request to create a virtual account", "POST", VA_PATH,
                VA_CREATE_BODY, "{\"responseCode\":\"2002700\",\"responseMessage\":\"Successful\","
                        + "\"virtualAccountData\":{\"partnerServiceId\":\"\",\"customerNo\":\"\","
                        + "\"virtualAccountNo\":\"8812345600000001\",\"virtualAccountName\":\"John Doe\","
                        + "\"trxId\":\"" + VA_TRX_ID + "\",\"totalAmount\":" + AMOUNT_10000 + ","
                        + "\"additionalInfo\":{\"bankCd\":\"BMRI\",\"tXidVA\":\"IONPAYTEST02202412311011400001\"}}}");
    }

    @Pact(consumer = CONSUMER)
    public V4Pact vaStatus(PactDslWithProvider builder) {
        return ok(builder.given(PARTNER_READY).given(VA_UNPAID), "a typed VA status request by trxId", "POST",
                VA_STATUS_PATH, vaStatusBody(VA_TRX_ID), "{\"responseCode\":\"2002600\","
                        + "\"responseMessage\":\"Successful\",\"latestTransactionStatus\":\"03\","
                        + "\"transactionStatusDesc\":\"Unpaid\",\"virtualAccountData\":{"
                        + "\"virtualAccountNo\":\"8812345600000001\",\"trxId\":\"" + VA_TRX_ID + "\","
                        + "\"totalAmount\":" + AMOUNT_10000 + ",\"latestTransactionStatus\":\"03\","
                        + "\"additionalInfo\":{\"tXidVA\":\"IONPAYTEST02202412311011400001\"}}}");
    }

    @Pact(consumer = CONSUMER)
    public V4Pact vaCancel(PactDslWithProvider builder) {
        return ok(builder.given(PARTNER_READY).given(VA_UNPAID), "a typed VA cancellation (DELETE with a body)",
                "DELETE", VA_DELETE_PATH, "{\"partnerServiceId\":\"\",\"customerNo\":\"\",\"virtualAccountNo\":\"\","
                        + "\"trxId\":\"" + VA_TRX_ID + "\"}",
                "{\"responseCode\":\"2003100\",\"responseMessage\":\"Successful\",\"virtualAccountData\":{"
                        + "\"virtualAccountNo\":\"8812345600000001\",\"trxId\":\"" + VA_TRX_ID + "\","
                        + "\"totalAmount\":" + AMOUNT_10000 + ","
                        + "\"additionalInfo\":{\"tXidVA\":\"IONPAYTEST02202412311011400001\"}}}");
    }

    @Pact(consumer = CONSUMER)
    public V4Pact qrisGenerate(PactDslWithProvider builder) {
        return ok(builder.given(PARTNER_READY), "a typed request to generate a QRIS code", "POST",
                QRIS_GENERATE_PATH, QRIS_GENERATE_BODY, "{\"responseCode\":\"2004700\",\"responseMessage\":"
                        + "\"Successful\",\"referenceNo\":\"IONPAYTEST08202412311011400001\",\"partnerReferenceNo\":\""
                        + QRIS_REFERENCE + "\",\"qrContent\":\"00020101021226480018ID.CO.QRIS\","
                        + "\"qrUrl\":\"https://nicepay.example/qr\",\"storeId\":\"NICEPAY\",\"amount\":" + AMOUNT_30000
                        + "}");
    }

    @Pact(consumer = CONSUMER)
    public V4Pact qrisStatus(PactDslWithProvider builder) {
        return ok(builder.given(PARTNER_READY).given(QRIS_PENDING), "a typed QRIS status request", "POST",
                QRIS_STATUS_PATH, "{\"externalStoreId\":\"\",\"originalReferenceNo\":\"\","
                        + "\"originalPartnerReferenceNo\":\"" + QRIS_REFERENCE + "\",\"serviceCode\":\"47\","
                        + "\"additionalInfo\":{},\"merchantId\":\"IONPAYTEST\"}",
                "{\"responseCode\":\"2005100\",\"responseMessage\":\"Successful\",\"originalReferenceNo\":"
                        + "\"IONPAYTEST08202412311011400001\",\"originalPartnerReferenceNo\":\"" + QRIS_REFERENCE
                        + "\",\"serviceCode\":\"47\",\"latestTransactionStatus\":\"03\",\"transactionStatusDesc\":"
                        + "\"Pending\",\"amount\":" + AMOUNT_30000 + "}");
    }

    @Pact(consumer = CONSUMER)
    public V4Pact qrisRefund(PactDslWithProvider builder) {
        return ok(builder.given(PARTNER_READY).given(QRIS_PAID), "a typed QRIS refund", "POST", QRIS_REFUND_PATH,
                "{\"externalStoreId\":\"\",\"originalReferenceNo\":\"\",\"originalPartnerReferenceNo\":\""
                        + QRIS_REFERENCE + "\",\"partnerRefundNo\":\"" + QRIS_REFUND_NO + "\",\"refundAmount\":"
                        + AMOUNT_30000 + ",\"reason\":\"return\",\"additionalInfo\":{\"cancelType\":\"1\"},"
                        + "\"merchantId\":\"IONPAYTEST\"}",
                "{\"responseCode\":\"2007800\",\"responseMessage\":\"Successful\",\"originalReferenceNo\":"
                        + "\"IONPAYTEST08202412311011400001\",\"originalPartnerReferenceNo\":\"" + QRIS_REFERENCE
                        + "\",\"referenceNo\":\"IONPAYTEST08202412311011400002\",\"partnerRefundNo\":\""
                        + QRIS_REFUND_NO + "\",\"refundAmount\":" + AMOUNT_30000 + ",\"merchantId\":\"IONPAYTEST\","
                        + "\"refundTime\":\"2024-12-31T10:11:40+07:00\"}");
    }

    @Pact(consumer = CONSUMER)
    public V4Pact ewalletPayment(PactDslWithProvider builder) {
        return ok(builder.given(PARTNER_READY), "a typed e-wallet payment (host to host)", "POST",
                EWALLET_PAYMENT_PATH, EWALLET_PAYMENT_BODY, "{\"responseCode\":\"2005400\",\"responseMessage\":"
                        + "\"Successful\",\"partnerReferenceNo\":\"" + EWALLET_REFERENCE + "\",\"referenceNo\":"
                        + "\"IONPAYTEST05202412311011400001\",\"webRedirectUrl\":\"https://nicepay.example/pay\"}");
    }

    @Pact(consumer = CONSUMER)
    public V4Pact ewalletStatus(PactDslWithProvider builder) {
        return ok(builder.given(PARTNER_READY).given(EWALLET_PENDING), "a typed e-wallet status request", "POST",
                EWALLET_STATUS_PATH, "{\"subMerchantId\":\"\",\"originalPartnerReferenceNo\":\"" + EWALLET_REFERENCE
                        + "\",\"originalReferenceNo\":\"\",\"serviceCode\":\"54\",\"transactionDate\":\"\","
                        + "\"additionalInfo\":{},\"merchantId\":\"IONPAYTEST\"}",
                "{\"responseCode\":\"2005500\",\"responseMessage\":\"Successful\",\"originalPartnerReferenceNo\":\""
                        + EWALLET_REFERENCE + "\",\"originalReferenceNo\":\"IONPAYTEST05202412311011400001\","
                        + "\"serviceCode\":\"54\",\"latestTransactionStatus\":\"03\",\"transactionStatusDesc\":"
                        + "\"Pending\",\"amount\":" + AMOUNT_12000 + "}");
    }

    @Pact(consumer = CONSUMER)
    public V4Pact ewalletRefund(PactDslWithProvider builder) {
        return ok(builder.given(PARTNER_READY).given(EWALLET_PAID), "a typed e-wallet refund", "POST",
                EWALLET_REFUND_PATH, "{\"subMerchantId\":\"\",\"originalPartnerReferenceNo\":\"" + EWALLET_REFERENCE
                        + "\",\"originalReferenceNo\":\"\",\"partnerRefundNo\":\"" + EWALLET_REFUND_NO + "\","
                        + "\"externalStoreId\":\"\",\"refundAmount\":" + AMOUNT_12000 + ",\"reason\":\"\","
                        + "\"merchantId\":\"IONPAYTEST\"}",
                "{\"responseCode\":\"2005800\",\"responseMessage\":\"Successful\",\"originalPartnerReferenceNo\":\""
                        + EWALLET_REFERENCE + "\",\"originalReferenceNo\":\"IONPAYTEST05202412311011400001\","
                        + "\"refundNo\":\"IONPAYTEST05202412311011400002\",\"partnerRefundNo\":\"" + EWALLET_REFUND_NO
                        + "\",\"refundAmount\":" + AMOUNT_12000 + ",\"refundTime\":\"2024-12-31T10:11:40+07:00\"}");
    }

    @Pact(consumer = CONSUMER)
    public V4Pact payoutRegistration(PactDslWithProvider builder) {
        return ok(builder.given(PARTNER_READY), "a typed payout registration", "POST", PAYOUT_REGISTRATION_PATH,
                "{\"msId\":\"\",\"partnerReferenceNo\":\"" + PAYOUT_REFERENCE + "\",\"beneficiaryAccountNo\":"
                        + "\"5345000060\",\"beneficiaryName\":\"John Doe\",\"beneficiaryBankCode\":\"BDIN\","
                        + "\"beneficiaryPhone\":\"08123456789\",\"beneficiaryCustomerResidence\":\"\","
                        + "\"beneficiaryCustomerType\":\"\",\"beneficiaryPostalCode\":\"\",\"beneficiaryPOE\":\"\","
                        + "\"beneficiaryDOE\":\"\",\"beneficiaryCoNo\":\"\",\"beneficiaryAddress\":\"\","
                        + "\"beneficiaryAuthPhoneNumber\":\"\",\"beneficiaryMerCategory\":\"\","
                        + "\"beneficiaryCoMgmtName\":\"\",\"beneficiaryCoShName\":\"\",\"payoutMethod\":\"0\","
                        + "\"reservedDt\":\"\",\"reservedTm\":\"\",\"deliveryId\":\"\",\"deliveryNm\":\"\","
                        + "\"amount\":" + AMOUNT_50000 + ",\"merchantId\":\"IONPAYTEST\"}",
                "{\"responseCode\":\"2000000\",\"responseMessage\":\"Successful\",\"originalReferenceNo\":"
                        + "\"IONPAYTEST07202412311011400001\",\"partnerReferenceNo\":\"" + PAYOUT_REFERENCE + "\","
                        + "\"beneficiaryAccountNo\":\"5345000060\",\"beneficiaryName\":\"John Doe\","
                        + "\"beneficiaryBankCode\":\"BDIN\",\"amount\":" + AMOUNT_50000 + ","
                        + "\"transactionStatus\":\"03\"}");
    }

    @Pact(consumer = CONSUMER)
    public V4Pact payoutApprove(PactDslWithProvider builder) {
        return payoutDecision(builder, "a typed payout approval", PAYOUT_APPROVE_PATH, "00");
    }

    @Pact(consumer = CONSUMER)
    public V4Pact payoutInquiry(PactDslWithProvider builder) {
        return ok(builder.given(PARTNER_READY).given(PAYOUT_PENDING), "a typed payout inquiry", "POST",
                PAYOUT_INQUIRY_PATH, "{\"originalPartnerReferenceNo\":\"" + PAYOUT_REFERENCE + "\","
                        + "\"originalReferenceNo\":\"\",\"beneficiaryAccountNo\":\"\",\"merchantId\":\"IONPAYTEST\"}",
                payoutAnswer("03"));
    }

    @Pact(consumer = CONSUMER)
    public V4Pact payoutCancel(PactDslWithProvider builder) {
        return payoutDecision(builder, "a typed payout cancellation", PAYOUT_CANCEL_PATH, "04");
    }

    @Pact(consumer = CONSUMER)
    public V4Pact payoutReject(PactDslWithProvider builder) {
        return payoutDecision(builder, "a typed payout rejection", PAYOUT_REJECT_PATH, "05");
    }

    @Pact(consumer = CONSUMER)
    public V4Pact balanceInquiry(PactDslWithProvider builder) {
        return ok(builder.given(PARTNER_READY), "a typed balance inquiry", "POST", BALANCE_PATH,
                "{\"additionalInfo\":{\"msId\":\"\"},\"accountNo\":\"IONPAYTEST\"}",
                "{\"responseCode\":\"2001100\",\"responseMessage\":\"Successful\",\"accountNo\":\"IONPAYTEST\","
                        + "\"accountInfos\":[{\"balanceType\":\"Cash\",\"availableBalance\":"
                        + "{\"value\":\"100000000.00\",\"currency\":\"IDR\"}}]}");
    }

    // ---------------------------------------------------------------- the interactions: main errors

    @Pact(consumer = CONSUMER)
    public V4Pact vaCreateDuplicate(PactDslWithProvider builder) {
        return error(builder.given(PARTNER_READY).given(VA_UNPAID),
                "a typed request to create a virtual account whose trxId is already used", "POST", VA_PATH,
                VA_CREATE_BODY, 409, "4092701", ".*trxId.*", "Duplicate trxId");
    }

    @Pact(consumer = CONSUMER)
    public V4Pact vaStatusNotFound(PactDslWithProvider builder) {
        return error(builder.given(PARTNER_READY).given(VA_UNKNOWN), "a typed VA status request for an unknown trxId",
                "POST", VA_STATUS_PATH, vaStatusBody(UNKNOWN_TRX_ID), 404, "4042601", ".+",
                "Transaction Not Found");
    }

    @Pact(consumer = CONSUMER)
    public V4Pact qrisGenerateWithADeadToken(PactDslWithProvider builder) {
        return error(builder.given(PARTNER_READY).given(TOKEN_REVOKED),
                "a typed QRIS generation with an access token the provider no longer accepts", "POST",
                QRIS_GENERATE_PATH, QRIS_GENERATE_BODY, 401, "4017301", ".+", "Access Token Invalid");
    }

    @Pact(consumer = CONSUMER)
    public V4Pact ewalletPaymentMissingAField(PactDslWithProvider builder) {
        return error(builder.given(PARTNER_READY).given(EWALLET_MISSES_A_FIELD),
                "a typed e-wallet payment the provider finds a mandatory field missing in", "POST",
                EWALLET_PAYMENT_PATH, EWALLET_PAYMENT_BODY, 400, "4005402", ".*\\[validUpTo\\].*",
                "Invalid Mandatory Field [validUpTo]");
    }

    // ---------------------------------------------------------------- building the interactions

    private static String vaStatusBody(String trxId) {
        return "{\"partnerServiceId\":\"\",\"customerNo\":\"\",\"virtualAccountNo\":\"\",\"inquiryRequestId\":\"\","
                + "\"additionalInfo\":{\"trxId\":\"" + trxId + "\"}}";
    }

    private static String payoutAnswer(String status) {
        return "{\"responseCode\":\"2000000\",\"responseMessage\":\"Successful\",\"originalReferenceNo\":"
                + "\"IONPAYTEST07202412311011400001\",\"originalPartnerReferenceNo\":\"" + PAYOUT_REFERENCE + "\","
                + "\"beneficiaryAccountNo\":\"5345000060\",\"amount\":" + AMOUNT_50000 + ","
                + "\"transactionStatus\":\"" + status + "\",\"transactionStatusDesc\":\"Pending Approval\"}";
    }

    private static V4Pact payoutDecision(PactDslWithProvider builder, String description, String path,
                                         String status) {
        return ok(builder.given(PARTNER_READY).given(PAYOUT_PENDING), description, "POST", path,
                PAYOUT_DECISION_BODY, payoutAnswer(status));
    }

    private static au.com.dius.pact.consumer.dsl.PactDslRequestWithPath request(PactDslWithState given,
            String description, String method, String path, String body) {
        return given.uponReceiving(description)
                .method(method)
                .path(path)
                .matchHeader("Content-Type", JSON_CONTENT_TYPE_REGEX, "application/json")
                .matchHeader("Authorization", BEARER_REGEX, EXAMPLE_BEARER)
                .matchHeader("X-TIMESTAMP", TIMESTAMP_REGEX, EXAMPLE_TIMESTAMP)
                .matchHeader("X-SIGNATURE", HMAC_SHA512_BASE64_REGEX, EXAMPLE_HMAC_SIGNATURE)
                .matchHeader("X-PARTNER-ID", CLIENT_KEY, CLIENT_KEY)
                .matchHeader("X-EXTERNAL-ID", EXTERNAL_ID_REGEX, EXAMPLE_EXTERNAL_ID)
                .matchHeader("CHANNEL-ID", CLIENT_KEY + "01", CLIENT_KEY + "01")
                .body(body(body, EXACT_REQUEST_VALUES));
    }

    private static V4Pact ok(PactDslWithState given, String description, String method, String path,
                             String requestBody, String answer) {
        return request(given, description, method, path, requestBody)
                .willRespondWith()
                .status(200)
                .matchHeader("Content-Type", JSON_CONTENT_TYPE_REGEX, "application/json")
                .body(body(answer, EXACT_ANSWER_VALUES))
                .toPact(V4Pact.class);
    }

    private static V4Pact error(PactDslWithState given, String description, String method, String path,
                                String requestBody, int status, String responseCode, String messageRegex,
                                String message) {
        return request(given, description, method, path, requestBody)
                .willRespondWith()
                .status(status)
                .matchHeader("Content-Type", JSON_CONTENT_TYPE_REGEX, "application/json")
                .body(new PactDslJsonBody().stringValue("responseCode", responseCode)
                        .stringMatcher("responseMessage", messageRegex, message))
                .toPact(V4Pact.class);
    }

    /**
     * A Pact body from an example: every member name as given, nested objects and arrays as given, string values
     * matched by type, except amounts ({@code value}, by the amount pattern) and the names in {@code exact}.
     */
    static PactDslJsonBody body(String example, Set<String> exact) {
        try {
            PactDslJsonBody body = new PactDslJsonBody();
            fill(body, JSON.readTree(example), exact);
            return body;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fill(PactDslJsonBody target, JsonNode object, Set<String> exact) {
        for (Map.Entry<String, JsonNode> member : (Iterable<Map.Entry<String, JsonNode>>) object::fields) {
            String name = member.getKey();
            JsonNode value = member.getValue();
            if (value.isObject()) {
                PactDslJsonBody child = target.object(name);
                fill(child, value, exact);
                child.closeObject();
            } else if (value.isArray()) {
                PactDslJsonArray array = target.array(name);
                for (JsonNode item : value) {
                    PactDslJsonBody element = array.object();
                    fill(element, item, exact);
                    element.closeObject();
                }
                array.closeArray();
            } else if (name.equals("value")) {
                target.stringMatcher(name, AMOUNT_REGEX, value.asText());
            } else if (exact.contains(name)) {
                target.stringValue(name, value.asText());
            } else {
                target.stringType(name, value.asText());
            }
        }
    }

    // ---------------------------------------------------------------- what the user sees

    static CreateVaRequest vaOrder() {
        return CreateVaRequest.builder().virtualAccountName("John Doe").trxId(VA_TRX_ID)
                .totalAmount(Amount.idr(10_000))
                .additionalInfo(CreateVaRequest.AdditionalInfo.builder().bankCd("BMRI").goodsNm("Jacket")
                        .dbProcessUrl(NOTIFY_URL).build())
                .build();
    }

    static QrisGenerateRequest qrOrder() {
        return QrisGenerateRequest.builder().partnerReferenceNo(QRIS_REFERENCE).amount(Amount.idr(30_000))
                .storeId("NICEPAY")
                .additionalInfo(QrisGenerateRequest.AdditionalInfo.builder().goodsNm("Coffee")
                        .dbProcessUrl(NOTIFY_URL).build())
                .build();
    }

    static EwalletPaymentRequest walletOrder() {
        return EwalletPaymentRequest.builder().partnerReferenceNo(EWALLET_REFERENCE).amount(Amount.idr(12_000))
                .urlParam(List.of(UrlParam.builder().url(NOTIFY_URL).type("PAY_NOTIFY").build(),
                        UrlParam.builder().url("https://merchant.example/return").type("PAY_RETURN").build()))
                .additionalInfo(EwalletPaymentRequest.AdditionalInfo.builder().mitraCd("DANA").goodsNm("Tea")
                        .billingNm("Jane").billingPhone("08123456789").build())
                .build();
    }

    static PayoutRequest payoutDecision() {
        return PayoutRequest.builder().originalPartnerReferenceNo(PAYOUT_REFERENCE).build();
    }

    static PayoutRegistrationRequest payoutOrder() {
        return PayoutRegistrationRequest.builder()
                .partnerReferenceNo(PAYOUT_REFERENCE).beneficiaryAccountNo("5345000060")
                .beneficiaryName("John Doe").beneficiaryBankCode("BDIN").beneficiaryPhone("08123456789")
                .amount(Amount.idr(50_000)).build();
    }

    @Test
    @PactTestFor(pactMethod = "vaCreate")
    void a_virtual_account_is_created(MockServer mockServer) {
        CreateVaResponse created = nicepay(mockServer).virtualAccounts().create(vaOrder());

        assertThat(created.responseCode()).isEqualTo("2002700");
        assertThat(created.virtualAccountData().trxId()).isEqualTo(VA_TRX_ID);
        assertThat(created.virtualAccountData().virtualAccountNo()).isEqualTo("8812345600000001");
        assertThat(created.virtualAccountData().totalAmount()).isEqualTo(Amount.idr(10_000));
        assertThat(created.virtualAccountData().tXidVA()).isEqualTo("IONPAYTEST02202412311011400001");
    }

    @Test
    @PactTestFor(pactMethod = "vaStatus")
    void a_virtual_account_status_is_typed(MockServer mockServer) {
        VaStatusResponse status = nicepay(mockServer).virtualAccounts().statusOf(VA_TRX_ID);

        assertThat(status.status()).isEqualTo(VirtualAccountStatus.UNPAID);
        assertThat(status.virtualAccountData().totalAmount()).isEqualTo(Amount.idr(10_000));
    }

    @Test
    @PactTestFor(pactMethod = "vaCancel")
    void a_virtual_account_is_cancelled(MockServer mockServer) {
        CancelVaResponse cancelled = nicepay(mockServer).virtualAccounts()
                .cancel(CancelVaRequest.builder().trxId(VA_TRX_ID).build());

        assertThat(cancelled.responseCode()).isEqualTo("2003100");
        assertThat(cancelled.virtualAccountData().trxId()).isEqualTo(VA_TRX_ID);
    }

    @Test
    @PactTestFor(pactMethod = "qrisGenerate")
    void a_qris_code_is_generated(MockServer mockServer) {
        QrisGenerateResponse generated = nicepay(mockServer).qris().generate(qrOrder());

        assertThat(generated.responseCode()).isEqualTo("2004700");
        assertThat(generated.partnerReferenceNo()).isEqualTo(QRIS_REFERENCE);
        assertThat(generated.referenceNo()).isEqualTo("IONPAYTEST08202412311011400001");
        assertThat(generated.qrContent()).isEqualTo("00020101021226480018ID.CO.QRIS");
    }

    @Test
    @PactTestFor(pactMethod = "qrisStatus")
    void a_qris_status_is_typed(MockServer mockServer) {
        QrisStatusResponse status = nicepay(mockServer).qris().statusOf(QRIS_REFERENCE);

        assertThat(status.status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(status.amount()).isEqualTo(Amount.idr(30_000));
    }

    @Test
    @PactTestFor(pactMethod = "qrisRefund")
    void a_qris_payment_is_refunded(MockServer mockServer) {
        QrisRefundResponse refunded = nicepay(mockServer).qris().refund(QrisRefundRequest.builder()
                .originalPartnerReferenceNo(QRIS_REFERENCE).partnerRefundNo(QRIS_REFUND_NO)
                .refundAmount(Amount.idr(30_000)).reason("return")
                .additionalInfo(QrisRefundRequest.AdditionalInfo.builder().cancelType("1").build()).build());

        assertThat(refunded.responseCode()).isEqualTo("2007800");
        assertThat(refunded.refundAmount()).isEqualTo(Amount.idr(30_000));
        assertThat(refunded.partnerRefundNo()).isEqualTo(QRIS_REFUND_NO);
    }

    @Test
    @PactTestFor(pactMethod = "ewalletPayment")
    void an_e_wallet_payment_starts(MockServer mockServer) {
        EwalletPaymentResponse started = nicepay(mockServer).ewallets().pay(walletOrder());

        assertThat(started.responseCode()).isEqualTo("2005400");
        assertThat(started.partnerReferenceNo()).isEqualTo(EWALLET_REFERENCE);
        assertThat(started.webRedirectUrl()).isEqualTo("https://nicepay.example/pay");
    }

    @Test
    @PactTestFor(pactMethod = "ewalletStatus")
    void an_e_wallet_status_is_typed(MockServer mockServer) {
        EwalletStatusResponse status = nicepay(mockServer).ewallets().statusOf(EWALLET_REFERENCE);

        assertThat(status.status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(status.amount()).isEqualTo(Amount.idr(12_000));
    }

    @Test
    @PactTestFor(pactMethod = "ewalletRefund")
    void an_e_wallet_payment_is_refunded(MockServer mockServer) {
        EwalletRefundResponse refunded = nicepay(mockServer).ewallets().refund(EwalletRefundRequest.builder()
                .originalPartnerReferenceNo(EWALLET_REFERENCE).partnerRefundNo(EWALLET_REFUND_NO)
                .refundAmount(Amount.idr(12_000)).build());

        assertThat(refunded.responseCode()).isEqualTo("2005800");
        assertThat(refunded.refundAmount()).isEqualTo(Amount.idr(12_000));
    }

    @Test
    @PactTestFor(pactMethod = "payoutRegistration")
    void a_payout_is_registered(MockServer mockServer) {
        PayoutResponse registered = nicepay(mockServer).payouts().register(payoutOrder());

        assertThat(registered.businessReference()).isEqualTo(PAYOUT_REFERENCE);
        assertThat(registered.status()).isEqualTo(PayoutStatus.PENDING_APPROVAL);
        assertThat(registered.amount()).isEqualTo(Amount.idr(50_000));
    }

    @Test
    @PactTestFor(pactMethod = "payoutApprove")
    void a_payout_is_approved(MockServer mockServer) {
        assertThat(nicepay(mockServer).payouts().approve(payoutDecision()).status()).isEqualTo(PayoutStatus.SUCCESS);
    }

    @Test
    @PactTestFor(pactMethod = "payoutInquiry")
    void a_payout_status_is_typed(MockServer mockServer) {
        PayoutResponse status = nicepay(mockServer).payouts().statusOf(PAYOUT_REFERENCE);

        assertThat(status.status()).isEqualTo(PayoutStatus.PENDING_APPROVAL);
        assertThat(status.businessReference()).isEqualTo(PAYOUT_REFERENCE);
    }

    @Test
    @PactTestFor(pactMethod = "payoutCancel")
    void a_payout_is_cancelled(MockServer mockServer) {
        assertThat(nicepay(mockServer).payouts().cancel(payoutDecision()).status())
                .isEqualTo(PayoutStatus.CANCELLED);
    }

    @Test
    @PactTestFor(pactMethod = "payoutReject")
    void a_payout_is_rejected(MockServer mockServer) {
        assertThat(nicepay(mockServer).payouts().reject(payoutDecision()).status()).isEqualTo(PayoutStatus.REJECTED);
    }

    @Test
    @PactTestFor(pactMethod = "balanceInquiry")
    void the_balance_is_typed(MockServer mockServer) {
        BalanceInquiryResponse balance = nicepay(mockServer).balances().inquiry();

        assertThat(balance.responseCode()).isEqualTo("2001100");
        assertThat(balance.availableBalance().orElseThrow().value())
                .isEqualByComparingTo(new BigDecimal("100000000.00"));
    }

    @Test
    @PactTestFor(pactMethod = "vaCreateDuplicate")
    void a_duplicate_trx_id_is_its_own_error_carrying_the_reference(MockServer mockServer) {
        Throwable thrown = catchThrowable(() -> nicepay(mockServer).virtualAccounts().create(vaOrder()));

        assertThat(thrown).isInstanceOfSatisfying(SnapDuplicateReferenceException.class, e -> {
            assertThat(e.businessReference()).contains(VA_TRX_ID);
            assertThat(e.responseCode()).hasValueSatisfying(c -> assertThat(c.value()).isEqualTo("4092701"));
        });
    }

    @Test
    @PactTestFor(pactMethod = "vaStatusNotFound")
    void an_unknown_transaction_is_a_rejection_not_found(MockServer mockServer) {
        Throwable thrown = catchThrowable(() -> nicepay(mockServer).virtualAccounts().statusOf(UNKNOWN_TRX_ID));

        assertThat(thrown).isExactlyInstanceOf(SnapRejectedException.class)
                .hasMessageContaining("4042601").hasMessageContaining("not found");
    }

    @Test
    @PactTestFor(pactMethod = "qrisGenerateWithADeadToken")
    void a_dead_token_is_replaced_and_the_call_replayed_once(MockServer mockServer) {
        Throwable thrown = catchThrowable(() -> nicepay(mockServer).qris().generate(qrOrder()));

        assertThat(thrown).isInstanceOfSatisfying(SnapAuthenticationException.class, e -> {
            assertThat(e.isTokenInvalid()).isTrue();
            assertThat(e.responseCode()).hasValueSatisfying(c -> assertThat(c.value()).isEqualTo("4017301"));
        });
        assertThat(tokenSource.stats().tokenRequests()).as("the first token, and one replacement").isEqualTo(2);
    }

    @Test
    @PactTestFor(pactMethod = "ewalletPaymentMissingAField")
    void a_missing_field_is_a_bad_request_naming_it(MockServer mockServer) {
        Throwable thrown = catchThrowable(() -> nicepay(mockServer).ewallets().pay(walletOrder()));

        assertThat(thrown).isInstanceOfSatisfying(SnapBadRequestException.class, e -> {
            assertThat(e.responseCode()).hasValueSatisfying(c -> assertThat(c.value()).isEqualTo("4005402"));
            assertThat(e.serverMessage()).hasValue("Invalid Mandatory Field [validUpTo]");
        });
        assertThat(tokenSource.stats().tokenRequests()).as("a refusal is not retried").isEqualTo(1);
    }
}
