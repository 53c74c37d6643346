package dev.otlpdoctor.lint;

import static dev.otlpdoctor.testing.CliAssert.assertThatRun;

import dev.otlpdoctor.testing.CliDriver;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that must end in exit 2 with one line naming the file, never a hang, a stack trace or an OOM. */
class HostileInputTest {

    private static CliDriver.Result lint(Path file) {
        return CliDriver.create().run("lint", file.toString());
    }

    @Test
    void billionLaughsIsRefusedByTheAliasLimit() {
        assertThatRun(lint(Fixtures.path("billion-laughs.yaml"))).exitsWith(2).stderrIsOneErrorLine()
                .stderrContains("billion-laughs.yaml", "aliases");
    }

    @Test
    void fewAliasesThatStillMultiplyAreRefusedByTheValueLimit() {
        assertThatRun(lint(Fixtures.path("alias-expansion.yaml"))).exitsWith(2).stderrIsOneErrorLine()
                .stderrContains("alias-expansion.yaml", "aliases expand to more than");
    }

    @Test
    void deepNestingIsRefusedBeforeTheStackOverflows() {
        assertThatRun(lint(Fixtures.path("deep-nesting.yaml"))).exitsWith(2).stderrIsOneErrorLine()
                .stderrContains("deep-nesting.yaml", "nested more than");
    }

    @Test
    void fiftyMegabytesAreRefusedWithoutReadingThemWhole(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.yaml");
        String line = "  key: " + "x".repeat(90) + "\n";
        try (Writer out = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            out.write("receivers:\n");
            for (long written = 0; written < 50L * 1024 * 1024; written += line.length()) {
                out.write(line);
            }
        }
        assertThatRun(lint(big)).exitsWith(2).stderrIsOneErrorLine().stderrContains("big.yaml", "larger than");
    }

    @Test
    void tabIndentationNamesLineAndColumn() {
        assertThatRun(lint(Fixtures.path("tabs.yaml"))).exitsWith(2).stderrIsOneErrorLine()
                .stderrContains("tabs.yaml:3:1", "not valid YAML");
    }

    @Test
    void invalidUtf8NamesTheLine() {
        assertThatRun(lint(Fixtures.path("invalid-utf8.yaml"))).exitsWith(2).stderrIsOneErrorLine()
                .stderrContains("invalid-utf8.yaml:5", "not valid UTF-8");
    }

    @Test
    void missingFileIsAnInputError() {
        assertThatRun(lint(Fixtures.path("does-not-exist.yaml"))).exitsWith(2).stderrIsOneErrorLine()
                .stderrContains("does-not-exist.yaml", "no such file");
    }

    @Test
    void aTopLevelListIsNotAConfig(@TempDir Path dir) throws IOException {
        Path list = Files.writeString(dir.resolve("list.yaml"), "- receivers\n- exporters\n");
        assertThatRun(lint(list)).exitsWith(2).stderrIsOneErrorLine().stderrContains("list.yaml:1:1", "not a collector config");
    }

    @Test
    void aKeyWrittenTwiceIsRejectedAsTheCollectorDoes(@TempDir Path dir) throws IOException {
        Path dup = Files.writeString(dir.resolve("dup.yaml"), "receivers:\n  otlp: {}\nreceivers:\n  jaeger: {}\n");
        assertThatRun(lint(dup)).exitsWith(2).stderrIsOneErrorLine()
                .stderrContains("dup.yaml:3:1", "'receivers' is already defined at line 1");
    }

    @Test
    void manyAliasesToALargeScalarAreRefusedByTheExpandedSize(@TempDir Path dir) throws IOException {
        // The audit's file: one 6 MiB scalar anchored, 2,000 aliases to it ($$ made expansion copy each one).
        Path file = dir.resolve("alias-scalar.yaml");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("big: &big \"$$" + "x".repeat(6 * 1024 * 1024) + "\"\nrefs:\n");
            for (int i = 0; i < 2_000; i++) {
                out.write("  - *big\n");
            }
        }
        assertThatRun(lint(file)).exitsWith(2).stderrIsOneErrorLine()
                .stderrContains("alias-scalar.yaml", "aliases expand to more than 64 MiB of text");
    }

    @Test
    void aliasesUnderTheCapAreExpandedOnceEach(@TempDir Path dir) throws IOException {
        // 400 aliases to a 100 KiB scalar with $$ and an unset variable: 40 MB of text once expanded,
        // which the expander sees as one scalar; the unset variable is reported once, at the anchor.
        Path file = dir.resolve("aliases.yaml");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("receivers:\n  otlp:\n    protocols:\n      grpc:\n");
            out.write("x-note: &note \"${UNSET_IN_TEST}$$" + "y".repeat(100 * 1024) + "\"\n");
            out.write("x-refs:\n");
            for (int i = 0; i < 400; i++) {
                out.write("  - *note\n");
            }
        }
        CliDriver.Result result = CliDriver.create().run("lint", file.toString(), "-o", "json");
        assertThatRun(result).exitsWith(1);
        org.assertj.core.api.Assertions.assertThat(result.out().split("\"config.env-unset\"", -1)).hasSize(2);
    }

    @Test
    void aDeviceADirectoryAndAFifoAreRefusedUnread(@TempDir Path dir) throws Exception {
        assertThatRun(lint(Path.of("/dev/zero"))).exitsWith(2).stderrIsOneErrorLine()
                .stderrContains("/dev/zero", "not a regular file");
        assertThatRun(lint(dir)).exitsWith(2).stderrIsOneErrorLine().stderrContains("is a directory");
        Path fifo = dir.resolve("pipe.yaml");
        org.junit.jupiter.api.Assumptions.assumeTrue(
                new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is not available");
        assertThatRun(lint(fifo)).exitsWith(2).stderrIsOneErrorLine().stderrContains("pipe.yaml", "not a regular file");
    }
}
