package dev.snapbi.domain.transaction;

import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.model.AccessToken;
import dev.snapbi.domain.model.ClientKey;
import dev.snapbi.domain.model.ProviderProfile;
import dev.snapbi.domain.model.SnapTimestamp;
import dev.snapbi.domain.model.StringToSign;
import dev.snapbi.domain.model.TransactionHeaders;
import dev.snapbi.domain.port.AccessTokenProvider;
import dev.snapbi.domain.testing.DigestSigner;
import dev.snapbi.domain.testing.JdkHmacSha512;
import dev.snapbi.domain.testing.ManualTime;
import dev.snapbi.domain.testing.ScriptedTokenEndpoint;
import dev.snapbi.domain.token.AccessTokenService;
import dev.snapbi.domain.token.B2bTokenRequestSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransactionSignerTest {

    // NICEPAY-style sample secret and a token; the expected signatures below were computed with
    //   printf '%s' "$stringToSign" | openssl dgst -sha512 -hmac "$SECRET" -binary | base64 -w0
    private static final String SECRET =
            "33F49GnCMS1mFYlGXisbUDzVf2ATWCl9k3R++d5hDd3Frmuos/XLx8XhXpe+LDYAbpGKZYSwtlyyLOtS/8aD7A==";
    private static final AccessToken TOKEN = AccessToken.bearer("eyJhbGciOiJIUzI1NiJ9.secret-token-value-0123",
            Instant.parse("2024-12-31T03:11:40Z"), Duration.ofSeconds(900));
    private static final String BODY = "{\"partnerServiceId\":\"\",\"customerNo\":\"\",\"virtualAccountName\":"
            + "\"John Doe\",\"trxId\":\"TRX-20241231-0001\",\"totalAmount\":{\"value\":\"10000.00\",\"currency\":\"IDR\"}}";

    private final ManualTime time = ManualTime.create(); // 2024-12-31T03:11:40Z = 10:11:40 in Jakarta
    private final ScriptedTokenEndpoint endpoint = new ScriptedTokenEndpoint();
    private AccessTokenService service;

    @AfterEach
    void close() {
        if (service != null) {
            service.close();
        }
    }

    /** A real token service whose endpoint issues TOKEN's value first, numbered tokens after. */
    private AccessTokenProvider tokens() {
        endpoint.thenAnswer(() -> ScriptedTokenEndpoint.grant(TOKEN.value(), Duration.ofSeconds(900)));
        return realTokens();
    }

    private TransactionSigner.Builder signer(AccessTokenProvider tokens) {
        return TransactionSigner.builder()
                .tokens(tokens)
                .symmetricSigner(new JdkHmacSha512(SECRET))
                .partnerId("IONPAYTEST")
                .profile(ProviderProfile.nicepayDevelopment())
                .clock(time);
    }

    @Test
    void signs_a_post_like_openssl_with_the_nicepay_prefix_removed_and_the_timestamp_in_jakarta_time() {
        TransactionHeaders headers = signer(tokens()).build()
                .sign("POST", "/nicepay/api/v1.0/transfer-va/create-va", BODY.getBytes(StandardCharsets.UTF_8));

        assertThat(headers.signature().value()).isEqualTo(
                "nxrHsl67ds1jyo4CB44Sul9zewn6ei/rYSHa+hM90DCCmiyAr5UQ6kNPLLAVTdVs1VEhrSWfljMZu5qDniuMAg==");
        assertThat(headers.signedPath()).isEqualTo("/api/v1.0/transfer-va/create-va");
        assertThat(headers.timestamp().value()).isEqualTo("2024-12-31T10:11:40+07:00");
    }

    @Test
    void signs_a_get_with_its_raw_query_and_the_hash_of_the_empty_body_like_openssl() {
        TransactionHeaders headers = signer(tokens()).build()
                .sign("GET", "/nicepay/api/v1.0/transfer-va/status?trxId=TRX%201&x=y", null);

        assertThat(headers.signature().value()).isEqualTo(
                "ET1sDdkEQs4pPvovFjeLyEA6LQhs/TSdxOifzup774RNWRLzUx1xYHuDxyivZ/11yBFUkud3vge7OJatG0z0ug==");
        assertThat(headers.signedPath()).isEqualTo("/api/v1.0/transfer-va/status?trxId=TRX%201&x=y");
    }

    @Test
    void sets_exactly_the_six_snap_headers_in_a_stable_order_with_nicepays_channel_id() {
        TransactionHeaders headers = signer(tokens()).externalIds(() -> "41807553358950093184162180797837")
                .build().sign("POST", "/nicepay/api/v1.0/transfer-va/create-va", new byte[0]);

        assertThat(headers.asMap()).containsExactly(
                entry("Authorization", "Bearer " + TOKEN.value()),
                entry("X-TIMESTAMP", "2024-12-31T10:11:40+07:00"),
                entry("X-SIGNATURE", headers.signature().value()),
                entry("X-PARTNER-ID", "IONPAYTEST"),
                entry("X-EXTERNAL-ID", "41807553358950093184162180797837"),
                entry("CHANNEL-ID", "IONPAYTEST01"));
        assertThat(headers.accessToken().value()).isEqualTo(TOKEN.value());
    }

    private static java.util.Map.Entry<String, String> entry(String k, String v) {
        return java.util.Map.entry(k, v);
    }

    @Test
    void takes_a_configured_channel_id_instead_of_the_nicepay_default() {
        TransactionSigner signer = signer(tokens()).channelId("95221").build();
        assertThat(signer.sign("POST", "/nicepay/api/x", null).channelId()).isEqualTo("95221");
        assertThatThrownBy(() -> signer(tokens()).channelId("has space").build())
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("CHANNEL-ID");
    }

    @Test
    void reads_the_clock_once_so_the_header_timestamp_is_the_signed_one_even_when_the_clock_ticks_between_reads() {
        TransactionSigner signer = signer(tokens())
                .clock(new SteppingClock(Instant.parse("2024-12-31T03:11:40Z")))
                .build();
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);

        TransactionHeaders headers = signer.sign("POST", "/nicepay/api/v1.0/transfer-va/create-va", body);

        StringToSign expected = StringToSign.symmetric("POST", "/api/v1.0/transfer-va/create-va", TOKEN, body,
                SnapTimestamp.parse(headers.asMap().get("X-TIMESTAMP")));
        assertThat(headers.signature()).isEqualTo(new JdkHmacSha512(SECRET).sign(expected));
    }

    @Test
    void gives_every_attempt_a_new_external_id_and_a_new_signature_when_time_moved() {
        TransactionSigner signer = signer(tokens()).build();
        Set<String> ids = new HashSet<>();
        Set<String> signatures = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            TransactionHeaders h = signer.sign("POST", "/nicepay/api/v1.0/transfer-va/create-va", new byte[0]);
            ids.add(h.externalId());
            signatures.add(h.signature().value());
            time.advance(Duration.ofSeconds(1));
        }
        assertThat(ids).hasSize(50);
        assertThat(signatures).hasSize(50);
    }

    @Test
    void refuses_an_external_id_that_cannot_go_into_the_header_before_anything_is_sent() {
        for (String bad : List.of("", "x".repeat(37), "has space", "é")) {
            TransactionSigner signer = signer(tokens()).externalIds(() -> bad).build();
            assertThatThrownBy(() -> signer.sign("POST", "/nicepay/api/x", null))
                    .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("X-EXTERNAL-ID");
        }
        TransactionSigner nothing = signer(tokens()).externalIds(() -> null).build();
        assertThatThrownBy(() -> nothing.sign("POST", "/nicepay/api/x", null))
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("got nothing");
    }

    @Test
    void refuses_to_send_unsigned_when_the_signer_fails_or_returns_nothing_without_leaking_the_secret() {
        TransactionSigner silent = signer(tokens()).symmetricSigner(s -> null).build();
        assertThatThrownBy(() -> silent.sign("POST", "/nicepay/api/x", null))
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("refusing to send an unsigned");
        TransactionSigner broken = signer(tokens()).symmetricSigner(s -> {
            throw new IllegalStateException("HSM offline");
        }).build();
        assertThatThrownBy(() -> broken.sign("POST", "/nicepay/api/x", null))
                .isInstanceOf(SnapConfigurationException.class)
                .hasMessageContaining("IllegalStateException").hasMessageContaining("check the client secret")
                .hasMessageNotContaining(SECRET).hasMessageNotContaining(TOKEN.value());
    }

    @Test
    void refuses_lower_case_methods_and_relative_paths() {
        TransactionSigner signer = signer(tokens()).build();
        assertThatThrownBy(() -> signer.sign("post", "/nicepay/api/x", null))
                .isInstanceOf(SnapConfigurationException.class);
        assertThatThrownBy(() -> signer.sign("POST", "nicepay/api/x", null))
                .isInstanceOf(SnapConfigurationException.class);
    }

    @Test
    void never_shows_the_token_or_the_signature_in_to_string() {
        TransactionHeaders headers = signer(tokens()).build().sign("POST", "/nicepay/api/x", new byte[0]);
        assertThat(headers.toString()).doesNotContain(TOKEN.value()).doesNotContain(headers.signature().value())
                .contains("/api/x").contains("IONPAYTEST");
    }

    @Test
    void says_what_is_missing() {
        assertThatThrownBy(() -> TransactionSigner.builder().build())
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("AccessTokenProvider");
        assertThatThrownBy(() -> TransactionSigner.builder().tokens(tokens()).build())
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("symmetric signer");
        assertThatThrownBy(() -> TransactionSigner.builder().tokens(tokens())
                .symmetricSigner(new JdkHmacSha512(SECRET)).build())
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("partner id");
        assertThatThrownBy(() -> TransactionSigner.builder().tokens(tokens())
                .symmetricSigner(new JdkHmacSha512(SECRET)).partnerId("IONPAYTEST").build())
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("profile");
    }

    private AccessTokenService realTokens() {
        if (service != null) {
            return service;
        }
        service = AccessTokenService.builder()
                .endpoint(endpoint)
                .requests(B2bTokenRequestSupplier.create(ClientKey.of("IONPAYTEST"), new DigestSigner(), time,
                        ProviderProfile.nicepayDevelopment()))
                .clock(time)
                .ticker(time)
                .build();
        return service;
    }

    @Test
    void drops_the_rejected_token_when_it_is_still_current_so_the_next_attempt_signs_with_a_new_one() {
        TransactionSigner signer = signer(realTokens()).build();
        TransactionHeaders first = signer.sign("POST", "/nicepay/api/x", null);

        assertThat(signer.invalidateIfCurrent(first.accessToken().value())).isTrue();
        TransactionHeaders second = signer.sign("POST", "/nicepay/api/x", null);

        assertThat(second.accessToken().value()).isNotEqualTo(first.accessToken().value());
        assertThat(endpoint.calls()).isEqualTo(2);
    }

    @Test
    void keeps_a_newer_token_when_another_caller_already_replaced_the_rejected_one() {
        TransactionSigner signer = signer(realTokens()).build();
        String rejected = signer.sign("POST", "/nicepay/api/x", null).accessToken().value();
        assertThat(signer.invalidateIfCurrent(rejected)).isTrue(); // the first caller to see the 401
        String replacement = signer.sign("POST", "/nicepay/api/x", null).accessToken().value();

        assertThat(signer.invalidateIfCurrent(rejected)).isFalse(); // a second caller, late with the same 401
        assertThat(signer.sign("POST", "/nicepay/api/x", null).accessToken().value()).isEqualTo(replacement);
        assertThat(endpoint.calls()).isEqualTo(2);
        assertThat(signer.invalidateIfCurrent(null)).isFalse();
    }

    /** A clock that moves one second forward on every reading. */
    private static final class SteppingClock extends java.time.Clock {
        private final java.util.concurrent.atomic.AtomicLong readings = new java.util.concurrent.atomic.AtomicLong();
        private final Instant start;

        SteppingClock(Instant start) {
            this.start = start;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return start.plusSeconds(readings.getAndIncrement());
        }
    }
}
