package dev.snapbi.cli;

import dev.snapbi.cache.redis.testing.RedisServerExtension;
import dev.snapbi.crypto.GeneratedKeyPair;
import dev.snapbi.crypto.RsaKeyPairs;
import dev.snapbi.sandbox.SnapSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code token --redis URI}: the shared store a fleet uses, against a real redis-server. */
class TokenCommandRedisTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static SnapSandbox sandbox;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        sandbox = SnapSandbox.start();
        GeneratedKeyPair keys = RsaKeyPairs.generate(2048);
        sandbox.registerClient("IONPAYTEST", keys.publicKey());
        keys.writeTo(dir);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void resetStats() {
        sandbox.resetStats();
    }

    @Test
    void with_redis_the_first_run_fetches_and_shares_and_the_next_adopts_the_shared_token() {
        Map<String, String> env = Map.of("SNAP_REDIS_SECRET", "the fleet's sealing secret");
        String[] args = {"token", "--base-url", sandbox.baseUrl().toString(), "--client-key", "IONPAYTEST",
                "--private-key", dir.resolve("private.pem").toString(), "--redis", REDIS.uri()};
        CliRun first = CliRun.run(env, args);
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.json("source")).isEqualTo("fetched");
        assertThat(first.json("redis")).isEqualTo("RedisTokenCache[" + REDIS.uri() + "]");
        CliRun second = CliRun.run(env, args);
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.json("source")).isEqualTo("adopted");
        assertThat(second.json("accessToken")).isEqualTo(first.json("accessToken"));
        assertThat(sandbox.stats().tokenRequests()).isEqualTo(1);

        CliRun noSecret = CliRun.run(args);
        assertThat(noSecret.exitCode()).isEqualTo(2);
        assertThat(noSecret.err()).contains("SNAP_REDIS_SECRET");
    }

    @Test
    void with_redis_down_the_token_is_fetched_anyway_and_the_json_says_so() {
        Map<String, String> env = Map.of("SNAP_REDIS_SECRET", "the fleet's sealing secret");
        CliRun run = CliRun.run(env, "token", "--base-url", sandbox.baseUrl().toString(), "--client-key",
                "IONPAYTEST", "--private-key", dir.resolve("private.pem").toString(), "--redis",
                "redis://127.0.0.1:1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.json("source")).startsWith("fetched (Redis unavailable");
        assertThat(sandbox.stats().tokensIssued()).isEqualTo(1);
    }
}
