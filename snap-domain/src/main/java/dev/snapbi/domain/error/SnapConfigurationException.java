package dev.snapbi.domain.error;

import java.util.Objects;
import java.util.Optional;

/**
 * A local setting is wrong: an unreadable or malformed key, a wrong key password, a blank client key, an invalid
 * option. Raised before anything is sent; the message says what was found and what is expected. When one named
 * setting is at fault (a property such as {@code snapbi.nicepay.private-key}, a command-line option), it is made with
 * {@link #forSetting} and names the setting, the problem and the fix separately.
 */
public final class SnapConfigurationException extends SnapException {

    private static final long serialVersionUID = 1L;

    private final String setting;
    private final String problem;
    private final String fix;

    /** Creates the error. */
    public SnapConfigurationException(String message) {
        this(message, null);
    }

    /** Creates the error with the cause; the cause must not carry secrets in its message either. */
    public SnapConfigurationException(String message, Throwable cause) {
        super(message, ErrorContext.NONE, cause);
        this.setting = null;
        this.problem = message;
        this.fix = null;
    }

    private SnapConfigurationException(String setting, String problem, String fix) {
        super(setting + ": " + problem + ". " + fix, ErrorContext.NONE, null);
        this.setting = setting;
        this.problem = problem;
        this.fix = fix;
    }

    /**
     * The error of one named setting; its message is {@code "<setting>: <problem>. <fix>"}. Neither part may hold
     * key material or a secret's value.
     *
     * @param setting the setting's full name, e.g. {@code snapbi.nicepay.private-key}
     * @param problem what is wrong with it, e.g. {@code is missing}
     * @param fix     what to do, as a sentence
     * @return the error, to throw
     */
    public static SnapConfigurationException forSetting(String setting, String problem, String fix) {
        return new SnapConfigurationException(Objects.requireNonNull(setting, "setting"),
                Objects.requireNonNull(problem, "problem"), Objects.requireNonNull(fix, "fix"));
    }

    /** The full name of the setting at fault, when the error is about one named setting. */
    public Optional<String> setting() {
        return Optional.ofNullable(setting);
    }

    /** What is wrong: for a named setting without its name and the fix, else the whole message. */
    public String problem() {
        return problem;
    }

    /** What to do, when the error is about one named setting (else the message says it). */
    public Optional<String> fix() {
        return Optional.ofNullable(fix);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
