package dev.otlpdoctor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * jbang-catalog.json (`jbang otlpdoctor@otlpdoctor/otlpdoctor`) names the jar of the release this tree
 * becomes, under the name the release build gives it (scripts/release/artifacts.sh), so a release that
 * forgets to move it fails here (docs/release.md).
 */
class JbangCatalogTest {

    @Test
    void theAliasRunsThisVersionsReleaseJarOnAJavaWithoutWarnings() throws IOException {
        JsonObject alias = JsonParser.parseString(Files.readString(Path.of("jbang-catalog.json"))).getAsJsonObject()
                .getAsJsonObject("aliases").getAsJsonObject("otlpdoctor");
        String release = Version.get().replaceFirst("-SNAPSHOT$", "");
        assertThat(alias.get("script-ref").getAsString()).isEqualTo(Version.projectUrl() + "/releases/download/v" + release
                + "/otlpdoctor-" + release + ".jar");
        // 17 to 22: from Java 23 on protobuf warns about sun.misc.Unsafe on every run unless an option that
        // Java 17 refuses allows it, and a JBang alias has one set of options for any Java it picks.
        int java = Integer.parseInt(alias.get("java").getAsString().replace("+", ""));
        assertThat(java).isBetween(17, 22);
        assertThat(alias.get("java").getAsString()).doesNotEndWith("+");
        assertThat(alias.get("description").getAsString()).isNotBlank();
    }
}
