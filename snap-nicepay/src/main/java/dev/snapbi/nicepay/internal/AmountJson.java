package dev.snapbi.nicepay.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.nicepay.model.Amount;

import java.io.IOException;

/** {@link Amount} as SNAP writes it: {@code {"value":"10000.00","currency":"IDR"}}. */
final class AmountJson {

    private AmountJson() {
    }

    static final class Serializer extends JsonSerializer<Amount> {
        @Override
        public void serialize(Amount amount, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeStartObject();
            out.writeStringField("value", amount.valueText());
            out.writeStringField("currency", amount.currency());
            out.writeEndObject();
        }
    }

    /** Reads an answer's amount; one that is not acceptable is a parse failure (a protocol error), never a setting. */
    static final class Deserializer extends JsonDeserializer<Amount> {
        @Override
        public Amount deserialize(JsonParser in, DeserializationContext context) throws IOException {
            JsonNode node = context.readTree(in); // not readValueAsTree: that one checks for trailing tokens
            if (node == null || !node.isObject()) {
                return context.reportInputMismatch(Amount.class, "an amount is an object {value, currency}");
            }
            JsonNode value = node.get("value");
            JsonNode currency = node.get("currency");
            String valueText = value == null || value.isNull() ? null : value.isNumber() ? value.decimalValue()
                    .toPlainString() : value.isTextual() ? value.textValue() : null;
            String currencyText = currency == null || !currency.isTextual() ? null : currency.textValue();
            try {
                return Amount.of(valueText, currencyText);
            } catch (SnapConfigurationException e) {
                return context.reportInputMismatch(Amount.class, "not a SNAP amount");
            }
        }
    }
}
