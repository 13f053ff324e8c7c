package dev.snapbi.spring.boot3.autoconfigure.internal;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

import java.util.Map;
import java.util.Set;

/** Conditions on the shape of the {@code snapbi.nicepay.*} configuration. */
public final class NicepayConditions {

    /** {@code SnapbiNicepayProperties.PREFIX}, spelt out: internal code does not reach back into the public package. */
    private static final String P = "snapbi.nicepay";

    private NicepayConditions() {
    }

    /** The names under {@code snapbi.nicepay.clients}, in order. */
    public static Set<String> clientNames(Environment environment) {
        return Binder.get(environment).bind(P + ".clients", Bindable.mapOf(String.class, Object.class))
                .map(Map::keySet).orElse(Set.of());
    }

    static boolean singleConfigured(Environment environment) {
        for (String key : new String[] {"client-key", "private-key", "client-secret", "base-url"}) {
            if (environment.containsProperty(P + "." + key)) {
                return true;
            }
        }
        return false;
    }

    /** Some NICEPAY client is configured (a top-level setting or a named client). */
    public static final class Configured extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Environment env = context.getEnvironment();
            if (singleConfigured(env) || !clientNames(env).isEmpty()) {
                return ConditionOutcome.match("snapbi.nicepay client properties are set");
            }
            return ConditionOutcome.noMatch("no snapbi.nicepay.client-key, private-key, client-secret or clients.*");
        }
    }

    /** The single-merchant form: no {@code snapbi.nicepay.clients.*}. */
    public static final class Single extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Environment env = context.getEnvironment();
            if (clientNames(env).isEmpty() && singleConfigured(env)) {
                return ConditionOutcome.match("one NICEPAY client at snapbi.nicepay");
            }
            return ConditionOutcome.noMatch("snapbi.nicepay.clients.* is set, or nothing is");
        }
    }
}
