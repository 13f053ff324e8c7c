package dev.snapbi.reliability;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises one logger's threshold for the length of a test: the token service logs every failed fetch at WARN, and the
 * tests that fail fetches on purpose would fill the build log with them.
 */
final class QuietLog implements AutoCloseable {

    private final Logger logger;
    private final Level previous;

    private QuietLog(Class<?> owner) {
        logger = (Logger) LoggerFactory.getLogger(owner);
        previous = logger.getLevel();
        logger.setLevel(Level.ERROR);
    }

    /** Only errors from {@code owner}'s logger until {@link #close()}. */
    static QuietLog errorsOnly(Class<?> owner) {
        return new QuietLog(owner);
    }

    @Override
    public void close() {
        logger.setLevel(previous);
    }
}
