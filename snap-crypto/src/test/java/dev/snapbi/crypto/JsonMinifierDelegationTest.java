package dev.snapbi.crypto;

import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.json.CompactJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The deprecated JsonMinifier is CompactJson under its old name, nothing of its own. */
@SuppressWarnings("deprecation")
class JsonMinifierDelegationTest {

    @Test
    void gives_exactly_what_compact_json_gives_and_refuses_what_it_refuses() {
        String pretty = "{\n  \"a\" : \"x  y\",\n  \"b\" : [ 1.50 , true ]\n}";
        assertThat(JsonMinifier.minify(pretty)).isEqualTo(CompactJson.compact(pretty))
                .isEqualTo("{\"a\":\"x  y\",\"b\":[1.50,true]}");
        assertThatThrownBy(() -> JsonMinifier.minify("{'a': 1}")).isInstanceOf(SnapConfigurationException.class);
    }
}
