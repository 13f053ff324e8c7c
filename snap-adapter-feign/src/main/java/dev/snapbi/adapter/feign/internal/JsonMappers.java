package dev.snapbi.adapter.feign.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;

/** The Jackson mappers of the adapter, configured in one place. Each call gives a new mapper. */
public final class JsonMappers {

    private JsonMappers() {
    }

    /** For SNAP error answers: unknown fields ignored, and a parse error never quotes the body. */
    public static ObjectMapper errorAnswers() {
        return reading().build();
    }

    /**
     * For token answers: as {@link #errorAnswers()}, and also no trailing tokens after the JSON object, and SNAP's text
     * fields only from JSON strings ({@code "accessToken": true} must not become the token {@code "true"}).
     */
    public static ObjectMapper tokenAnswers() {
        return reading()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .withCoercionConfig(LogicalType.Textual, rules -> rules
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .build();
    }

    /** For request bodies: compact JSON (no indentation), {@code null} members left out, {@code /} not escaped. */
    public static ObjectMapper compactWriter() {
        return JsonMapper.builder()
                .disable(SerializationFeature.INDENT_OUTPUT)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
    }

    private static JsonMapper.Builder reading() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION); // never echo a body (or the token in it)
    }
}
