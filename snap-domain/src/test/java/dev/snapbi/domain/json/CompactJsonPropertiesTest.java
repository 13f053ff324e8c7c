package dev.snapbi.domain.json;

import dev.snapbi.domain.error.SnapConfigurationException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Generated JSON documents, rendered once compactly and once with random whitespace between every pair of tokens:
 * the minifier must turn the spaced rendering into exactly the compact one, and change nothing in the compact one.
 */
class CompactJsonPropertiesTest {

    /** A document as its tokens (strings already escaped, numbers already spelt) plus a seed for the whitespace. */
    record Document(List<String> tokens, long seed) {

        String compact() {
            return String.join("", tokens);
        }

        String spaced() {
            Random random = new Random(seed);
            String[] gaps = {"", " ", "\n", "  ", "\t", "\r\n", "\n    ", " \t "};
            StringBuilder out = new StringBuilder(gaps[random.nextInt(gaps.length)]);
            for (String token : tokens) {
                out.append(token).append(gaps[random.nextInt(gaps.length)]);
            }
            return out.toString();
        }

        String withoutToken(int index) {
            List<String> rest = new ArrayList<>(tokens);
            rest.remove(index);
            return String.join(" ", rest);
        }
    }

    @Provide
    Arbitrary<Document> documents() {
        return Combinators.combine(value(3), Arbitraries.longs()).as(Document::new);
    }

    private Arbitrary<List<String>> value(int depth) {
        if (depth == 0) {
            return scalar();
        }
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, scalar()),
                net.jqwik.api.Tuple.of(2, array(depth - 1)),
                net.jqwik.api.Tuple.of(2, object(depth - 1)));
    }

    private Arbitrary<List<String>> scalar() {
        return Arbitraries.oneOf(stringToken(), numberToken(), Arbitraries.of("true", "false", "null"))
                .map(List::of);
    }

    private Arbitrary<List<String>> array(int depth) {
        return value(depth).list().ofMaxSize(4).map(elements -> {
            List<String> tokens = new ArrayList<>();
            tokens.add("[");
            for (int i = 0; i < elements.size(); i++) {
                if (i > 0) {
                    tokens.add(",");
                }
                tokens.addAll(elements.get(i));
            }
            tokens.add("]");
            return tokens;
        });
    }

    private Arbitrary<List<String>> object(int depth) {
        Arbitrary<List<String>> member = Combinators.combine(stringToken(), value(depth)).as((key, value) -> {
            List<String> tokens = new ArrayList<>();
            tokens.add(key);
            tokens.add(":");
            tokens.addAll(value);
            return tokens;
        });
        return member.list().ofMaxSize(4).map(members -> {
            List<String> tokens = new ArrayList<>();
            tokens.add("{");
            for (int i = 0; i < members.size(); i++) {
                if (i > 0) {
                    tokens.add(",");
                }
                tokens.addAll(members.get(i));
            }
            tokens.add("}");
            return tokens;
        });
    }

    /** Strings over BMP text, controls, quotes, slashes and emoji, each character written raw or escaped. */
    private Arbitrary<String> stringToken() {
        Arbitrary<String> text = Arbitraries.strings().withCharRange('\u0000', '\u007f').withCharRange('\u00a0', '\u00ff')
                .withCharRange('\u3040', '\u30ff').withChars(' ', '"', '\\', '/', '€', '☕').ofMaxLength(12);
        Arbitrary<String> withEmoji = text.map(s -> s.length() % 3 == 0 ? s + "😀" : s);
        return Combinators.combine(withEmoji, Arbitraries.longs()).as(CompactJsonPropertiesTest::render);
    }

    private static String render(String value, long seed) {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean escape = random.nextInt(5) == 0;
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(c == '\n' && escape ? "\\n" : String.format("\\u%04x", (int) c));
            } else if (c == '/') {
                out.append(escape ? "\\/" : "/");
            } else if (escape && !Character.isSurrogate(c)) {
                out.append(String.format(random.nextBoolean() ? "\\u%04x" : "\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private Arbitrary<String> numberToken() {
        return Arbitraries.oneOf(
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.bigDecimals().ofScale(4).map(BigDecimal::toPlainString),
                Arbitraries.doubles().map(d -> String.valueOf(d)).filter(s -> !s.contains("Infinity") && !s.contains("NaN")),
                Arbitraries.of("0", "-0", "1.50", "1e3", "1E+03", "-2.5e-10", "0.1000"));
    }

    @Property(tries = 300)
    void removes_exactly_the_whitespace_between_tokens(@ForAll("documents") Document document) {
        assertThat(CompactJson.compact(document.spaced())).isEqualTo(document.compact());
    }

    @Property(tries = 300)
    void is_idempotent(@ForAll("documents") Document document) {
        String once = CompactJson.compact(document.spaced());

        assertThat(CompactJson.compact(once)).isEqualTo(once);
    }

    @Property(tries = 300)
    void refuses_a_document_missing_a_bracket_brace_or_colon(@ForAll("documents") Document document,
                                                            @ForAll Random random) {
        List<Integer> structural = new ArrayList<>();
        for (int i = 0; i < document.tokens().size(); i++) {
            if ("[]{}:".contains(document.tokens().get(i))) {
                structural.add(i);
            }
        }
        if (structural.isEmpty()) {
            return;
        }
        String broken = document.withoutToken(structural.get(random.nextInt(structural.size())));

        assertThatThrownBy(() -> CompactJson.compact(broken)).isInstanceOf(SnapConfigurationException.class)
                .hasMessageStartingWith("invalid JSON at line ");
    }
}
