package dev.snapbi.domain.json;

import dev.snapbi.domain.error.SnapConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompactJsonTest {

    @Test
    void turns_pretty_printed_json_into_its_compact_form() {
        String pretty = """
                {
                  "partnerServiceId" : "   1234",
                  "customerNo": "0000000000001",
                  "totalAmount": {
                    "value": "10000.00",
                    "currency": "IDR"
                  },
                  "additionalInfo": { },
                  "tags" : [ 1, 2 ,3 ]
                }
                """;

        assertThat(CompactJson.compact(pretty)).isEqualTo("{\"partnerServiceId\":\"   1234\",\"customerNo\":"
                + "\"0000000000001\",\"totalAmount\":{\"value\":\"10000.00\",\"currency\":\"IDR\"},\"additionalInfo\":{},"
                + "\"tags\":[1,2,3]}");
    }

    @Test
    void keeps_spaces_inside_strings_and_every_escape_as_written() {
        String json = "{ \"a b\" : \"  two  spaces \\\" quote \\\\ backslash \\n newline \\t tab \\b\\f\\r \" }";

        assertThat(CompactJson.compact(json)).isEqualTo("{\"a b\":\"  two  spaces \\\" quote \\\\ backslash \\n"
                + " newline \\t tab \\b\\f\\r \"}");
    }

    @Test
    void keeps_escaped_and_unescaped_slashes_as_they_are() {
        String json = "{\"url\": \"https:\\/\\/example.com/callback\", \"path\": \"/api/v1.0\"}";

        assertThat(CompactJson.compact(json)).isEqualTo(
                "{\"url\":\"https:\\/\\/example.com/callback\",\"path\":\"/api/v1.0\"}");
    }

    @Test
    void keeps_unicode_escapes_escaped_and_non_ascii_text_as_utf8() {
        String json = "{ \"escaped\": \"caf\\u00e9 \\uD83D\\uDE00\", \"raw\": \"café 😀 ☕ Rp10.000 日本\" }";

        String compact = CompactJson.compact(json);

        assertThat(compact).isEqualTo("{\"escaped\":\"caf\\u00e9 \\uD83D\\uDE00\",\"raw\":\"café 😀 ☕ Rp10.000 日本\"}");
        assertThat(compact.getBytes(StandardCharsets.UTF_8)).containsSequence("café 😀".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void keeps_numbers_exactly_as_written() {
        String json = "[ 0, -0, 1.50, 1e3, 1E+03, -2.5e-10, 12345678901234567890123, 0.1000 ]";

        assertThat(CompactJson.compact(json)).isEqualTo("[0,-0,1.50,1e3,1E+03,-2.5e-10,12345678901234567890123,0.1000]");
    }

    @Test
    void handles_nested_arrays_and_objects_and_keeps_key_order_and_duplicates() {
        String json = "{\"z\": [[], [[ ]], {\"k\": [ {}, { \"x\": null } ]}], \"a\": true, \"a\": false}";

        assertThat(CompactJson.compact(json)).isEqualTo(
                "{\"z\":[[],[[]],{\"k\":[{},{\"x\":null}]}],\"a\":true,\"a\":false}");
    }

    @Test
    void accepts_scalars_at_the_top_level_and_all_four_whitespace_characters() {
        assertThat(CompactJson.compact(" \t\r\n\"text\" \n")).isEqualTo("\"text\"");
        assertThat(CompactJson.compact("42")).isEqualTo("42");
        assertThat(CompactJson.compact("null")).isEqualTo("null");
    }

    @Test
    void leaves_compact_json_unchanged() {
        String compact = "{\"a\":[1,{\"b\":\"c d\"}],\"e\":-1.5E7}";

        assertThat(CompactJson.compact(compact)).isEqualTo(compact);
    }

    @Test
    void handles_nesting_deeper_than_any_stack() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);

        assertThat(CompactJson.compact(deep)).isEqualTo(deep);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "empty text                | ``                       | line 1, column 1 (offset 0): found an empty text",
        "only whitespace           | `  `                     | found only whitespace; expected a JSON value",
        "trailing comma in object  | {\"a\":1,}               | line 1, column 8 (offset 7): found '}'; expected an object key",
        "trailing comma in array   | [1,]                     | (offset 3): found ']'; expected a value",
        "missing colon             | {\"a\" 1}                | (offset 5): found '1'; expected ':' after the object key",
        "unquoted key              | {a:1}                    | (offset 1): found 'a'; expected an object key",
        "single quotes             | {'a':1}                  | (offset 1): found '''; expected an object key",
        "unclosed object           | {\"a\":1                 | (offset 6): found the end of the text; expected ',' or '}' in the object",
        "unclosed string           | [\"abc                   | (offset 1): found a string that is never closed",
        "bad escape                | [\"a\\x\"]               | (offset 3): found the escape '\\' + 'x'",
        "short unicode escape      | [\"\\u12\"]              | (offset 2): found an incomplete \\u escape",
        "leading zero              | [01]                     | (offset 1): found a number with a leading zero",
        "bare minus                | -                        | (offset 1): found the end of the text after '-'; expected a digit",
        "decimal point alone       | 1.                       | found the end of the text after a decimal point",
        "empty exponent            | 1e+                      | found the end of the text in an exponent",
        "misspelt literal          | [ture]                   | (offset 1): found an unknown word; expected a value (true?)",
        "two top-level values      | {} {}                    | (offset 3): found '{' after the complete JSON value",
        "mismatched bracket        | [1}                      | (offset 2): found '}'; expected ',' or ']' in the array",
        "comment                   | {} // note               | found '/' after the complete JSON value",
        "NaN                       | [NaN]                    | found 'N'; expected a value",
    })
    void refuses_invalid_json_naming_the_position(String why, String json, String message) {
        assertThatThrownBy(() -> CompactJson.compact(json)).isInstanceOf(SnapConfigurationException.class)
                .hasMessageStartingWith("invalid JSON at line ").hasMessageContaining(message);
    }

    @Test
    void names_line_and_column_on_later_lines() {
        String json = "{\n  \"a\": 1,\n  \"b\": tru\n}";

        assertThatThrownBy(() -> CompactJson.compact(json)).isInstanceOf(SnapConfigurationException.class)
                .hasMessage("invalid JSON at line 3, column 8 (offset 19): found an unknown word; expected a value"
                        + " (true?)");
    }

    @Test
    void refuses_raw_control_characters_and_unpaired_surrogates_inside_strings() {
        assertThatThrownBy(() -> CompactJson.compact("[\"line\nbreak\"]")).isInstanceOf(
                SnapConfigurationException.class).hasMessageContaining("(offset 6): found U+000A inside a string");
        assertThatThrownBy(() -> CompactJson.compact("[\"broken \uD83D pair\"]")).isInstanceOf(
                SnapConfigurationException.class).hasMessageContaining("unpaired UTF-16 surrogate U+D83D");
        assertThatThrownBy(() -> CompactJson.compact("[\"\uDE00\"]")).isInstanceOf(
                SnapConfigurationException.class).hasMessageContaining("unpaired UTF-16 surrogate U+DE00");
    }

    @Test
    void refuses_null_and_a_byte_order_mark() {
        assertThatThrownBy(() -> CompactJson.compact((String) null)).isInstanceOf(SnapConfigurationException.class)
                .hasMessageContaining("found nothing (null)");
        assertThatThrownBy(() -> CompactJson.compact("\uFEFF{}")).isInstanceOf(SnapConfigurationException.class)
                .hasMessageContaining("(offset 0): found U+FEFF; expected a value");
    }

    @Test
    void never_quotes_the_body_beyond_the_offending_character() {
        String json = "{\"accountNo\": \"1234567890\", \"pin\": secret}";

        assertThatThrownBy(() -> CompactJson.compact(json)).isInstanceOf(SnapConfigurationException.class)
                .hasMessageNotContaining("1234567890").hasMessageNotContaining("secret");
    }

    @Test
    void text_that_looks_like_json_but_is_not_is_left_byte_for_byte() {
        for (String notJson : new String[] {"{'a': 'John Doe'}", "{\"a\": 1} trailing", "[1, 2,]",
                "{\"a\" : NaN }", "  plain text  ", "{\"unterminated\": \"a b"}) {
            byte[] bytes = notJson.getBytes(StandardCharsets.UTF_8);
            assertThat(CompactJson.compactIfValid(bytes)).as(notJson).isSameAs(bytes);
        }
    }

    @Test
    void valid_json_bytes_are_compacted_keeping_every_string_byte() {
        byte[] pretty = "{\n  \"name\" : \"Budi  Santoso é 😀\",\n  \"amount\" : [ 1.50 , 1E3 ]\n}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(new String(CompactJson.compactIfValid(pretty), StandardCharsets.UTF_8))
                .isEqualTo("{\"name\":\"Budi  Santoso é 😀\",\"amount\":[1.50,1E3]}");
        assertThat(CompactJson.compact(pretty)).isEqualTo(CompactJson.compactIfValid(pretty));
    }

    @Test
    void already_compact_bytes_are_the_same_array() {
        byte[] compact = "{\"a\":\"b c\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(CompactJson.compact(compact)).isSameAs(compact);
        assertThat(CompactJson.compactIfValid(compact)).isSameAs(compact);
    }

    @Test
    void bytes_that_are_not_utf8_are_refused_by_compact_and_left_alone_by_compact_if_valid() {
        byte[] latin1 = "{ \"name\": \"José\" }".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> CompactJson.compact(latin1)).isInstanceOf(SnapConfigurationException.class)
                .hasMessageContaining("UTF-8");
        assertThat(CompactJson.compactIfValid(latin1)).isSameAs(latin1);
        assertThat(CompactJson.compactIfValid(null)).isNull();
    }
}
