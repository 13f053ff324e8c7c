package dev.snapbi.crypto.testing;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions that no key material leaks into exception messages. */
public final class KeyAssertions {

    private static final int WINDOW = 16;

    private KeyAssertions() {
    }

    /**
     * Asserts that neither the message nor the {@code toString()} of {@code error} or of any of its causes contains
     * any line of the key's Base64, nor any 16-character stretch of it (so a re-wrapped line cannot slip through).
     *
     * @param keyText the key as PEM or bare Base64
     */
    public static void assertNoKeyMaterial(Throwable error, String keyText) {
        StringBuilder body = new StringBuilder();
        java.util.List<String> lines = new java.util.ArrayList<>();
        for (String line : keyText.split("\\R")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("-----") || l.contains(":")) {
                continue;
            }
            lines.add(l);
            body.append(l);
        }
        assertThat(body.length()).as("the key text has a Base64 body to look for").isGreaterThan(WINDOW);
        for (Throwable t = error; t != null; t = t.getCause()) {
            String text = t.getMessage() + "\n" + t;
            for (String line : lines) {
                if (line.length() >= 8) {
                    assertThat(text).as("a line of the key in " + t.getClass().getSimpleName()).doesNotContain(line);
                }
            }
            for (int i = 0; i + WINDOW <= body.length(); i++) {
                String window = body.substring(i, i + WINDOW);
                if (text.contains(window)) {
                    throw new AssertionError("key material (Base64 at offset " + i + ") in the message of "
                            + t.getClass().getName() + ": " + t.getMessage());
                }
            }
        }
    }
}
