package dev.snapbi.cache.redis;

import dev.snapbi.cache.redis.testing.FleetMember;
import dev.snapbi.cache.redis.testing.RedisServerExtension;
import dev.snapbi.sandbox.SandboxClient;
import dev.snapbi.sandbox.SnapSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three replicas in three JVM processes (started together) share one token through Redis: one fetch per expiry cycle
 * between them, from the very first token on, and none of them ever uses an expired token.
 */
@Timeout(300)
class MultiProcessFleetTest {

    private static final int LIFETIME_SECONDS = 6; // a cold JVM's first fetch takes seconds on a loaded 2-core machine
    private static final Duration CYCLE = Duration.ofSeconds(LIFETIME_SECONDS).dividedBy(2);
    private static final Pattern RESULT = Pattern.compile(
            "RESULT handed=(\\d+) expired=(\\d+) fetched=(\\d+) adopted=(\\d+) failure=(\\S+)");

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    @TempDir
    Path dir;

    @Test
    void three_processes_make_one_token_request_per_cycle_between_them_over_12_cycles() throws Exception {
        int cycles = 12;
        try (SnapSandbox sandbox = SnapSandbox.builder().tokenLifetime(Duration.ofSeconds(LIFETIME_SECONDS))
                .start()) {
            SandboxClient client = sandbox.registerNewClient("FLEET-PROCESSES");
            Path key = dir.resolve("client.pem");
            Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64,
                    new byte[]{'\n'}).encodeToString(client.privateKey().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n", StandardCharsets.US_ASCII);
            String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            long startAt = System.currentTimeMillis() + 8000; // JVM start-up on busy cores takes a while
            long runMillis = CYCLE.multipliedBy(cycles).toMillis();
            List<Process> processes = new ArrayList<>();
            List<Path> outputs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Path out = dir.resolve("member-" + i + ".log");
                outputs.add(out);
                processes.add(new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", classpath,
                        FleetMember.class.getName(), sandbox.baseUrl().toString(), client.clientKey(),
                        key.toString(), client.clientSecret(), REDIS.uri(), Long.toString(startAt),
                        Long.toString(runMillis))
                        .redirectErrorStream(true).redirectOutput(out.toFile()).start());
            }
            for (Process p : processes) {
                assertThat(p.waitFor(200, TimeUnit.SECONDS)).as("member finished").isTrue();
            }
            long requests = sandbox.stats().tokenRequests();
            long fetched = 0;
            long adopted = 0;
            for (Path out : outputs) {
                String text = Files.readString(out);
                System.out.println("--- " + out.getFileName() + "\n" + text);
                Matcher m = RESULT.matcher(text);
                assertThat(m.find()).as("result line in %s:%n%s", out, text).isTrue();
                assertThat(m.group(5)).as("failure in a member:%n%s", text).isEqualTo("none");
                assertThat(Long.parseLong(m.group(2))).as("expired tokens used by a member").isZero();
                assertThat(Long.parseLong(m.group(1))).isPositive();
                fetched += Long.parseLong(m.group(3));
                adopted += Long.parseLong(m.group(4));
            }
            assertThat(fetched).isEqualTo(requests);
            assertThat(requests).as("token requests over %d cycles, 3 processes", cycles)
                    .isLessThanOrEqualTo(cycles + 2);
            assertThat(adopted).isGreaterThanOrEqualTo(requests);
            System.out.printf("3 processes: %d cycles, %d token requests, %d adoptions%n", cycles, requests,
                    adopted);
        }
    }

}
