package dev.snapbi.crypto.internal;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class HmacSha512EngineTest {

    // RFC 4231 test case 2 (also `openssl dgst -sha512 -hmac Jefe`)
    @Test
    void gives_rfc_4231_case_2() {
        byte[] mac = new HmacSha512Engine("Jefe".getBytes(StandardCharsets.UTF_8))
                .mac(utf8("what do ya want for nothing?"), 0, 28);

        assertThat(HexFormat.of().formatHex(mac)).isEqualTo("164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd6"
                + "10270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737");
    }

    // RFC 4231 test case 6: a 131-byte key, longer than SHA-512's block, is hashed first
    @Test
    void hashes_a_key_longer_than_the_block_first_as_rfc_4231_case_6() {
        byte[] key = new byte[131];
        Arrays.fill(key, (byte) 0xaa);
        byte[] data = utf8("Test Using Larger Than Block-Size Key - Hash Key First");

        byte[] mac = new HmacSha512Engine(key).mac(data, 0, data.length);

        assertThat(HexFormat.of().formatHex(mac)).isEqualTo("80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1"
                + "121b013783f8f3526b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598");
    }

    @Property(tries = 1000)
    void equals_javax_crypto_mac_for_any_key_and_any_slice_of_any_message(
            @ForAll @Size(min = 1, max = 300) byte[] key, @ForAll @Size(max = 3000) byte[] message,
            @ForAll @IntRange(max = 40) int cutFront, @ForAll @IntRange(max = 40) int cutBack) throws Exception {
        int offset = Math.min(cutFront, message.length);
        int length = Math.max(0, message.length - offset - cutBack);
        Mac reference = Mac.getInstance("HmacSHA512");
        reference.init(new SecretKeySpec(key, "HmacSHA512"));
        reference.update(message, offset, length);
        HmacSha512Engine engine = new HmacSha512Engine(key);

        byte[] first = engine.mac(message, offset, length).clone();
        byte[] again = engine.mac(message, offset, length); // the per-thread state is reset after every MAC

        assertThat(first).isEqualTo(reference.doFinal());
        assertThat(again).isEqualTo(first);
    }

    @Test
    void never_shows_its_pads() {
        assertThat(new HmacSha512Engine(utf8("secret-secret-secret")).toString()).isEqualTo("HmacSha512Engine");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
