package dev.snapbi.contract.pact;

/**
 * The vocabulary shared by the consumer side (which writes the pact) and the provider side (which verifies the
 * sandbox against it): the participants, the provider states and the shapes headers are matched by.
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

    private NicepaySnapPact() {
    }
}
