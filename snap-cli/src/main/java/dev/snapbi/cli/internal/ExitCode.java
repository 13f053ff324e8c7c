package dev.snapbi.cli.internal;

import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.error.SnapException;
import dev.snapbi.domain.error.SnapOutcomeUnknownException;
import dev.snapbi.domain.error.SnapProtocolException;
import dev.snapbi.domain.error.SnapRejectedException;
import dev.snapbi.domain.error.SnapUnavailableException;

/** The CLI's exit codes, documented in --help and the README. */
public final class ExitCode {
    /** Success. */
    public static final int OK = 0;
    /** {@code verify} found the signature invalid. */
    public static final int INVALID_SIGNATURE = 1;
    /** Usage or configuration error: bad option, unreadable or malformed key, missing file. */
    public static final int USAGE = 2;
    /** Rejected by the server (4xx). */
    public static final int REJECTED = 3;
    /** Server unavailable: 5xx, 429, timeout, connection failure, circuit open. */
    public static final int UNAVAILABLE = 4;
    /** Protocol violation: malformed or oversized answer. */
    public static final int PROTOCOL = 5;

    /** The text shown under "Exit codes" in every command's help. */
    public static final String HELP = "%nExit codes:%n"
            + "  0  success%n"
            + "  1  verify: the signature is invalid%n"
            + "  2  usage or configuration error (bad option, unreadable or malformed key, missing file)%n"
            + "  3  rejected by the server (4xx)%n"
            + "  4  server unavailable (5xx, 429, timeout, connection failure, circuit open)%n"
            + "  5  protocol violation (malformed or oversized answer)";

    private ExitCode() {
    }

    /** The exit code for a typed error. */
    public static int of(SnapException e) {
        if (e instanceof SnapRejectedException) {
            return REJECTED;
        }
        if (e instanceof SnapUnavailableException || e instanceof SnapOutcomeUnknownException) {
            return UNAVAILABLE; // no final answer (5xx, timeout): the same exit as today, never retried by the CLI
        }
        if (e instanceof SnapProtocolException) {
            return PROTOCOL;
        }
        if (e instanceof SnapConfigurationException) {
            return USAGE;
        }
        return PROTOCOL;
    }
}
