package dev.snapbi.contract.compat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user's project on JUnit 5.9: two test classes as a user writes them (the token TCK extended for their adapter, and
 * a test with the sandbox extension, {@code ManualClock}, {@code SandboxSigners} and {@code LogCapture}) are compiled
 * against snap-testing and JUnit 5.9.3 only, then run by JUnit's 5.9.3 console launcher in a child JVM whose class
 * path holds no other JUnit. snap-testing declares JUnit {@code provided}, so nothing of the build's own JUnit (5.14)
 * may be needed; if it were, the run would fail as users' runs did ({@code NoSuchMethodError}, {@code Tests run: 0}).
 * The console jar is copied to {@code target/junit-5.9} by the POM.
 */
class JUnit59CompatibilityTest {

    private static final List<String> USER_TESTS = List.of("UserTokenEndpointContractTest", "UserSandboxTest");
    /** The TCK's 16 tests and the user's own 2. */
    private static final int EXPECTED_TESTS = 18;

    @TempDir
    Path project;

    @Test
    void a_user_project_on_junit_5_9_compiles_against_snap_testing_and_all_its_tests_pass() throws Exception {
        Path console = Path.of(System.getProperty("snapbi.junit59.console",
                "target/junit-5.9/junit-platform-console-standalone.jar"));
        assertThat(console).as("copied by maven-dependency-plugin in generate-test-resources").isRegularFile();
        List<String> classPath = userClassPath();
        assertThat(classPath).as("the test class path without JUnit").anyMatch(e -> e.contains("snap-testing"))
                .noneMatch(e -> e.contains("/org/junit/"));

        Path classes = Files.createDirectories(project.resolve("test-classes"));
        compile(classes, classPath, console);
        Files.writeString(classes.resolve("logback-test.xml"), "<configuration><root level=\"OFF\"/></configuration>");

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", console.toString(), "--disable-banner", "--details=summary", "--fail-if-no-tests",
                "--class-path", classes + File.pathSeparator + String.join(File.pathSeparator, classPath)));
        USER_TESTS.forEach(name -> command.addAll(List.of("--select-class", name)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the child JUnit run ended").isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(count(output, "tests successful")).as(output).isEqualTo(EXPECTED_TESTS);
        assertThat(count(output, "tests failed")).as(output).isZero();
    }

    /** The build's test class path minus every JUnit, opentest4j and apiguardian jar and minus this module's tests. */
    private static List<String> userClassPath() {
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(path.split(File.pathSeparator)).filter(e -> !e.isBlank())
                .filter(e -> !e.replace('\\', '/').matches(".*/org/(junit|opentest4j|apiguardian)/.*"))
                .filter(e -> !e.replace('\\', '/').endsWith("snap-contract-tests/target/test-classes"))
                .collect(Collectors.toList());
    }

    private static void compile(Path classes, List<String> classPath, Path console) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Path sources = Path.of(System.getProperty("snapbi.junit59.sources", "src/test/resources/junit59-user-project"));
        List<File> files = USER_TESTS.stream().map(n -> sources.resolve(n + ".java").toFile()).toList();
        try (StandardJavaFileManager files0 = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", "17", "-d", classes.toString(), "-classpath",
                    console + File.pathSeparator + String.join(File.pathSeparator, classPath));
            boolean ok = javac.getTask(null, files0, diagnostics, options, null, files0.getJavaFileObjectsFromFiles(files))
                    .call();
            assertThat(ok).as("compiling the user's tests against JUnit 5.9.3: %s", diagnostics.getDiagnostics())
                    .isTrue();
        }
    }

    private static int count(String output, String label) {
        Matcher m = Pattern.compile("\\[\\s*(\\d+) " + label + "\\s*]").matcher(output);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }
}
