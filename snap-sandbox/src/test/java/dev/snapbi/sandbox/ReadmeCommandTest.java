package dev.snapbi.sandbox;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The module README's standalone command names the jar the build makes and the flags the runner takes. */
class ReadmeCommandTest {

    @Test
    void the_readme_runs_the_jar_this_build_makes_with_the_runners_usage() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher version = Pattern.compile("<parent>.*?<version>([^<]+)</version>", Pattern.DOTALL).matcher(pom);
        assertThat(version.find()).isTrue();
        Matcher artifact = Pattern.compile("</parent>\\s*<artifactId>([^<]+)</artifactId>").matcher(pom);
        assertThat(artifact.find()).isTrue();
        assertThat(pom).doesNotContain("<finalName>");

        assertThat(readme).contains("java -jar snap-sandbox/target/" + artifact.group(1) + "-" + version.group(1)
                + ".jar [flags]");
        String usage = SnapSandboxMain.USAGE.split("\\R")[0] + "\n" + SnapSandboxMain.USAGE.split("\\R")[1] + "\n"
                + SnapSandboxMain.USAGE.split("\\R")[2];
        assertThat(readme).contains(usage);
    }
}
