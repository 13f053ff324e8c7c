package dev.snapbi.reliability;

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
import java.util.stream.Collectors;

/**
 * Every log event of the JVM, at every level down to TRACE, kept in memory until {@link #close()}: the root logger and
 * every logger that has a level of its own are set to TRACE meanwhile (and put back afterwards). The domain's
 * {@code System.Logger} calls arrive here too, through slf4j-jdk-platform-logging. The root logger's own appenders (the
 * console) are detached meanwhile: the scenarios fail on purpose and their warnings are expected.
 */
final class LogCapture implements AutoCloseable {

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Map<Logger, Level> previousLevels = new HashMap<>();
    private final List<Appender<ILoggingEvent>> consoleAppenders = new ArrayList<>();
    private final Logger root;

    private LogCapture() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        for (Logger logger : context.getLoggerList()) {
            if (logger.getLevel() != null) {
                previousLevels.put(logger, logger.getLevel());
                logger.setLevel(Level.TRACE);
            }
        }
        root.setLevel(Level.TRACE);
        // the configured appenders (the console) would print the expected failures' warnings meanwhile
        root.iteratorForAppenders().forEachRemaining(consoleAppenders::add);
        consoleAppenders.forEach(root::detachAppender);
        appender.setContext(context);
        appender.start();
        root.addAppender(appender);
    }

    /** Starts capturing. */
    static LogCapture everythingAtTrace() {
        return new LogCapture();
    }

    /** Every event so far: logger, level, formatted message and any throwable with its causes and suppressed. */
    String text() {
        List<ILoggingEvent> events;
        synchronized (appender) {
            events = List.copyOf(appender.list);
        }
        return events.stream().map(LogCapture::text).collect(Collectors.joining("\n"));
    }

    /** How many events were captured. */
    int size() {
        synchronized (appender) {
            return appender.list.size();
        }
    }

    private static String text(ILoggingEvent event) {
        String line = event.getLevel() + " " + event.getLoggerName() + " - " + event.getFormattedMessage();
        return event.getThrowableProxy() == null ? line
                : line + "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy());
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
        consoleAppenders.forEach(root::addAppender);
        previousLevels.forEach(Logger::setLevel);
        root.setLevel(previousLevels.getOrDefault(root, Level.WARN));
    }
}
