package dev.snapbi.domain.model;

import dev.snapbi.domain.error.SnapConfigurationException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Base64SignatureTest {

    @Test
    void encodes_bytes_as_standard_padded_base64() {
        Base64Signature s = Base64Signature.ofBytes(new byte[]{(byte) 0xfb, (byte) 0xff, 0x01});
        assertThat(s.value()).isEqualTo("+/8B");
        assertThat(s.bytes()).containsExactly((byte) 0xfb, (byte) 0xff, 0x01);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-_8B", "+/8", "+/8B\n", " +/8B", "+/=B", "", "====", "+/8B===="})
    void refuses_url_safe_unpadded_or_whitespace_base64(String bad) {
        assertThatThrownBy(() -> Base64Signature.parse(bad)).isInstanceOf(SnapConfigurationException.class)
                .hasMessageContaining("signature");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-_8B", "+/8", "+/8B\n", " +/8B", "+/=B", "", "====", "+/8B===="})
    void offers_a_non_throwing_parse_for_text_from_outside(String bad) {
        assertThat(Base64Signature.tryParse(bad)).isEmpty();
        assertThat(Base64Signature.tryParse(null)).isEmpty();
        assertThat(Base64Signature.tryParse("c2lnbmF0dXJlLXZhbHVl"))
                .contains(Base64Signature.parse("c2lnbmF0dXJlLXZhbHVl"));
    }

    @Test
    void refuses_text_longer_than_any_real_signature() {
        String longest = "A".repeat(Base64Signature.MAX_LENGTH);
        assertThat(Base64Signature.tryParse(longest)).isPresent();
        assertThat(Base64Signature.tryParse(longest + "AAAA")).isEmpty();
        assertThatThrownBy(() -> Base64Signature.parse(longest + "AAAA")).isInstanceOf(SnapConfigurationException.class)
                .hasMessageContaining(String.valueOf(Base64Signature.MAX_LENGTH)).hasMessageNotContaining("AAAA");
    }

    @Test
    void never_shows_the_signature_value() {
        Base64Signature s = Base64Signature.parse("c2lnbmF0dXJlLXZhbHVl");
        assertThat(s.toString()).doesNotContain("c2lnbmF0dXJlLXZhbHVl").contains("****");
    }

    @Property(tries = 200)
    void any_bytes_round_trip_through_base64(@ForAll @Size(min = 1, max = 512) byte[] bytes) {
        Base64Signature s = Base64Signature.ofBytes(bytes);
        assertThat(Base64Signature.parse(s.value())).isEqualTo(s);
        assertThat(s.bytes()).isEqualTo(bytes);
        assertThat(s.value()).isEqualTo(Base64.getEncoder().encodeToString(bytes));
    }
}
