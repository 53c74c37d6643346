package dev.otlpdoctor.cli;

import static dev.otlpdoctor.testing.CliAssert.assertThatRun;

import dev.otlpdoctor.testing.CliDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression (issue 15): a manifest nested 5,000 levels deep killed {@code env --manifest} with a
 * StackOverflowError while {@code lint} refused it cleanly. Both read YAML through one bounded reader now:
 * exit 2, one line naming the file.
 */
class DeepManifestTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void flowNestingIsRefusedByEveryReader() throws IOException {
        Path deep = write("deep.yaml", "apiVersion: v1\nkind: Pod\nspec: " + "[".repeat(5000) + "]".repeat(5000) + "\n");
        assertRefusedEverywhere(deep);
    }

    @Test
    void blockNestingIsRefusedByEveryReader() throws IOException {
        StringBuilder text = new StringBuilder("apiVersion: v1\nkind: Pod\nspec:\n");
        for (int i = 1; i <= 2000; i++) {
            text.append(" ".repeat(i)).append("a:\n");
        }
        assertRefusedEverywhere(write("deep-block.yaml", text.toString()));
    }

    private static void assertRefusedEverywhere(Path deep) {
        assertThatRun(CliDriver.create().run("env", "--manifest", deep.toString()))
                .exitsWith(2).stderrIsOneErrorLine().stderrContains(deep.toString(), "nested more than 64 levels");
        assertThatRun(CliDriver.create().run("lint", deep.toString()))
                .exitsWith(2).stderrIsOneErrorLine().stderrContains(deep.toString(), "nested more than 64 levels");
    }
}
