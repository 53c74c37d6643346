package dev.otlpdoctor.envlint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otlpdoctor.InvalidInputException;
import dev.otlpdoctor.target.EnvSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DotenvFileTest {
    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path file = dir.resolve("app.env");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void readsCommentsQuotesExportAndLineNumbers() throws IOException {
        Path file = write("""
                # the collector
                export OTEL_EXPORTER_OTLP_ENDPOINT="http://collector:4318"

                OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf   # trailing comment
                OTEL_EXPORTER_OTLP_HEADERS='a=b#c,d=e'
                OTEL_SERVICE_NAME="say \\"hi\\""
                EMPTY=
                HASH=a#b
                """);
        EnvSettings settings = DotenvFile.load(file);
        assertThat(settings.get("OTEL_EXPORTER_OTLP_ENDPOINT").orElseThrow().value()).isEqualTo("http://collector:4318");
        assertThat(settings.get("OTEL_EXPORTER_OTLP_ENDPOINT").orElseThrow().source().name()).isEqualTo(file + ":2");
        assertThat(settings.get("OTEL_EXPORTER_OTLP_PROTOCOL").orElseThrow().value()).isEqualTo("http/protobuf");
        assertThat(settings.get("OTEL_EXPORTER_OTLP_PROTOCOL").orElseThrow().source().name()).endsWith(":4");
        assertThat(settings.get("OTEL_EXPORTER_OTLP_HEADERS").orElseThrow().value()).isEqualTo("a=b#c,d=e");
        assertThat(settings.get("OTEL_SERVICE_NAME").orElseThrow().value()).isEqualTo("say \"hi\"");
        assertThat(settings.get("EMPTY")).isEmpty();
        assertThat(settings.get("HASH").orElseThrow().value()).isEqualTo("a#b");
    }

    @Test
    void malformedLinesAreUsageErrorsNamingFileAndLineButNotTheValue() throws IOException {
        Path noEquals = write("A=1\nthis is not a setting\n");
        assertThatThrownBy(() -> DotenvFile.load(noEquals))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(noEquals + ":2: expected NAME=VALUE")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        Path unterminated = write("OTEL_EXPORTER_OTLP_HEADERS=\"authorization=secret-token\n");
        assertThatThrownBy(() -> DotenvFile.load(unterminated))
                .hasMessage(unterminated + ":1: the double-quoted value has no closing quote")
                .message().doesNotContain("secret-token");
        assertThatThrownBy(() -> DotenvFile.load(dir.resolve("missing.env"))).hasMessageEndingWith("missing.env: no such file");
    }

    @Test
    void oversizedFileIsRefused() throws IOException {
        Path big = write("A=" + "x".repeat(DotenvFile.MAX_BYTES) + "\n");
        assertThatThrownBy(() -> DotenvFile.load(big)).hasMessageContaining("refusing to read it");
    }
}
