package dev.snapbi.docs;

import org.junit.jupiter.api.Test;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code ```java} block of the READMEs below compiles against the project as it is, so the docs cannot drift
 * from the API. Each block becomes the body of a method (local classes, interfaces and records are allowed there)
 * in a class with the imports a user would write ({@link #IMPORTS}). A block that assumes declarations of its own
 * (a {@code request}, a {@code mySigner}) gets them from an HTML comment right above its fence, invisible on GitHub:
 * <pre>
 * &lt;!-- docs-test
 * Signer mySigner = stringToSign -&gt; { throw new UnsupportedOperationException(); };
 * --&gt;
 * </pre>
 * {@code <!-- docs-test: skip -->} leaves out a block that is a fragment on purpose. The blocks are compiled, not run.
 */
class ReadmeSnippetsTest {

    /** The READMEs whose Java blocks are compiled. */
    static final List<String> READMES = List.of("README.md", "snap-contract-tests/README.md");

    static final String IMPORTS = String.join("\n",
            "import dev.snapbi.domain.error.*;",
            "import dev.snapbi.domain.model.*;",
            "import dev.snapbi.domain.notification.*;",
            "import dev.snapbi.domain.port.*;",
            "import dev.snapbi.domain.response.*;",
            "import dev.snapbi.domain.token.*;",
            "import dev.snapbi.domain.transaction.*;",
            "import dev.snapbi.crypto.*;",
            "import dev.snapbi.crypto.pem.*;",
            "import dev.snapbi.adapter.feign.token.*;",
            "import dev.snapbi.adapter.feign.transaction.*;",
            "import dev.snapbi.adapter.jdk.*;",
            "import dev.snapbi.sandbox.*;",
            "import dev.snapbi.sandbox.junit.*;",
            "import dev.snapbi.testing.*;",
            "import dev.snapbi.testing.tck.*;",
            "import dev.snapbi.nicepay.*;",
            "import dev.snapbi.nicepay.call.*;",
            "import dev.snapbi.nicepay.model.*;",
            "import dev.snapbi.nicepay.va.*;",
            "import dev.snapbi.nicepay.notification.*;",
            "import dev.snapbi.cache.redis.*;",
            "import dev.snapbi.spring.boot3.autoconfigure.notification.SnapNotification;",
            "import org.springframework.web.bind.annotation.PostMapping;",
            "import org.springframework.web.bind.annotation.RestController;",
            "import feign.Feign;",
            "import feign.Headers;",
            "import feign.RequestLine;",
            "import feign.jackson.JacksonDecoder;",
            "import io.github.resilience4j.retry.RetryConfig;",
            "import org.junit.jupiter.api.Test;",
            "import org.junit.jupiter.api.extension.ExtendWith;",
            "import org.junit.jupiter.api.extension.RegisterExtension;",
            "import java.net.URI;",
            "import java.nio.charset.StandardCharsets;",
            "import java.nio.file.Path;",
            "import java.time.Clock;",
            "import java.time.Duration;",
            "import java.time.Instant;",
            "import java.util.List;",
            "import java.util.Map;",
            "import static org.assertj.core.api.Assertions.assertThat;",
            "");

    /** One fenced block: where it is, its preamble and its code. */
    record Snippet(String file, int line, String preamble, String code) {
        String className() {
            return "Snippet_" + file.replaceAll("[^A-Za-z0-9]", "_") + "_" + line;
        }

        String source() {
            return IMPORTS + "\n@SuppressWarnings(\"unused\")\nclass " + className() + " {\n"
                    + "    void snippet() throws Exception {\n" + preamble + "\n// ---- " + file + " line " + line
                    + "\n" + code + "\n    }\n}\n";
        }
    }

    @Test
    void every_java_block_of_the_readmes_compiles() throws IOException {
        List<Snippet> snippets = new ArrayList<>();
        for (String readme : READMES) {
            snippets.addAll(snippets(readme, Files.readAllLines(PublicTypesHaveJavadocTest.root().resolve(readme),
                    StandardCharsets.UTF_8)));
        }
        assertThat(snippets).as("Java blocks found").hasSizeGreaterThanOrEqualTo(6);

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<JavaFileObject> units = snippets.stream().map(ReadmeSnippetsTest::unit).collect(Collectors.toList());
        Path out = Files.createTempDirectory("readme-snippets");
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            boolean ok = javac.getTask(null, files, diagnostics, List.of("--release", "17", "-proc:none", "-d",
                    out.toString(), "-classpath", classPath), null, units).call();
            List<String> errors = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(ReadmeSnippetsTest::describe).collect(Collectors.toList());
            assertThat(errors).as("README blocks that do not compile (declarations a block assumes go in a"
                    + " '<!-- docs-test ... -->' comment above its fence)").isEmpty();
            assertThat(ok).isTrue();
        }
    }

    @Test
    void a_block_that_does_not_compile_is_reported_with_its_readme_line() {
        Snippet broken = snippets("README.md", List.of("text", "```java", "NoSuchType x = null;", "```")).get(0);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        javac.getTask(null, null, diagnostics, List.of("-proc:none", "-d", System.getProperty("java.io.tmpdir"),
                "-classpath", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))),
                null, List.of(unit(broken))).call();

        assertThat(diagnostics.getDiagnostics()).extracting(ReadmeSnippetsTest::describe)
                .anyMatch(d -> d.startsWith("README.md line 3:") && d.contains("NoSuchType"));
    }

    static List<Snippet> snippets(String file, List<String> lines) {
        List<Snippet> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).trim().equals("```java")) {
                continue;
            }
            int fence = i;
            StringBuilder code = new StringBuilder();
            for (i = i + 1; i < lines.size() && !lines.get(i).trim().equals("```"); i++) {
                code.append(lines.get(i)).append('\n');
            }
            String preamble = preamble(lines, fence);
            if (preamble != null && preamble.trim().equals(": skip")) {
                continue;
            }
            found.add(new Snippet(file, fence + 1, preamble == null ? "" : preamble, code.toString()));
        }
        return found;
    }

    /** The text of a {@code <!-- docs-test ... -->} comment ending right above the fence, or null. */
    private static String preamble(List<String> lines, int fence) {
        int end = fence - 1;
        while (end >= 0 && lines.get(end).isBlank()) {
            end--;
        }
        if (end < 0 || !lines.get(end).trim().endsWith("-->")) {
            return null;
        }
        for (int start = end; start >= 0; start--) {
            String line = lines.get(start).trim();
            if (line.startsWith("<!-- docs-test")) {
                List<String> body = new ArrayList<>(lines.subList(start, end + 1));
                body.set(0, body.get(0).trim().substring("<!-- docs-test".length()));
                String last = body.get(body.size() - 1);
                body.set(body.size() - 1, last.substring(0, last.lastIndexOf("-->")));
                String text = String.join("\n", body);
                // the first line may carry a remark after the marker, e.g. "(compiled by ...):"
                return text.startsWith(": skip") ? ": skip" : text.substring(text.indexOf('\n') < 0 ? text.length()
                        : text.indexOf('\n'));
            }
            if (line.startsWith("<!--") || start < end - 40) {
                return null;
            }
        }
        return null;
    }

    private static JavaFileObject unit(Snippet snippet) {
        return new SimpleJavaFileObject(URI.create("string:///" + snippet.className() + ".java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return snippet.source();
            }

            @Override
            public String getName() {
                return snippet.file() + "#" + snippet.line();
            }
        };
    }

    /** "README.md line N: message", N being the README line of the offending code line. */
    private static String describe(Diagnostic<? extends JavaFileObject> d) {
        String name = d.getSource() == null ? "?" : d.getSource().getName();
        int hash = name.lastIndexOf('#');
        if (hash < 0) {
            return name + ": " + d.getMessage(null);
        }
        String file = name.substring(0, hash);
        int fenceLine = Integer.parseInt(name.substring(hash + 1));
        String source;
        try {
            source = d.getSource().getCharContent(true).toString();
        } catch (IOException e) {
            return file + " near line " + fenceLine + ": " + d.getMessage(null);
        }
        List<String> generated = Arrays.asList(source.split("\n", -1));
        int marker = generated.indexOf("// ---- " + file + " line " + fenceLine);
        long line = d.getLineNumber();
        String where = marker >= 0 && line > marker + 1 ? "line " + (fenceLine + (line - (marker + 1)))
                : "line " + fenceLine + " (preamble)";
        return file + " " + where + ": " + d.getMessage(null).replace('\n', ' ');
    }
}
