package dev.snapbi.nicepay.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.snapbi.domain.error.ErrorContext;
import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.error.SnapProtocolException;
import dev.snapbi.nicepay.model.Amount;
import dev.snapbi.nicepay.call.SnapCallResponse;

/**
 * The one JSON codec of snap-nicepay (Jackson): requests become compact bytes once (no indentation, {@code /} not
 * escaped, {@code null} fields left out), and those bytes are what is signed and sent. Answers are read leniently:
 * unknown fields are kept by the types that want them and never fail a parse. The mapper is a stateless codec,
 * shared; it holds no configuration of any client.
 */
public final class NicepayJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64)
                            .maxStringLength(1 << 20).build())
                    .build())
            .disable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .addModule(new SimpleModule("snapbi-nicepay")
                    .addSerializer(Amount.class, new AmountJson.Serializer())
                    .addDeserializer(Amount.class, new AmountJson.Deserializer()))
            .build();

    private NicepayJson() {
    }

    /** The shared mapper. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * A request as compact JSON bytes.
     *
     * @throws SnapConfigurationException when the value cannot be written (a defect in the request type)
     */
    public static byte[] write(Object request) {
        try {
            return MAPPER.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new SnapConfigurationException("the request " + request.getClass().getSimpleName()
                    + " could not be written as JSON (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /**
     * A successful answer's body as the given type; unknown fields are ignored or kept by the type.
     *
     * @throws SnapProtocolException when the body is not the expected JSON
     */
    public static <T> T read(SnapCallResponse response, Class<T> type, String request) {
        try {
            T value = MAPPER.readValue(response.bodyStream(), type); // no copy of the body
            if (value == null) {
                throw new SnapProtocolException("the answer to " + request + " has no body",
                        new ErrorContext(response.responseCode(), response.status(), null, request), null);
            }
            return value;
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new SnapProtocolException("the answer to " + request + " is not the expected "
                    + type.getSimpleName() + " (" + describe(e) + ")",
                    new ErrorContext(response.responseCode(), response.status(), null, request), null);
        }
    }

    /** Reads a tree, for lenient parsing. */
    public static JsonNode tree(byte[] body) throws java.io.IOException {
        return MAPPER.readTree(body);
    }

    /** The kind of JSON problem and where, never the offending text. */
    public static String describe(Exception e) {
        if (e instanceof JsonProcessingException j && j.getLocation() != null) {
            String field = j instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()
                    ? " at field " + m.getPathReference().replaceAll("[^\\x20-\\x7e]", "?") : "";
            return j.getClass().getSimpleName() + field + ", line " + j.getLocation().getLineNr() + ", column "
                    + j.getLocation().getColumnNr();
        }
        return e.getClass().getSimpleName();
    }
}
