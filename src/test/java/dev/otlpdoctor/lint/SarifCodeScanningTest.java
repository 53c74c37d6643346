package dev.otlpdoctor.lint;

import static dev.otlpdoctor.testing.CliAssert.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.otlpdoctor.testing.CliDriver;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What GitHub code scanning needs of {@code lint -o sarif} to show an alert on the right line of the right
 * file, with a readable rule and its help: the tool's home page, every rule's help, short descriptions
 * that read without a finding's values, and artifact URIs relative to the source root
 * ({@code uriBaseId} %SRCROOT%).
 */
class SarifCodeScanningTest {
    private static final String PRODUCTION = Fixtures.path("production.yaml").toString();
    private static final String BROKEN_MANIFEST = Fixtures.path("k8s/collector-broken.yaml").toString();

    @TempDir
    Path temp;

    private static JsonObject sarif(String... args) {
        List<String> command = new ArrayList<>(List.of("lint", "-o", "sarif"));
        command.addAll(List.of(args));
        return assertThatRun(CliDriver.create().run(command.toArray(String[]::new))).exitsWith(1).json();
    }

    private static JsonObject run(JsonObject sarif) {
        return sarif.getAsJsonArray("runs").get(0).getAsJsonObject();
    }

    @Test
    void theDriverLinksTheProjectAndEveryRuleHasHelpAndAPlainShortDescription() {
        JsonObject driver = run(sarif(PRODUCTION)).getAsJsonObject("tool").getAsJsonObject("driver");
        assertThat(URI.create(driver.get("informationUri").getAsString())).satisfies(uri -> {
            assertThat(uri.getScheme()).isEqualTo("https");
            assertThat(uri.getHost()).isNotBlank();
        });
        assertThat(driver.getAsJsonArray("rules")).hasSizeGreaterThan(20);
        for (JsonElement element : driver.getAsJsonArray("rules")) {
            JsonObject rule = element.getAsJsonObject();
            String id = rule.get("id").getAsString();
            assertThat(rule.getAsJsonObject("shortDescription").get("text").getAsString()).as(id)
                    .isNotBlank().doesNotContain("{", "}");
            assertThat(rule.getAsJsonObject("fullDescription").get("text").getAsString()).as(id).isNotBlank();
            assertThat(rule.getAsJsonObject("help").get("text").getAsString()).as(id)
                    .containsAnyOf("Fix:\n1. ", "Nothing to fix").endsWith("otlpdoctor explain " + id);
            assertThat(rule.get("helpUri").getAsString()).as(id).startsWith(driver.get("informationUri").getAsString())
                    .endsWith("/docs/findings.md#" + id.replace(".", ""));
            assertThat(rule.get("name").getAsString()).as(id).matches("[A-Z][A-Za-z0-9]+");
        }
        JsonObject receiverUndefined = driver.getAsJsonArray("rules").asList().stream().map(JsonElement::getAsJsonObject)
                .filter(r -> r.get("id").getAsString().equals("config.receiver-undefined")).findFirst().orElseThrow();
        assertThat(receiverUndefined.getAsJsonObject("shortDescription").get("text").getAsString())
                .isEqualTo("Collector config: receiver undefined");
        assertThat(receiverUndefined.getAsJsonObject("help").get("text").getAsString())
                .contains("Fix:\n1. Define the receiver under receivers");
    }

    @Test
    void filesUnderTheCurrentDirectoryAreRelativeToSrcroot() {
        JsonObject run = run(sarif(PRODUCTION, BROKEN_MANIFEST));
        String root = run.getAsJsonObject("originalUriBaseIds").getAsJsonObject("%SRCROOT%").get("uri").getAsString();
        assertThat(root).isEqualTo(Path.of("").toAbsolutePath().toUri().toString()).endsWith("/");
        List<String> uris = new ArrayList<>();
        for (JsonElement result : run.getAsJsonArray("results")) {
            JsonObject artifact = artifact(result);
            assertThat(artifact.get("uriBaseId").getAsString()).isEqualTo("%SRCROOT%");
            uris.add(artifact.get("uri").getAsString());
        }
        assertThat(uris).contains("src/test/resources/lint/production.yaml", "src/test/resources/lint/k8s/collector-broken.yaml");
    }

    @Test
    void theSourceRootOptionNamesFilesRelativeToTheRepository() {
        JsonObject run = run(sarif("--source-root", "src/test/resources", PRODUCTION));
        assertThat(run.getAsJsonObject("originalUriBaseIds").getAsJsonObject("%SRCROOT%").get("uri").getAsString())
                .endsWith("/src/test/resources/");
        assertThat(artifact(run.getAsJsonArray("results").get(0)).get("uri").getAsString()).isEqualTo("lint/production.yaml");
    }

    @Test
    void aFileOutsideTheSourceRootIsNamedByItsAbsoluteUriAndOddNamesAreEncoded() throws Exception {
        Path odd = Files.copy(Path.of(PRODUCTION), Files.createDirectories(temp.resolve("a dir")).resolve("col:lector #1.yaml"));
        JsonObject outside = run(sarif("--source-root", "src", odd.toString()));
        JsonObject artifact = artifact(outside.getAsJsonArray("results").get(0));
        assertThat(artifact.has("uriBaseId")).isFalse();
        assertThat(Path.of(URI.create(artifact.get("uri").getAsString()))).isEqualTo(odd.toAbsolutePath());

        JsonObject inside = run(sarif("--source-root", temp.toString(), odd.toString()));
        assertThat(artifact(inside.getAsJsonArray("results").get(0)).get("uri").getAsString())
                .isEqualTo("a%20dir/col%3Alector%20%231.yaml");
    }

    private static JsonObject artifact(JsonElement result) {
        return result.getAsJsonObject().getAsJsonArray("locations").get(0).getAsJsonObject()
                .getAsJsonObject("physicalLocation").getAsJsonObject("artifactLocation");
    }
}
