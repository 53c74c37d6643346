package dev.otlpdoctor.lint.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.otlpdoctor.lint.config.CollectorVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The shipped schema data is well-formed, documented, and what the generator makes of the collector source. */
class SchemaDataTest {
    private static final Path RESOURCE = Path.of("src/main/resources/dev/otlpdoctor/lint/schema/collector-schema.json");

    @Test
    void everyComponentNamesItsSourceAndRelease() {
        SchemaSet set = SchemaSet.shipped();
        assertThat(set.release()).isEqualTo(CollectorVersion.parse("v0.159.0"));
        assertThat(set.components().keySet()).contains("receivers/otlp", "processors/batch", "processors/memory_limiter",
                "exporters/otlp", "exporters/otlp_grpc", "exporters/otlphttp", "exporters/otlp_http", "exporters/debug",
                "extensions/zpages", "extensions/health_check", "extensions/pprof", "processors/resource");
        set.components().forEach((id, component) -> {
            assertThat(component.repository()).as(id).startsWith("open-telemetry/opentelemetry-collector");
            assertThat(component.release()).as(id).isNotBlank();
            // A generated file, or (components without one) the Go source or README the override was written from.
            assertThat(component.source()).as(id).matches(".*(/config\\.schema\\.yaml|\\.go|README\\.md).*");
            assertThat(component.schema().type()).as(id).isEqualTo(SchemaNode.Type.OBJECT);
        });
        assertThat(set.component("exporters", "otlp").orElseThrow().schema().properties())
                .containsKeys("endpoint", "tls", "sending_queue", "retry_on_failure", "timeout", "compression", "headers");
        assertThat(set.removedKey("processors", "memory_limiter", "", "ballast_size_mib")).isPresent();
    }

    @Test
    void everyNodeIsComplete() {
        List<String> problems = new ArrayList<>();
        SchemaSet set = SchemaSet.shipped();
        set.components().forEach((id, c) -> walk(id, c.schema(), problems));
        // Empty Go structs, where every key is refused by design: the forward connector's Config and the
        // kafka exporter's partitioner switches (least_backup: {}, round_robin: {}).
        problems.removeAll(List.of("connectors/forward: closed object without keys",
                "exporters/kafka.record_partitioner.least_backup: closed object without keys",
                "exporters/kafka.record_partitioner.round_robin: closed object without keys"));
        walk("service", set.service().schema(), problems);
        assertThat(problems).isEmpty();
    }

    private static void walk(String path, SchemaNode node, List<String> problems) {
        switch (node.type()) {
            case ARRAY -> {
                if (node.items() == null) {
                    problems.add(path + ": list without items");
                } else {
                    walk(path + "[]", node.items(), problems);
                }
            }
            case MAP -> {
                if (node.values() == null) {
                    problems.add(path + ": map without values");
                } else {
                    walk(path + ".*", node.values(), problems);
                }
            }
            case OBJECT -> {
                if (node.properties().isEmpty() && !node.open()) {
                    problems.add(path + ": closed object without keys");
                }
                node.properties().forEach((k, v) -> walk(path + "." + k, v, problems));
                node.requiredOneOf().forEach(group -> group.forEach(key -> {
                    if (!node.properties().containsKey(key)) {
                        problems.add(path + ": required " + key + " is not a key");
                    }
                }));
            }
            default -> {
            }
        }
        if (!node.allowed().isEmpty() && node.type() != SchemaNode.Type.STRING) {
            problems.add(path + ": values listed for a " + node.type());
        }
    }

    @Test
    void docsListEveryComponent() throws IOException {
        String docs = Files.readString(Path.of("docs/lint.md"));
        for (Map.Entry<String, ComponentSchema> e : SchemaSet.shipped().components().entrySet()) {
            assertThat(docs).as("docs/lint.md names %s", e.getKey()).contains("`" + e.getKey() + "`");
        }
    }

    /**
     * Regenerates the data from checkouts of the collector (and contrib) and compares: set
     * OTLPDOCTOR_COLLECTOR_SRC (a checkout of v0.159.0) and OTLPDOCTOR_CONTRIB_SRC to run it.
     */
    @Test
    void generatorReproducesTheShippedData() throws IOException, InterruptedException {
        String core = System.getenv("OTLPDOCTOR_COLLECTOR_SRC");
        String contrib = System.getenv("OTLPDOCTOR_CONTRIB_SRC");
        assumeTrue(core != null && contrib != null, "OTLPDOCTOR_COLLECTOR_SRC / OTLPDOCTOR_CONTRIB_SRC not set");
        String shipped = Files.readString(RESOURCE);
        String contribRef = shipped.replaceAll("(?s).*\"contrib-ref\": \"([^\"]*)\".*", "$1");
        Path out = Files.createTempFile("collector-schema", ".json");
        try {
            Process process = new ProcessBuilder("python3", "scripts/schema/generate.py", "--core", core,
                    "--core-release", "v0.159.0", "--contrib", contrib, "--contrib-ref", contribRef)
                    .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();
            assertThat(Files.readString(out, StandardCharsets.UTF_8)).isEqualTo(shipped);
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
