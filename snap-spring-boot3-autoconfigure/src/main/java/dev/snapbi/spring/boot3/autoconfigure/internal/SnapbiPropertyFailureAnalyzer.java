package dev.snapbi.spring.boot3.autoconfigure.internal;

import dev.snapbi.spring.boot3.autoconfigure.SnapbiPropertyException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Prints a wrong {@code snapbi.nicepay.*} property as the reason the application did not start (property, problem,
 * fix) instead of a stack of bean creation errors. The cause is not passed on: its message is ours and complete.
 */
public final class SnapbiPropertyFailureAnalyzer extends AbstractFailureAnalyzer<SnapbiPropertyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SnapbiPropertyException cause) {
        return new FailureAnalysis("NICEPAY SNAP is not configured correctly: property " + cause.property() + ": "
                + cause.problem() + ".", cause.action(), null);
    }
}
