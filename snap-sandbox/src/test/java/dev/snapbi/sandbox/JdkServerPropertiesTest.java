package dev.snapbi.sandbox;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two JVM-wide properties of the JDK's HTTP server that the sandbox needs ({@code sun.net.httpserver.nodelay},
 * {@code sun.net.httpserver.maxReqTime}) are set when a sandbox starts, not when its class loads, and never over a
 * value the user chose. Each case runs in a fresh JVM, since a property once set stays set for the whole JVM.
 */
class JdkServerPropertiesTest {

    /** Prints the two properties after loading {@link SnapSandbox}, then after starting one. Run in a child JVM. */
    public static void main(String[] args) throws ClassNotFoundException {
        Class.forName(SnapSandbox.class.getName(), true, JdkServerPropertiesTest.class.getClassLoader());
        System.out.println("loaded: " + properties());
        try (SnapSandbox sandbox = SnapSandbox.start()) {
            System.out.println("started: " + properties());
        }
    }

    private static String properties() {
        return System.getProperty("sun.net.httpserver.nodelay") + " "
                + System.getProperty("sun.net.httpserver.maxReqTime");
    }

    @Test
    void loading_the_class_sets_nothing_and_starting_a_sandbox_sets_nodelay_and_a_request_deadline() throws Exception {
        assertThat(childJvm()).containsExactly("loaded: null null", "started: true 10");
    }

    @Test
    void starting_a_sandbox_keeps_the_values_the_user_chose() throws Exception {
        assertThat(childJvm("-Dsun.net.httpserver.nodelay=false", "-Dsun.net.httpserver.maxReqTime=3"))
                .containsExactly("loaded: false 3", "started: false 3");
    }

    private static List<String> childJvm(String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(options));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), JdkServerPropertiesTest.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        // a safety net only: the child ends as soon as it has printed
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ended).as(output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines().toList();
    }
}
