package dev.snapbi.contract.va;

/**
 * The vocabulary of the VA-creation contract, shared by the consumer side ({@link VaCreatePactTest}, which writes the
 * pact) and the provider side ({@link VaCreatePactProviderTest}, which verifies the sandbox against it).
 * <p>
 * The participants are the project's ({@code snapbi-java} / {@code nicepay-snap}); the pact goes to its own folder,
 * {@value #PACT_FOLDER}, because the token contract's file in {@code target/pacts} is overwritten by the class that
 * writes it ({@code pact.writer.overwrite=true}) and its provider test re-signs every request as a token request.
 */
final class VaCreatePact {

    /** The consumer: this library. */
    static final String CONSUMER = "snapbi-java";
    /** The provider: NICEPAY's SNAP API (in verification: the sandbox). */
    static final String PROVIDER = "nicepay-snap";
    /** Where the VA pact is written and read, relative to the module. */
    static final String PACT_FOLDER = "target/pacts-va";
    /** NICEPAY's sandbox merchant id: the partner id of every interaction. */
    static final String CLIENT_KEY = "IONPAYTEST";
    /** The VA creation path. */
    static final String PATH = "/nicepay/api/v1.0/transfer-va/create-va";

    /** Provider state: the partner is registered with its client secret and holds a live token. */
    static final String PARTNER_READY = "partner IONPAYTEST is registered with its client secret and holds a live"
            + " access token";
    /** Provider state: the token the partner sends is no longer valid. */
    static final String TOKEN_REVOKED = "the access token partner IONPAYTEST sends has been revoked";
    /** Provider state: the provider holds another client secret for the partner. */
    static final String ANOTHER_SECRET = "partner IONPAYTEST is registered with another client secret";
    /** Provider state: the request's X-EXTERNAL-ID was already used today. */
    static final String EXTERNAL_ID_USED = "partner IONPAYTEST already used the request's X-EXTERNAL-ID today";

    /** {@code X-TIMESTAMP}: second precision, Jakarta's offset. */
    static final String TIMESTAMP_REGEX = "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\+07:00";
    /** {@code X-SIGNATURE} of HMAC-SHA512: 64 bytes in standard padded Base64. */
    static final String HMAC_SHA512_BASE64_REGEX = "[A-Za-z0-9+/]{86}==";
    /** {@code Authorization}: a bearer token. */
    static final String BEARER_REGEX = "Bearer [\\x21-\\x7E]+";
    /** {@code X-EXTERNAL-ID}: a numeric string of up to 36 digits, as NICEPAY documents it. */
    static final String EXTERNAL_ID_REGEX = "[0-9]{1,36}";
    /** {@code Content-Type} of JSON, with or without parameters. */
    static final String JSON_CONTENT_TYPE_REGEX = "application/json(;.*)?";
    /** An amount with two decimals. */
    static final String AMOUNT_REGEX = "[0-9]{1,16}\\.[0-9]{2}";

    /** Example values: fixed, so the pact file does not change from run to run. */
    static final String EXAMPLE_TIMESTAMP = "2024-12-31T10:11:40+07:00";
    static final String EXAMPLE_SIGNATURE = "nxrHsl67ds1jyo4CB44Sul9zewn6ei/rYSHa+hM90DCCmiyAr5UQ6kNPLLAVTdVs1VEhrSWfljMZu"
            + "5qDniuMAg==";
    static final String EXAMPLE_BEARER = "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJJT05QQVlURVNUIn0.c2lnbmF0dXJl";
    static final String EXAMPLE_EXTERNAL_ID = "20241231101140123000742918305561";

    private VaCreatePact() {
    }
}
