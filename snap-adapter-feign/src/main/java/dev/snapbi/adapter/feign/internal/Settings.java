package dev.snapbi.adapter.feign.internal;

import dev.snapbi.domain.error.SnapConfigurationException;

import java.time.Duration;

/**
 * The one rule every builder of this adapter follows: a setting given as {@code null} or out of range is a
 * {@link SnapConfigurationException} naming the setting, thrown where it is given.
 */
public final class Settings {

    /** The longest timeout accepted: one day. */
    public static final Duration MAX_TIMEOUT = Duration.ofDays(1);
    /** The smallest body size limit accepted: 1 KiB. */
    public static final int MIN_BODY_BYTES = 1024;
    /** The largest body size limit accepted: 64 MiB. */
    public static final int MAX_BODY_BYTES = 64 * 1024 * 1024;

    private Settings() {
    }

    /** The value, or a {@link SnapConfigurationException} naming the setting when it is {@code null}. */
    public static <T> T required(T value, String setting) {
        if (value == null) {
            throw new SnapConfigurationException(setting + " must not be null");
        }
        return value;
    }

    /** A timeout from 1 ms to one day, else a {@link SnapConfigurationException} naming the setting. */
    public static Duration timeout(Duration value, String setting) {
        required(value, setting);
        if (value.isNegative() || value.compareTo(Duration.ofMillis(1)) < 0 || value.compareTo(MAX_TIMEOUT) > 0) {
            throw new SnapConfigurationException(setting + " must be from 1 ms to 24 h, got " + describe(value));
        }
        return value;
    }

    /** A body size limit from 1 KiB to 64 MiB, else a {@link SnapConfigurationException} naming the setting. */
    public static int bodyLimit(int bytes, String setting) {
        if (bytes < MIN_BODY_BYTES || bytes > MAX_BODY_BYTES) {
            throw new SnapConfigurationException(setting + " must be from " + MIN_BODY_BYTES + " bytes (1 KiB) to "
                    + MAX_BODY_BYTES + " bytes (64 MiB), got " + bytes);
        }
        return bytes;
    }

    /** An attempt count of at least 1 (and at most 100), else a {@link SnapConfigurationException}. */
    public static int attempts(int attempts, String setting) {
        if (attempts < 1 || attempts > 100) {
            throw new SnapConfigurationException(setting + " must be from 1 to 100, got " + attempts);
        }
        return attempts;
    }

    private static String describe(Duration d) {
        return d.getSeconds() > MAX_TIMEOUT.getSeconds() * 1000 ? d.getSeconds() + " s" : d.toString();
    }
}
