package dev.snapbi.spring.boot3.autoconfigure.internal;

import dev.snapbi.domain.error.SnapConfigurationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Prints a wrong {@code snapbi.*} property (a {@link SnapConfigurationException} naming the property) as the reason
 * the application did not start (property, problem, fix) instead of a stack of bean creation errors. The cause is not
 * passed on: its message is ours and complete. Other configuration errors are left to Boot's default report.
 */
public final class SnapbiPropertyFailureAnalyzer extends AbstractFailureAnalyzer<SnapConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SnapConfigurationException cause) {
        String property = cause.setting().filter(s -> s.startsWith("snapbi.")).orElse(null);
        if (property == null) {
            return null;
        }
        return new FailureAnalysis("NICEPAY SNAP is not configured correctly: property " + property + ": "
                + cause.problem() + ".", cause.fix().orElseThrow(), null);
    }
}
