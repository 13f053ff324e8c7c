package dev.snapbi.spring.boot3.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code snapbi.nicepay.*} properties: one merchant at the top level, or several under
 * {@code snapbi.nicepay.clients.<name>.*} (each client takes what it does not set from the top level). Checked when
 * the application starts; a wrong or missing value stops it with a message naming the property and the fix, never
 * the key material.
 * <pre>
 * snapbi.nicepay.environment=development
 * snapbi.nicepay.client-key=IONPAYTEST
 * snapbi.nicepay.private-key=file:/etc/nicepay/private.pem
 * snapbi.nicepay.client-secret=${NICEPAY_CLIENT_SECRET}
 * </pre>
 */
@ConfigurationProperties(SnapbiNicepayProperties.PREFIX)
public class SnapbiNicepayProperties extends NicepayMerchantProperties {

    /** The prefix of every property. */
    public static final String PREFIX = "snapbi.nicepay";

    /** Whether to configure NICEPAY clients at all. */
    private boolean enabled = true;

    /** Several merchants or environments, one client each, injectable by {@code @Qualifier("<name>")}. */
    private final Map<String, NicepayMerchantProperties> clients = new LinkedHashMap<>();

    /** Whether to configure NICEPAY clients at all. */
    public boolean isEnabled() {
        return enabled;
    }

    /** Whether to configure NICEPAY clients at all. */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** Several merchants or environments by name. */
    public Map<String, NicepayMerchantProperties> getClients() {
        return clients;
    }
}
