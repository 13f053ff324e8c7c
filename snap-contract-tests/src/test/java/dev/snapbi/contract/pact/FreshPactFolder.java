package dev.snapbi.contract.pact;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Empties the pact folder ({@code pact.rootDir}, else {@code target/pacts}) of its pact files once per test run,
 * before the first consumer class that uses this extension starts, whichever that is.
 * <p>
 * The consumer classes write into one pact file and Pact JVM merges what each class writes into what the file already
 * holds ({@code pact.writer.overwrite=false}). Without this, the file would also keep every interaction of earlier
 * runs, including ones since renamed or removed, and the provider verification and {@code pact:publish} would carry
 * them on. The once-per-run mark lives in the root extension context's store, which the whole launcher run shares.
 */
final class FreshPactFolder implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(FreshPactFolder.class);

    /** Where the consumer tests write pacts: the same property Pact JVM reads. */
    static Path folder() {
        return Path.of(System.getProperty("pact.rootDir", "target/pacts"));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("emptied", key -> emptyThePactFolder(),
                Path.class);
    }

    private static Path emptyThePactFolder() {
        Path folder = folder();
        if (!Files.isDirectory(folder)) {
            return folder;
        }
        try (DirectoryStream<Path> pacts = Files.newDirectoryStream(folder, "*.json")) {
            for (Path pact : pacts) {
                Files.delete(pact);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty the pact folder " + folder.toAbsolutePath()
                    + " before the consumer tests write into it; delete its *.json files by hand", e);
        }
        return folder;
    }
}
