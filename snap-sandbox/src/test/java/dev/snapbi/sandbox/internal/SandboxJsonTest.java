package dev.snapbi.sandbox.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxJsonTest {

    @Test
    void reads_every_kind_of_value() throws Exception {
        Object value = SandboxJson.parse(" {\"s\":\"a\\\"b\\\\c\\/d\\u00e9\\n\",\"i\":-12,\"d\":1.5e2,\"t\":true,\"f\":false,"
                + "\"n\":null,\"a\":[1,[],{}],\"o\":{\"k\":\"v\"}} ");

        assertThat(value).isInstanceOf(Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) value;
        assertThat(map.keySet()).containsExactly("s", "i", "d", "t", "f", "n", "a", "o");
        assertThat(map.get("s")).isEqualTo("a\"b\\c/d\u00e9\n");
        assertThat(map.get("i")).isEqualTo(-12L);
        assertThat(map.get("d")).isEqualTo(new BigDecimal("1.5e2"));
        assertThat(map.get("t")).isEqualTo(Boolean.TRUE);
        assertThat(map.get("f")).isEqualTo(Boolean.FALSE);
        assertThat(map.get("n")).isSameAs(SandboxJson.NULL);
        assertThat(map.get("a")).isEqualTo(List.of(1L, List.of(), Map.of()));
        assertThat(map.get("o")).isEqualTo(Map.of("k", "v"));
    }

    @Test
    void reads_integers_beyond_long_as_decimals() throws Exception {
        assertThat(SandboxJson.parse("123456789012345678901234567890"))
                .isEqualTo(new BigDecimal("123456789012345678901234567890"));
        assertThat(SandboxJson.parse("0")).isEqualTo(0L);
        assertThat(SandboxJson.parse("-0.0")).isEqualTo(new BigDecimal("-0.0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "{", "}", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "'x'", "01", "1.", ".5",
            "-", "1e", "+1", "NaN", "Infinity", "tru", "nul", "\"abc", "\"\\q\"", "\"\\u12g4\"", "\"\\u12\"",
            "\"a\u0001b\"", "{\"a\":1}{", "[1] x", "{\"a\":1,\"a\":2}", "\u00a01"})
    void refuses_what_rfc_8259_refuses(String text) {
        assertThatThrownBy(() -> SandboxJson.parse(text)).isInstanceOf(SandboxJson.JsonException.class);
    }

    @Test
    void refuses_nesting_deeper_than_the_limit_without_overflowing_the_stack() throws Exception {
        String ok = "[".repeat(SandboxJson.MAX_DEPTH) + "]".repeat(SandboxJson.MAX_DEPTH);
        assertThat(SandboxJson.parse(ok)).isInstanceOf(List.class);
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertThatThrownBy(() -> SandboxJson.parse(deep)).isInstanceOf(SandboxJson.JsonException.class)
                .hasMessageContaining("nesting deeper than " + SandboxJson.MAX_DEPTH);
    }

    @Test
    void refuses_absurdly_long_numbers() {
        assertThatThrownBy(() -> SandboxJson.parse("1".repeat(65))).isInstanceOf(SandboxJson.JsonException.class);
        assertThatThrownBy(() -> SandboxJson.parse("1e99999999999")).isInstanceOf(SandboxJson.JsonException.class);
    }

    @Test
    void says_where_but_not_what_in_its_errors() {
        assertThatThrownBy(() -> SandboxJson.parse("{\"secret\":x}")).hasMessage("unexpected character at offset 10")
                .hasMessageNotContaining("secret");
    }

    @Test
    void parseObject_refuses_other_values() {
        assertThatThrownBy(() -> SandboxJson.parseObject("[]")).isInstanceOf(SandboxJson.JsonException.class);
        assertThatThrownBy(() -> SandboxJson.parseObject("\"x\"")).isInstanceOf(SandboxJson.JsonException.class);
    }

    @Test
    void writes_compact_json_without_escaping_slashes() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("path", "/nicepay/v1.0");
        map.put("quote", "a\"b\\c");
        map.put("ctl", "\n\t\u0001");
        map.put("n", 900L);
        map.put("i", 7);
        map.put("d", 0.25);
        map.put("b", true);
        map.put("nul", null);
        map.put("list", Arrays.asList("x", SandboxJson.NULL));
        map.put("o", Map.of());

        assertThat(SandboxJson.write(map)).isEqualTo("{\"path\":\"/nicepay/v1.0\",\"quote\":\"a\\\"b\\\\c\","
                + "\"ctl\":\"\\n\\t\\u0001\",\"n\":900,\"i\":7,\"d\":0.25,\"b\":true,\"nul\":null,"
                + "\"list\":[\"x\",null],\"o\":{}}");
    }

    @Test
    void reads_back_what_it_writes() throws Exception {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("s", "\u0000 \u2028 \ud83d\ude00 \"/\\");
        map.put("n", -42L);
        map.put("a", List.of(true, false, SandboxJson.NULL, List.of(), Map.of("k", "v")));

        assertThat(SandboxJson.parse(SandboxJson.write(map))).isEqualTo(map);
    }

    @Test
    void refuses_to_write_what_json_cannot_hold() {
        assertThatThrownBy(() -> SandboxJson.write(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SandboxJson.write(new Object())).isInstanceOf(IllegalArgumentException.class);
    }
}
