package dev.snapbi.benchmarks;

/** Pretty-printed JSON request bodies of an exact size, shaped like a SNAP virtual-account request. */
final class JsonBodies {

    private static final String CLOSE = "\n  ],\n  \"note\": \"\"\n}";

    private JsonBodies() {
    }

    /**
     * A pretty-printed JSON object of exactly {@code bytes} bytes (ASCII): a list of line items, then a {@code note}
     * string padded to the size.
     *
     * @throws IllegalArgumentException when {@code bytes} is too small for the skeleton
     */
    static String pretty(int bytes) {
        StringBuilder json = new StringBuilder(bytes);
        json.append("{\n  \"partnerServiceId\": \"   1234\",\n  \"trxId\": \"INV-2024-000001\",\n")
                .append("  \"totalAmount\": {\n    \"value\": \"10000.00\",\n    \"currency\": \"IDR\"\n  },\n")
                .append("  \"items\": [");
        int item = 0;
        while (true) {
            String next = (item == 0 ? "\n" : ",\n") + item(item);
            if (json.length() + next.length() + CLOSE.length() > bytes) {
                break;
            }
            json.append(next);
            item++;
        }
        int padding = bytes - json.length() - CLOSE.length();
        if (padding < 0) {
            throw new IllegalArgumentException(bytes + " bytes is too small for a body; at least "
                    + (json.length() + CLOSE.length()));
        }
        json.append(CLOSE, 0, CLOSE.length() - 3);
        json.append("x".repeat(padding));
        json.append("\"\n}");
        return json.toString();
    }

    private static String item(int n) {
        return "    {\n      \"sku\": \"SKU-" + (100000 + n) + "\",\n      \"name\": \"Item n\\u00b0" + n
                + " \\/ blue\",\n      \"quantity\": " + (n % 7 + 1) + ",\n      \"price\": 12500.50\n    }";
    }
}
