package dev.otlpdoctor.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.report.catalog.Catalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/findings.md is generated from the catalog. This test fails when they differ; run
 * {@code ./mvnw test -Dtest=FindingsDocTest -Dotlpdoctor.updateDocs=true} to regenerate the page.
 */
class FindingsDocTest {
    private static final Path DOC = Path.of("docs/findings.md");

    @Test
    void findingsDocMatchesCatalog() throws IOException {
        String expected = CatalogRenderer.markdown(Catalog.all());
        if (Boolean.getBoolean("otlpdoctor.updateDocs")) {
            Files.writeString(DOC, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(DOC)).as("docs/findings.md exists").isTrue();
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
                .as("docs/findings.md is out of date: run ./mvnw test -Dtest=FindingsDocTest -Dotlpdoctor.updateDocs=true")
                .isEqualTo(expected);
    }

    /** The troubleshooting guide walks the path step by step; every code has its place on it. */
    @Test
    void troubleshootingGuidePlacesEveryCode() throws IOException {
        String guide = Files.readString(Path.of("docs/troubleshooting.md"), StandardCharsets.UTF_8);
        for (CatalogEntry entry : Catalog.all()) {
            assertThat(guide).as("docs/troubleshooting.md mentions %s", entry.code()).contains("`" + entry.code() + "`");
        }
    }
}
