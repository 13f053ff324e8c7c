package dev.snapbi.spring.boot3.autoconfigure;

import java.util.Objects;

/**
 * A {@code snapbi.nicepay.*} property is missing or wrong: thrown while the application starts, before anything is
 * sent. Names the property and says how to fix it; never holds key material or a secret. Spring Boot's failure
 * analysis prints it as the reason the application did not start.
 */
public final class SnapbiPropertyException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String property;
    private final String problem;
    private final String action;

    /**
     * @param property the full property name, e.g. {@code snapbi.nicepay.private-key}
     * @param problem  what is wrong, without the value when it is secret
     * @param action   what to do
     */
    public SnapbiPropertyException(String property, String problem, String action) {
        super(property + ": " + problem + ". " + action);
        this.property = Objects.requireNonNull(property, "property");
        this.problem = Objects.requireNonNull(problem, "problem");
        this.action = Objects.requireNonNull(action, "action");
    }

    /** The full property name. */
    public String property() {
        return property;
    }

    /** What is wrong. */
    public String problem() {
        return problem;
    }

    /** What to do. */
    public String action() {
        return action;
    }
}
