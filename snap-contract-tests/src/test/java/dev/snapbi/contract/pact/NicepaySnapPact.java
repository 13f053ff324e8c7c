package dev.snapbi.contract.pact;

/**
 * The vocabulary of the one contract between {@code snapbi-java} and {@code nicepay-snap}, shared by the consumer
 * side ({@link NicepaySnapConsumerPactTest} for the token endpoint, {@link VaCreateConsumerPactTest} for VA creation,
 * {@link NicepayServicesConsumerPactTest} for the typed services; all write into the same pact file) and the provider side ({@link SandboxProviderPactTest}, which verifies the
 * sandbox against every interaction): the participants, the paths, the provider states and the shapes headers are
 * matched by.
 */
final class NicepaySnapPact {

    /** The consumer: this library. */
    static final String CONSUMER = "snapbi-java";
    /** The provider: NICEPAY's SNAP API (in verification: the project's sandbox, which stands in for it). */
    static final String PROVIDER = "nicepay-snap";
    /** NICEPAY's sandbox merchant id, the client key in every interaction. */
    static final String CLIENT_KEY = "IONPAYTEST";
    /** The token path. */
    static final String TOKEN_PATH = "/nicepay/v1.0/access-token/b2b";
    /** The VA creation path (SNAP service 27, a transactional call with the symmetric signature). */
    static final String VA_PATH = "/nicepay/api/v1.0/transfer-va/create-va";

    /** Provider state: the client can get tokens. */
    static final String CLIENT_REGISTERED = "client IONPAYTEST is registered with its public key";
    /** Provider state: the client exists but its registered public key does not verify the request's signature. */
    static final String CLIENT_REGISTERED_WITH_ANOTHER_KEY =
            "client IONPAYTEST is registered with a public key that does not verify the request's signature";
    /** Provider state: the client is not known at all. */
    static final String CLIENT_NOT_REGISTERED = "client IONPAYTEST is not registered";
    /** Provider state: the provider finds a field in the wrong format. */
    static final String REFUSES_A_FIELD_FORMAT = "the provider refuses the format of X-TIMESTAMP with 4007301";
    /** Provider state: the provider misses a mandatory field. */
    static final String MISSES_A_MANDATORY_FIELD = "the provider misses a mandatory field and answers 4007302";
    /** Provider state: the provider fails. */
    static final String FAILS_WITH_GENERAL_ERROR = "the provider fails with 5007300";
    /** Provider state: the provider's own back end times out. */
    static final String TIMES_OUT = "the provider times out with 5047300";

    /** Provider state (VA): the partner is registered with its client secret and holds a live token. */
    static final String PARTNER_READY = "partner IONPAYTEST is registered with its client secret and holds a live"
            + " access token";
    /** Provider state (VA): the token the partner sends is no longer valid. */
    static final String TOKEN_REVOKED = "the access token partner IONPAYTEST sends has been revoked";
    /** Provider state (VA): the provider holds another client secret for the partner. */
    static final String ANOTHER_SECRET = "partner IONPAYTEST is registered with another client secret";
    /** Provider state (VA): the request's X-EXTERNAL-ID was already used today. */
    static final String EXTERNAL_ID_USED = "partner IONPAYTEST already used the request's X-EXTERNAL-ID today";

    /** The typed services' paths (SNAP-SPEC section 8), under {@code /nicepay/api/v1.0}. */
    static final String SERVICES_PREFIX = "/nicepay/api/v1.0/";
    static final String VA_STATUS_PATH = SERVICES_PREFIX + "transfer-va/status";
    static final String VA_DELETE_PATH = SERVICES_PREFIX + "transfer-va/delete-va";
    static final String QRIS_GENERATE_PATH = SERVICES_PREFIX + "qr/qr-mpm-generate";
    static final String QRIS_STATUS_PATH = SERVICES_PREFIX + "qr/qr-mpm-query";
    static final String QRIS_REFUND_PATH = SERVICES_PREFIX + "qr/qr-mpm-refund";
    static final String EWALLET_PAYMENT_PATH = SERVICES_PREFIX + "debit/payment-host-to-host";
    static final String EWALLET_STATUS_PATH = SERVICES_PREFIX + "debit/status";
    static final String EWALLET_REFUND_PATH = SERVICES_PREFIX + "debit/refund";
    static final String PAYOUT_REGISTRATION_PATH = SERVICES_PREFIX + "transfer/registration";
    static final String PAYOUT_APPROVE_PATH = SERVICES_PREFIX + "transfer/approve";
    static final String PAYOUT_INQUIRY_PATH = SERVICES_PREFIX + "transfer/inquiry";
    static final String PAYOUT_CANCEL_PATH = SERVICES_PREFIX + "transfer/cancel";
    static final String PAYOUT_REJECT_PATH = SERVICES_PREFIX + "transfer/reject";
    static final String BALANCE_PATH = SERVICES_PREFIX + "balance-inquiry";

    /** The business references the typed-service interactions use; the provider states create them. */
    static final String VA_TRX_ID = "TRX-VA-0001";
    static final String UNKNOWN_TRX_ID = "TRX-VA-0404";
    static final String QRIS_REFERENCE = "QR-0001";
    static final String QRIS_REFUND_NO = "RF-QR-0001";
    static final String EWALLET_REFERENCE = "EW-0001";
    static final String EWALLET_REFUND_NO = "RF-EW-0001";
    static final String PAYOUT_REFERENCE = "PO-0001";

    /** Provider state (typed services): an unpaid virtual account with trxId {@link #VA_TRX_ID} exists. */
    static final String VA_UNPAID = "partner IONPAYTEST has an unpaid virtual account with trxId " + VA_TRX_ID;
    /** Provider state: no transaction has trxId {@link #UNKNOWN_TRX_ID}. */
    static final String VA_UNKNOWN = "partner IONPAYTEST has no virtual account with trxId " + UNKNOWN_TRX_ID;
    /** Provider state: a pending QRIS payment {@link #QRIS_REFERENCE}. */
    static final String QRIS_PENDING = "partner IONPAYTEST has a pending QRIS payment " + QRIS_REFERENCE;
    /** Provider state: a paid QRIS payment {@link #QRIS_REFERENCE}. */
    static final String QRIS_PAID = "partner IONPAYTEST has a paid QRIS payment " + QRIS_REFERENCE;
    /** Provider state: a pending e-wallet payment {@link #EWALLET_REFERENCE}. */
    static final String EWALLET_PENDING = "partner IONPAYTEST has a pending e-wallet payment " + EWALLET_REFERENCE;
    /** Provider state: a paid e-wallet payment {@link #EWALLET_REFERENCE}. */
    static final String EWALLET_PAID = "partner IONPAYTEST has a paid e-wallet payment " + EWALLET_REFERENCE;
    /** Provider state: a payout {@link #PAYOUT_REFERENCE} waiting for approval. */
    static final String PAYOUT_PENDING = "partner IONPAYTEST has a payout " + PAYOUT_REFERENCE
            + " waiting for approval";
    /** Provider state: the provider misses a mandatory field of an e-wallet payment (injected: the client sends all). */
    static final String EWALLET_MISSES_A_FIELD =
            "the provider misses a mandatory field of an e-wallet payment and answers 4005402";

    /** {@code X-TIMESTAMP}: second precision, Jakarta's offset, as NICEPAY wants it. */
    static final String TIMESTAMP_REGEX =
            "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\+07:00";
    /** {@code X-CLIENT-KEY}: 1 to 128 visible ASCII characters other than {@code |}. */
    static final String CLIENT_KEY_REGEX = "[\\x21-\\x7B\\x7D\\x7E]{1,128}";
    /** {@code X-SIGNATURE}: standard, padded Base64. */
    static final String BASE64_REGEX =
            "[A-Za-z0-9+/]{4}(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?";
    /** {@code Content-Type} of JSON, with or without parameters. */
    static final String JSON_CONTENT_TYPE_REGEX = "application/json(;.*)?";
    /** {@code X-SIGNATURE} of a transactional call, HMAC-SHA512: 64 bytes in standard padded Base64. */
    static final String HMAC_SHA512_BASE64_REGEX = "[A-Za-z0-9+/]{86}==";
    /** {@code Authorization}: a bearer token. */
    static final String BEARER_REGEX = "Bearer [\\x21-\\x7E]+";
    /** {@code X-EXTERNAL-ID}: a numeric string of up to 36 digits, as NICEPAY documents it. */
    static final String EXTERNAL_ID_REGEX = "[0-9]{1,36}";
    /** An amount with two decimals. */
    static final String AMOUNT_REGEX = "[0-9]{1,16}\\.[0-9]{2}";

    /** An example timestamp (NICEPAY's documentation sample). */
    static final String EXAMPLE_TIMESTAMP = "2024-12-31T10:11:40+07:00";
    /**
     * An example signature: a real RSA 2048 / SHA-256 signature of {@code IONPAYTEST|2024-12-31T10:11:40+07:00} by a
     * throw-away key. Fixed, so the pact file does not change from run to run; verification signs anew anyway.
     */
    static final String EXAMPLE_SIGNATURE = "FTrM4uMYxkPE0Bc1Uuh1gURqn1ccmQTF0OmLKszE/UMFIkJK+nHrGL8WQu9MVanWS1r4"
            + "ZO5QpAAXposbmQywVgLX/tBIrK3ANUNvl85TzXGvHQC/Zizcq8pE6mIf00hQnFvmzZJslVvSgGYi4gYj4srXHR7yMNVjHtluPlBuLWxX"
            + "ujGQzzf7cUxN/GfgcmuHhV35GHQ1W8AdkEoRMT9Sh8XLP+jUsIRzA22jp4LyK3XLk/ObNkyBY5VwWFBtKrAOps5ymmkCldGPVYUjxBG4"
            + "vNy4F1AFW+isDyQnr7qMSHVx/dpRZ+i/vSKVk6EFM1iKwd9lAkNfgvmREirr+LvnGA==";
    /** An example access token; its value varies, so the pact matches it by type only. */
    static final String EXAMPLE_ACCESS_TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJJT05QQVlURVNUIn0.c2lnbmF0dXJl";
    /** An example {@code Authorization} of a VA request, carrying {@link #EXAMPLE_ACCESS_TOKEN}. */
    static final String EXAMPLE_BEARER = "Bearer " + EXAMPLE_ACCESS_TOKEN;
    /** An example HMAC-SHA512 signature (fixed, so the pact file does not change; verification signs anew). */
    static final String EXAMPLE_HMAC_SIGNATURE = "nxrHsl67ds1jyo4CB44Sul9zewn6ei/rYSHa+hM90DCCmiyAr5UQ6kNPLLAVTdVs1VE"
            + "hrSWfljMZu5qDniuMAg==";
    /** An example {@code X-EXTERNAL-ID}. */
    static final String EXAMPLE_EXTERNAL_ID = "20241231101140123000742918305561";

    private NicepaySnapPact() {
    }
}
