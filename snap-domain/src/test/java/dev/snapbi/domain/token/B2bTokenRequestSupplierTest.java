package dev.snapbi.domain.token;

import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.model.ClientKey;
import dev.snapbi.domain.model.ProviderProfile;
import dev.snapbi.domain.model.TokenRequest;
import dev.snapbi.domain.testing.DigestSigner;
import dev.snapbi.domain.testing.ManualTime;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class B2bTokenRequestSupplierTest {

    @Test
    void reads_the_clock_once_so_header_and_signed_timestamp_are_identical() {
        ManualTime clock = ManualTime.startingAt(Instant.parse("2024-12-31T03:11:39.999Z"))
                .advancingOnEachReading(Duration.ofSeconds(1)); // two reads would disagree
        B2bTokenRequestSupplier supplier = B2bTokenRequestSupplier.create(ClientKey.of("normaltest"),
                new DigestSigner(), clock, ProviderProfile.nicepayDevelopment());
        TokenRequest request = supplier.get();
        assertThat(clock.readings()).isEqualTo(1);
        assertThat(request.headers().get("X-TIMESTAMP")).isEqualTo("2024-12-31T10:11:39+07:00");
        assertThat(request.stringToSign().value()).isEqualTo("normaltest|2024-12-31T10:11:39+07:00");
        assertThat(request.signature()).isEqualTo(new DigestSigner().sign(request.stringToSign()));
    }

    @Test
    void signs_every_attempt_afresh_with_a_new_timestamp() {
        ManualTime clock = ManualTime.startingAt(Instant.parse("2024-12-31T03:11:39.999Z"))
                .advancingOnEachReading(Duration.ofSeconds(1)); // two reads would disagree
        B2bTokenRequestSupplier supplier = B2bTokenRequestSupplier.create(ClientKey.of("normaltest"),
                new DigestSigner(), clock, ZoneId.of("Asia/Jakarta"));
        TokenRequest first = supplier.get();
        TokenRequest second = supplier.get();
        assertThat(second.timestamp()).isNotEqualTo(first.timestamp());
        assertThat(second.signature()).isNotEqualTo(first.signature());
    }

    @Test
    void refuses_to_send_a_request_when_the_signer_returns_nothing() {
        B2bTokenRequestSupplier supplier = B2bTokenRequestSupplier.create(ClientKey.of("IONPAYTEST"), s -> null,
                Clock.systemUTC(), ZoneId.of("Asia/Jakarta"));
        assertThatThrownBy(supplier::get).isInstanceOf(SnapConfigurationException.class)
                .hasMessageContaining("no signature").hasMessageContaining("IONPAYTEST");
    }

    @Test
    void turns_a_signer_crash_into_a_configuration_error_without_its_message() {
        B2bTokenRequestSupplier supplier = B2bTokenRequestSupplier.create(ClientKey.of("IONPAYTEST"), s -> {
            throw new IllegalStateException("MIIEvQIBADANBgkqhkiG9w0BAQEFAASC");
        }, Clock.systemUTC(), ZoneId.of("Asia/Jakarta"));
        assertThatThrownBy(supplier::get).isInstanceOf(SnapConfigurationException.class)
                .hasMessageContaining("IllegalStateException").hasMessageNotContaining("MIIEvQ");
    }
}
