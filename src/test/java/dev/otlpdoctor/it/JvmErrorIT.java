package dev.otlpdoctor.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.testing.CliDriver;
import dev.otlpdoctor.testing.JarRunner;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An Error of the JVM (here: out of memory, forced by a 16 MiB heap and a config near the size cap) ends
 * the command like any bug: exit 3 and one line, the stack trace only with --debug.
 */
class JvmErrorIT {
    @Test
    void outOfMemoryIsExitThreeWithOneLine(@TempDir Path dir) throws IOException, InterruptedException {
        Path config = dir.resolve("large.yaml");
        try (Writer out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
            out.write("receivers:\n  otlp:\n    protocols:\n      grpc:\nx-data:\n");
            for (int i = 0; i < 450_000; i++) {
                out.write("  k" + i + ": v" + i + "\n");
            }
        }
        CliDriver.Result plain = JarRunner.run(JarRunner.javaJar(List.of("-Xmx16m"), "lint", config.toString()), 120);
        assertThat(plain.exitCode()).as(plain.toString()).isEqualTo(3);
        assertThat(plain.err().lines()).as(plain.toString()).singleElement().asString()
                .startsWith("otlpdoctor: internal error: java.lang.OutOfMemoryError").contains("--debug");

        CliDriver.Result debug = JarRunner.run(JarRunner.javaJar(List.of("-Xmx16m"), "lint", config.toString(),
                "--debug"), 120);
        assertThat(debug.exitCode()).as(debug.toString()).isEqualTo(3);
        assertThat(debug.err()).contains("OutOfMemoryError", "\tat ");
    }
}
