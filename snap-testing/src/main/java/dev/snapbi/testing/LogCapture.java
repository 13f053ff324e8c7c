package dev.snapbi.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Log events kept in memory until {@link #close()}, for tests that check what the library logs (and that no secret is
 * in it). Needs Logback as the SLF4J binding on the test classpath (this artifact declares it {@code provided}); the
 * library's {@code System.Logger} calls arrive too when {@code slf4j-jdk-platform-logging} is there.
 * <pre>{@code
 * try (LogCapture logs = LogCapture.of(AccessTokenService.class)) {
 *     ...
 *     assertThat(logs.warnings()).noneMatch(line -> line.contains(token));
 * }
 * }</pre>
 */
public final class LogCapture implements AutoCloseable {

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger logger;
    private final Map<Logger, Level> previousLevels = new HashMap<>();
    private final List<Appender<ILoggingEvent>> detached = new ArrayList<>();
    private final boolean everything;

    private LogCapture(Logger logger, boolean everything) {
        this.logger = logger;
        this.everything = everything;
        LoggerContext context = logger.getLoggerContext();
        if (everything) {
            for (Logger l : context.getLoggerList()) {
                if (l.getLevel() != null) {
                    previousLevels.put(l, l.getLevel());
                    l.setLevel(Level.TRACE);
                }
            }
            logger.setLevel(Level.TRACE);
            // the configured appenders (the console) would print the expected failures' warnings meanwhile
            logger.iteratorForAppenders().forEachRemaining(detached::add);
            detached.forEach(logger::detachAppender);
        }
        appender.setContext(context);
        appender.start();
        logger.addAppender(appender);
    }

    /** Captures what the logger named after {@code type} logs, at the levels it is configured for. */
    public static LogCapture of(Class<?> type) {
        return new LogCapture(logback(LoggerFactory.getLogger(Objects.requireNonNull(type, "type"))), false);
    }

    /**
     * Captures every event of the JVM down to TRACE: the root logger and every logger with a level of its own are set
     * to TRACE until {@link #close()}, and the root logger's own appenders (the console) are detached meanwhile.
     */
    public static LogCapture everythingAtTrace() {
        return new LogCapture(logback(LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)), true);
    }

    private static Logger logback(org.slf4j.Logger logger) {
        if (logger instanceof Logger logback) {
            return logback;
        }
        throw new IllegalStateException("LogCapture needs Logback (ch.qos.logback:logback-classic) as the SLF4J"
                + " binding on the test classpath; found " + LoggerFactory.getILoggerFactory().getClass().getName());
    }

    /** The formatted messages so far, at every level, oldest first. */
    public List<String> messages() {
        return events().stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.toList());
    }

    /** The formatted messages logged at WARN so far. */
    public List<String> warnings() {
        return events().stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage)
                .collect(Collectors.toList());
    }

    /** Every event so far, one per line: level, logger, message, and any throwable with its causes and suppressed. */
    public String text() {
        return events().stream().map(LogCapture::text).collect(Collectors.joining("\n"));
    }

    /** How many events were captured. */
    public int size() {
        return events().size();
    }

    private List<ILoggingEvent> events() {
        synchronized (appender) {
            return List.copyOf(appender.list);
        }
    }

    private static String text(ILoggingEvent event) {
        String line = event.getLevel() + " " + event.getLoggerName() + " - " + event.getFormattedMessage();
        return event.getThrowableProxy() == null ? line
                : line + "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy());
    }

    /** Stops capturing and puts levels and appenders back. */
    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
        if (everything) {
            detached.forEach(logger::addAppender);
            previousLevels.forEach(Logger::setLevel);
            logger.setLevel(previousLevels.getOrDefault(logger, Level.WARN));
        }
    }
}
