package dev.snapbi.sandbox.junit;

import dev.snapbi.sandbox.SandboxClient;
import dev.snapbi.sandbox.SnapSandbox;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Starts one {@link SnapSandbox} per test class (shared with its {@code @Nested} classes) and closes it after the
 * class. Resolves {@link SnapSandbox} and {@link SandboxClient} parameters of constructors, lifecycle and test methods;
 * the client is registered as {@value #CLIENT_KEY} with a fresh RSA 2048 key pair. Faults are cleared before each
 * test; stats and recorded requests are not.
 *
 * <pre>{@code
 * @ExtendWith(SnapSandboxExtension.class)
 * class MyClientTest {
 *     @Test
 *     void gets_a_token(SnapSandbox sandbox, SandboxClient client) {
 *         // point the client under test at sandbox.baseUrl(), sign with client.privateKey()
 *     }
 * }
 *
 * // or, to configure the sandbox and reach it from a field:
 * @RegisterExtension
 * static final SnapSandboxExtension SANDBOX = SnapSandboxExtension.configured(b -> b.tokenLifetime(Duration.ofMinutes(1)));
 * }</pre>
 *
 * <p>Registered on an instance field instead of a static one, the sandbox starts on first use and JUnit closes it with
 * the class's extension context.
 */
public final class SnapSandboxExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        ParameterResolver {

    /** The client key of the client registered for the tests. */
    public static final String CLIENT_KEY = "SANDBOXTEST";

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(SnapSandboxExtension.class);
    private static final String SANDBOX = "sandbox";
    private static final String CLIENT = "client";

    private final Consumer<SnapSandbox.Builder> configuration;
    private volatile SnapSandbox current;

    /** An extension with a default sandbox (127.0.0.1, a free port, the system clock); what {@code @ExtendWith} uses. */
    public SnapSandboxExtension() {
        this(builder -> { });
    }

    private SnapSandboxExtension(Consumer<SnapSandbox.Builder> configuration) {
        this.configuration = configuration;
    }

    /** An extension whose sandbox is configured by {@code configuration} before it starts (for {@code @RegisterExtension}). */
    public static SnapSandboxExtension configured(Consumer<SnapSandbox.Builder> configuration) {
        return new SnapSandboxExtension(Objects.requireNonNull(configuration, "configuration"));
    }

    /**
     * The running sandbox of the current test class, for tests that hold this extension in a field.
     *
     * @throws IllegalStateException outside a test class's lifetime
     */
    public SnapSandbox sandbox() {
        SnapSandbox sandbox = current;
        if (sandbox == null) {
            throw new IllegalStateException("the sandbox runs only while a test class using this extension runs");
        }
        return sandbox;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        sandboxFor(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        // only the class that started the sandbox closes it (nested classes see their parent's)
        SnapSandbox sandbox = context.getStore(NAMESPACE).remove(SANDBOX, SnapSandbox.class);
        context.getStore(NAMESPACE).remove(CLIENT);
        if (sandbox != null) {
            if (current == sandbox) {
                current = null;
            }
            sandbox.close();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        SnapSandbox sandbox = sandboxFor(context);
        sandbox.faults().clear();
        sandbox.transactionFaults().clear();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == SnapSandbox.class || type == SandboxClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        SnapSandbox sandbox = sandboxFor(extensionContext);
        if (type == SnapSandbox.class) {
            return sandbox;
        }
        if (type == SandboxClient.class) {
            return Objects.requireNonNull(extensionContext.getStore(NAMESPACE).get(CLIENT, SandboxClient.class),
                    "the sandbox's test client");
        }
        throw new ParameterResolutionException("SnapSandboxExtension resolves SnapSandbox and SandboxClient, not "
                + type.getName());
    }

    /** The sandbox visible from this context (its own or a parent's), started in the class context when missing. */
    private SnapSandbox sandboxFor(ExtensionContext context) {
        SnapSandbox existing = context.getStore(NAMESPACE).get(SANDBOX, SnapSandbox.class);
        if (existing != null) {
            return existing;
        }
        ExtensionContext classContext = classContext(context);
        SnapSandbox.Builder builder = SnapSandbox.builder();
        configuration.accept(builder);
        SnapSandbox sandbox = builder.start();
        try {
            SandboxClient client = sandbox.registerNewClient(CLIENT_KEY);
            // a SnapSandbox is AutoCloseable: JUnit 5.13+ also closes it when the class context ends
            classContext.getStore(NAMESPACE).put(SANDBOX, sandbox);
            classContext.getStore(NAMESPACE).put(CLIENT, client);
        } catch (RuntimeException e) {
            sandbox.close();
            throw e;
        }
        current = sandbox;
        return sandbox;
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }
}
