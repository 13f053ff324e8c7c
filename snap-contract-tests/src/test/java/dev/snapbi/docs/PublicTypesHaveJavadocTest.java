package dev.snapbi.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public type (top-level or nested) and every package of the published modules has Javadoc. The javadoc tool
 * runs only in the release profile, with doclint's "missing" group off (a missing {@code @param} is trivia); this
 * check keeps the part that matters in every build, in well under a second.
 */
class PublicTypesHaveJavadocTest {

    /** The modules whose jars are published (see the BOM). */
    static final List<String> PUBLISHED = List.of("snap-domain", "snap-crypto", "snap-sandbox", "snap-adapter-feign",
            "snap-adapter-jdk", "snap-cache-redis", "snap-nicepay", "snap-testing");

    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^\\s*public\\s+(?:(?:static|final|abstract|sealed|non-sealed|strictfp)\\s+)*(?:class|interface|record|enum|@interface)\\s+\\w+.*");

    static Path root() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("snap-domain")) ? here : here.getParent();
    }

    @Test
    void every_public_type_and_package_of_the_published_modules_has_javadoc() throws IOException {
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (String module : PUBLISHED) {
            Path sources = root().resolve(module).resolve("src/main/java");
            assertThat(sources).as("sources of %s", module).isDirectory();
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                    String name = root().relativize(file).toString();
                    for (int i = 0; i < lines.size(); i++) {
                        boolean isPackage = file.endsWith("package-info.java") && lines.get(i).startsWith("package ");
                        if (isPackage || PUBLIC_TYPE.matcher(lines.get(i)).matches()) {
                            checked++;
                            if (!documented(lines, i)) {
                                missing.add(name + ":" + (i + 1) + " " + lines.get(i).trim());
                            }
                        }
                    }
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        assertThat(checked).as("public types and packages checked").isGreaterThan(100);
        assertThat(missing).as("public types and packages without Javadoc").isEmpty();
    }

    /** Above the declaration, past its annotations, the nearest code-ish line closes a Javadoc comment. */
    private static boolean documented(List<String> lines, int declaration) {
        for (int j = declaration - 1; j >= 0 && j >= declaration - 20; j--) {
            String t = lines.get(j).trim();
            if (t.isEmpty()) {
                continue;
            }
            if (t.endsWith("*/")) {
                // a Javadoc comment, not a plain block comment
                for (int k = j; k >= 0; k--) {
                    String c = lines.get(k).trim();
                    if (c.startsWith("/**")) {
                        return true;
                    }
                    if (c.startsWith("/*")) {
                        return false;
                    }
                }
                return false;
            }
            if (t.endsWith(";") || t.endsWith("{") || t.endsWith("}")) {
                return false;
            }
            // an annotation (possibly over several lines): keep going up
        }
        return false;
    }
}
