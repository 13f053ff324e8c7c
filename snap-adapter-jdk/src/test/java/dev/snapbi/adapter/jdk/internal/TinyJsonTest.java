package dev.snapbi.adapter.jdk.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TinyJsonTest {

    @Test
    void reads_a_token_answer_with_its_members_in_order() throws Exception {
        Map<String, Object> answer = TinyJson.parseObject("{\"responseCode\":\"2007300\",\"responseMessage\":"
                + "\"Successful\",\"accessToken\":\"eyJ.a-b_c\",\"tokenType\":\"Bearer\",\"expiresIn\":\"900\"}");

        assertThat(answer).containsExactly(Map.entry("responseCode", "2007300"),
                Map.entry("responseMessage", "Successful"), Map.entry("accessToken", "eyJ.a-b_c"),
                Map.entry("tokenType", "Bearer"), Map.entry("expiresIn", "900"));
    }

    @Test
    void keeps_the_exact_text_of_numbers() throws Exception {
        Map<String, Object> answer = TinyJson.parseObject("{\"a\":900,\"b\":-1.50e+3,\"c\":0}");

        assertThat(answer.get("a")).isEqualTo(new TinyJson.Number("900"));
        assertThat(answer.get("b")).isEqualTo(new TinyJson.Number("-1.50e+3"));
        assertThat(answer.get("c")).isEqualTo(new TinyJson.Number("0"));
    }

    @Test
    void reads_nested_values_literals_and_whitespace() throws Exception {
        Object value = TinyJson.parse(" {\n\t\"additionalInfo\" : { \"list\" : [ true , false , null , [ ] ] } } ");

        Map<?, ?> info = (Map<?, ?>) ((Map<?, ?>) value).get("additionalInfo");
        assertThat(info.get("list")).isEqualTo(List.of(true, false, TinyJson.NULL, List.of()));
    }

    @Test
    void decodes_every_escape() throws Exception {
        Object value = TinyJson.parse("\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00e9\\u20AC\"");

        assertThat(value).isEqualTo("q\" b\\ s/ \b\f\n\r\t \u00e9\u20ac");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"a\":1", "{\"a\" 1}", "{\"a\":1,}", "[1,]", "{a:1}", "{\"a\":01}",
            "{\"a\":1.}", "{\"a\":-}", "{\"a\":1e}", "{\"a\":tru}", "\"unterminated", "\"bad \\x escape\"",
            "\"short \\u12\"", "\"tab\tinside\"", "{\"a\":1} trailing", "{\"a\":1,\"a\":2}", "'single'"})
    void refuses_text_that_is_not_strict_json(String text) {
        assertThatExceptionOfType(TinyJson.MalformedJsonException.class).isThrownBy(() -> TinyJson.parse(text))
                .withMessageContaining("at position");
    }

    @Test
    void refuses_nesting_deeper_than_its_limit_without_a_stack_overflow() {
        String deep = "[".repeat(TinyJson.MAX_DEPTH + 1) + "]".repeat(TinyJson.MAX_DEPTH + 1);

        assertThatExceptionOfType(TinyJson.MalformedJsonException.class).isThrownBy(() -> TinyJson.parse(deep))
                .withMessageContaining("nested deeper than " + TinyJson.MAX_DEPTH);
    }

    @Test
    void accepts_nesting_up_to_its_limit() throws Exception {
        String deepest = "[".repeat(TinyJson.MAX_DEPTH) + "]".repeat(TinyJson.MAX_DEPTH);

        assertThat(TinyJson.parse(deepest)).isInstanceOf(List.class);
    }

    @Test
    void never_quotes_the_text_it_refuses() {
        String secret = "{\"accessToken\":\"s3cr3t-token-value\" oops}";

        assertThatExceptionOfType(TinyJson.MalformedJsonException.class).isThrownBy(() -> TinyJson.parse(secret))
                .withMessageNotContaining("s3cr3t");
    }

    @Test
    void refuses_a_value_that_is_not_an_object_where_an_object_is_expected() {
        assertThatExceptionOfType(TinyJson.MalformedJsonException.class)
                .isThrownBy(() -> TinyJson.parseObject("[\"not\",\"an\",\"object\"]"))
                .withMessageContaining("expected a JSON object");
    }
}
