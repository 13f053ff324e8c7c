package dev.snapbi.crypto;

import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.json.CompactJson;

/**
 * The compact form of valid JSON: kept only so that code written against it still compiles; it delegates to
 * {@link CompactJson}, the project's one compact-JSON implementation (snap-domain, JDK only).
 *
 * @deprecated use {@link CompactJson#compact(String)}
 */
@Deprecated
public final class JsonMinifier {

    private JsonMinifier() {
    }

    /**
     * The compact form of {@code json}: {@link CompactJson#compact(String)}.
     *
     * @throws SnapConfigurationException when {@code json} is null, empty or not valid JSON
     * @deprecated use {@link CompactJson#compact(String)}
     */
    @Deprecated
    public static String minify(String json) {
        return CompactJson.compact(json);
    }
}
