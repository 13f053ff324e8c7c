package dev.snapbi.cli;

import picocli.CommandLine.Option;

/**
 * {@code --verbose} of the commands whose only use of it is a stack trace on errors; {@link SnapCli} reads it from
 * the parse result. A picocli mixin.
 */
final class VerboseOption {

    @Option(names = "--verbose", description = "stack traces on errors")
    private boolean verbose;
}
