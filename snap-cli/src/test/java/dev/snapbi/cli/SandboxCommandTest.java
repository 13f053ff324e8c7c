package dev.snapbi.cli;

import dev.snapbi.sandbox.SnapSandboxMain;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code snap-cli sandbox} is the standalone sandbox's command line: the same flags, help and exit codes. */
class SandboxCommandTest {

    @Test
    void shows_the_standalone_sandboxs_usage_for_help() {
        StringWriter standalone = new StringWriter();
        SnapSandboxMain.run(new String[] {"--help"}, new PrintWriter(standalone, true),
                new PrintWriter(new StringWriter()), name -> null, stop -> { });

        CliRun help = CliRun.run("sandbox", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).isEqualTo(standalone.toString()).contains("--client-secret").contains("Exit codes");
    }

    @Test
    void refuses_a_bad_flag_with_exit_2_and_the_same_message_as_the_standalone_jar() {
        CliRun bogus = CliRun.run(Map.of(), "sandbox", "--client", "K=key.pem");

        assertThat(bogus.exitCode()).isEqualTo(2);
        assertThat(bogus.err()).startsWith("snap-sandbox: unknown option --client");
        CliRun unpaired = CliRun.run(Map.of(), "sandbox", "--client-key", "K");
        assertThat(unpaired.exitCode()).isEqualTo(2);
        assertThat(unpaired.err()).startsWith("snap-sandbox: give every --client-key its --public-key FILE");
    }
}
