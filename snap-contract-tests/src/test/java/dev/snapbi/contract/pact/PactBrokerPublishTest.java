package dev.snapbi.contract.pact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dev.snapbi.contract.pact.NicepaySnapPact.CONSUMER;
import static dev.snapbi.contract.pact.NicepaySnapPact.PROVIDER;
import static dev.snapbi.contract.pact.NicepaySnapPact.TOKEN_PATH;
import static dev.snapbi.contract.pact.NicepaySnapPact.VA_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Checks that the consumer tests wrote one pact holding every interaction (token, VA creation, typed services), then publishes it,
 * for real, with the Pact Maven plugin as this module's POM configures it
 * ({@code ./mvnw pact:publish} in a child process, the same wrapper and local repository as the build running this
 * test), to a {@link LoopbackPactBroker}, and checks what arrived: participants, version, branch, the pact itself and
 * the credentials. One run takes its settings from the {@code PACT_*} environment variables with a bearer token and
 * publishes to a current broker ({@code pb:publish-contracts}, which carries the branch); the other takes them from
 * {@code -D} properties with basic credentials and publishes to an older broker ({@code pb:publish-pact} only).
 * <p>
 * The child Maven runs offline ({@code -o}) first, which works whenever the plugin is in the local repository; only if
 * that fails to resolve the plugin does it run again online.
 */
@Tag("needs-pacts")
class PactBrokerPublishTest {

    private static final String PACT_FILE = CONSUMER + "-" + PROVIDER + ".json";
    /** The interactions of the one contract, by request path: those of the three consumer test classes (31). */
    private static final Map<String, Long> INTERACTIONS_BY_PATH = Map.ofEntries(Map.entry(TOKEN_PATH, 7L),
            Map.entry(VA_PATH, 7L), Map.entry(NicepaySnapPact.VA_STATUS_PATH, 2L),
            Map.entry(NicepaySnapPact.VA_DELETE_PATH, 1L), Map.entry(NicepaySnapPact.QRIS_GENERATE_PATH, 2L),
            Map.entry(NicepaySnapPact.QRIS_STATUS_PATH, 1L), Map.entry(NicepaySnapPact.QRIS_REFUND_PATH, 1L),
            Map.entry(NicepaySnapPact.EWALLET_PAYMENT_PATH, 2L), Map.entry(NicepaySnapPact.EWALLET_STATUS_PATH, 1L),
            Map.entry(NicepaySnapPact.EWALLET_REFUND_PATH, 1L),
            Map.entry(NicepaySnapPact.PAYOUT_REGISTRATION_PATH, 1L),
            Map.entry(NicepaySnapPact.PAYOUT_APPROVE_PATH, 1L), Map.entry(NicepaySnapPact.PAYOUT_INQUIRY_PATH, 1L),
            Map.entry(NicepaySnapPact.PAYOUT_CANCEL_PATH, 1L), Map.entry(NicepaySnapPact.PAYOUT_REJECT_PATH, 1L),
            Map.entry(NicepaySnapPact.BALANCE_PATH, 1L));
    private static final long CHILD_TIMEOUT_MINUTES = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path moduleDir;
    private static Path projectRoot;
    private static Path pactFile;

    @BeforeAll
    static void findTheProjectAndThePact() {
        moduleDir = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
        projectRoot = moduleDir.getParent();
        assertThat(projectRoot.resolve("mvnw")).as("the Maven wrapper of the project").isRegularFile();
        pactFile = Path.of(System.getProperty("pact.rootDir", moduleDir.resolve("target/pacts").toString()))
                .resolve(PACT_FILE);
        assertThat(pactFile).as("the pact written by the consumer tests (run them first)").isRegularFile();
    }

    @Test
    void the_consumer_tests_wrote_one_pact_with_the_token_and_the_va_interactions() throws IOException {
        try (Stream<Path> files = Files.list(pactFile.getParent())) {
            assertThat(files.map(f -> f.getFileName().toString())).as("the pacts pact:publish would send")
                    .containsExactly(PACT_FILE);
        }
        JsonNode pact = writtenPact();
        assertThat(pact.path("consumer").path("name").asText()).isEqualTo(CONSUMER);
        assertThat(pact.path("provider").path("name").asText()).isEqualTo(PROVIDER);
        assertThat(interactionsByPath(pact)).as("interactions by path").isEqualTo(INTERACTIONS_BY_PATH);
    }

    @Test
    void publishes_with_a_token_version_and_branch_taken_from_the_environment() throws Exception {
        try (LoopbackPactBroker broker = LoopbackPactBroker.start(true, "Bearer contract-test-token-4f2a")) {
            publish(List.of(), Map.of(
                    "PACT_BROKER_BASE_URL", broker.baseUrl().toString(),
                    "PACT_BROKER_TOKEN", "contract-test-token-4f2a",
                    "PACT_CONSUMER_VERSION", "1a2b3c4",
                    "PACT_CONSUMER_BRANCH", "feature/pact-publish"), "environment-token");

            assertThat(broker.requests()).as("requests the broker received")
                    .extracting(r -> r.method() + " " + r.path())
                    .containsExactly("GET /", "POST " + LoopbackPactBroker.PUBLISH_CONTRACTS_PATH);
            assertThat(broker.requests()).as("Authorization of every request")
                    .extracting(r -> r.header("Authorization")).containsOnly("Bearer contract-test-token-4f2a");

            JsonNode publication = JSON.readTree(broker.requests().get(1).body());
            assertThat(publication.path("pacticipantName").asText()).isEqualTo(CONSUMER);
            assertThat(publication.path("pacticipantVersionNumber").asText()).isEqualTo("1a2b3c4");
            assertThat(publication.path("branch").asText()).isEqualTo("feature/pact-publish");
            assertThat(publication.path("contracts")).hasSize(1);
            JsonNode contract = publication.path("contracts").get(0);
            assertThat(contract.path("consumerName").asText()).isEqualTo(CONSUMER);
            assertThat(contract.path("providerName").asText()).isEqualTo(PROVIDER);
            assertThat(contract.path("specification").asText()).isEqualTo("pact");
            JsonNode arrived = JSON.readTree(Base64.getDecoder().decode(contract.path("content").asText()));
            assertThat(arrived).as("the pact that arrived").isEqualTo(writtenPact());
            assertThat(interactionsByPath(arrived)).as("interactions that arrived, by path")
                    .isEqualTo(INTERACTIONS_BY_PATH);
        }
    }

    @Test
    void publishes_with_basic_credentials_and_a_version_given_as_properties_to_an_older_broker() throws Exception {
        String credentials = basic("ci-publisher", "s3cret-for-the-test");
        try (LoopbackPactBroker broker = LoopbackPactBroker.start(false, credentials)) {
            publish(List.of(
                    "-Dpact.broker.url=" + broker.baseUrl(),
                    "-Dpact.broker.username=ci-publisher",
                    "-Dpact.broker.password=s3cret-for-the-test",
                    "-Dpact.consumer.version=0.1.0-test+5e6f7a8"), Map.of(), "properties-basic");

            // HttpClient sends basic credentials once challenged, as a real broker does with 401
            assertThat(broker.authenticatedRequests()).as("requests the broker let in")
                    .extracting(r -> r.method() + " " + r.path() + " -> " + r.status())
                    .containsExactly("GET / -> 200", "PUT /pacts/provider/" + PROVIDER + "/consumer/" + CONSUMER
                            + "/version/0.1.0-test+5e6f7a8 -> 201");
            LoopbackPactBroker.Received put = broker.authenticatedRequests().get(1);
            assertThat(put.segments(LoopbackPactBroker.pactPath()))
                    .as("provider, consumer and version in the path")
                    .containsExactly(PROVIDER, CONSUMER, "0.1.0-test+5e6f7a8");
            JsonNode arrived = JSON.readTree(put.body());
            assertThat(arrived).as("the pact that arrived").isEqualTo(writtenPact());
            assertThat(interactionsByPath(arrived)).as("interactions that arrived, by path")
                    .isEqualTo(INTERACTIONS_BY_PATH);
            assertThat(put.header("Authorization")).isEqualTo(credentials);
        }
    }

    private static JsonNode writtenPact() throws IOException {
        return JSON.readTree(Files.readString(pactFile, StandardCharsets.UTF_8));
    }

    /** How many interactions the pact has on each request path. */
    private static Map<String, Long> interactionsByPath(JsonNode pact) {
        Map<String, Long> byPath = new TreeMap<>();
        pact.path("interactions").forEach(i -> byPath.merge(i.path("request").path("path").asText(), 1L, Long::sum));
        return byPath;
    }

    /** Runs {@code ./mvnw -B -pl snap-contract-tests pact:publish} with these arguments and environment. */
    private static void publish(List<String> properties, Map<String, String> environment, String name)
            throws IOException, InterruptedException {
        Path log = moduleDir.resolve("target/pact-publish-" + name + ".log");
        int exit = runMaven(true, properties, environment, log);
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (exit != 0 && looksLikeAnUnresolvedPlugin(output)) {
            exit = runMaven(false, properties, environment, log);
            output = Files.readString(log, StandardCharsets.UTF_8);
        }
        if (exit != 0) {
            fail("pact:publish exited with " + exit + "; its output (" + log + "):\n" + tail(output));
        }
    }

    private static int runMaven(boolean offline, List<String> properties, Map<String, String> environment, Path log)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(Files.isExecutable(projectRoot.resolve("mvnw"))
                ? List.of("./mvnw") : List.of("sh", "mvnw"));
        command.addAll(List.of("-B", "-pl", "snap-contract-tests"));
        if (offline) {
            command.add("-o");
        }
        String localRepository = System.getProperty("snapbi.mavenLocalRepository");
        if (localRepository != null && !localRepository.isBlank()) {
            command.add("-Dmaven.repo.local=" + localRepository);
        }
        command.add("pact:publish");
        command.addAll(properties);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(projectRoot.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("PACT_"));
        env.putAll(environment);
        env.put("pact_do_not_track", "true");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        if (!process.waitFor(CHILD_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            fail("pact:publish did not finish within " + CHILD_TIMEOUT_MINUTES + " minutes; see " + log);
        }
        return process.exitValue();
    }

    /** Maven's resolver says "... in offline mode" for whatever it would have had to download. */
    private static boolean looksLikeAnUnresolvedPlugin(String output) {
        return output.contains("in offline mode");
    }

    private static String tail(String output) {
        String[] lines = output.split("\n");
        int from = Math.max(0, lines.length - 40);
        return String.join("\n", Arrays.copyOfRange(lines, from, lines.length));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
