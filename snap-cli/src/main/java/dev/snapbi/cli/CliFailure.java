package dev.snapbi.cli;

/**
 * An error the CLI explains itself, in one line that points to the fix, with its exit code. The library's typed
 * errors say what went wrong for any caller; this says it for someone typing options.
 */
final class CliFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    CliFailure(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
