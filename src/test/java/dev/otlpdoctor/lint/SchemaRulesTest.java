package dev.otlpdoctor.lint;

import static dev.otlpdoctor.lint.Fixtures.lint;
import static dev.otlpdoctor.lint.Fixtures.location;
import static dev.otlpdoctor.lint.Fixtures.only;
import static dev.otlpdoctor.lint.Fixtures.positionOf;
import static dev.otlpdoctor.lint.Fixtures.withCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.lint.config.CollectorVersion;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The schema rules on whole configs: the issue's example, variables, releases, unchecked components, merging. */
class SchemaRulesTest {
    private static final Set<String> SCHEMA_CODES = Set.of("config.invalid-key", "config.wrong-type",
            "config.duration-unit", "config.enum-value", "config.required-missing", "config.invalid-value");
    /** Fixtures with schema mistakes by design (each has its own test). */
    private static final Set<String> WITH_SCHEMA_MISTAKES = Set.of("typo-override.yaml", "issue-htp.yaml",
            "deprecated-component.yaml", "string-lists.yaml");
    /** Fixtures that are input errors by design (exit 2), not configs. */
    private static final Set<String> NOT_CONFIGS = Set.of("tabs.yaml", "invalid-utf8.yaml", "billion-laughs.yaml",
            "deep-nesting.yaml", "alias-expansion.yaml");

    @Test
    void theIssuesTypoIsAFailureWithTheCollectorsMessage() {
        LintResult result = lint("schema/issue-htp.yaml");
        Finding f = only(result, "config.invalid-key");
        assertThat(result.status()).isEqualTo(Severity.FAIL);
        assertThat(location(f)).isEqualTo(positionOf("schema/issue-htp.yaml", "htp:"));
        assertThat(f.title()).isEqualTo("'htp' is not a setting of receivers.otlp.protocols: did you mean 'http'?");
        assertThat(f.evidence()).containsEntry("collectorMessage", "'protocols' has invalid keys: htp")
                .containsEntry("suggestion", "http").containsEntry("component", "otlp")
                .containsEntry("path", "receivers.otlp.protocols.htp").containsEntry("schemaRelease", "v0.159.0");
        assertThat(f.remediation().get(0)).isEqualTo("Rename 'htp' to 'http'.");
        assertThat(f.detail()).contains("refuses to start");
    }

    @Test
    void setVariablesAreCheckedAfterExpansion() {
        LintResult result = lint(Map.of("GRPC_ENDPOINT", "4317", "BATCH_TIMEOUT", "5", "BATCH_SIZE", "many",
                "GATEWAY_ENDPOINT", "gateway:4317", "OTLP_COMPRESSION", "gzp"), CollectorVersion.LATEST,
                "schema/env-values.yaml");
        String file = "schema/env-values.yaml";
        // A string setting takes the variable's text as written, even when it looks like a number.
        assertThat(result.findings()).noneMatch(f -> f.code().equals("config.wrong-type")
                && f.evidence().get("path").equals("receivers.otlp.protocols.grpc.endpoint"));
        Finding timeout = only(result, "config.duration-unit");
        assertThat(timeout.severity()).isEqualTo(Severity.WARN);
        assertThat(location(timeout)).isEqualTo(positionOf(file, "${env:BATCH_TIMEOUT}"));
        assertThat(timeout.evidence()).containsEntry("value", "5").containsEntry("unit", "nanoseconds");
        Finding size = only(result, "config.wrong-type");
        assertThat(location(size)).isEqualTo(positionOf(file, "${env:BATCH_SIZE}"));
        assertThat(size.evidence()).containsEntry("expected", "an integer").containsEntry("actual", "a string");
        Finding compression = only(result, "config.enum-value");
        assertThat(location(compression)).isEqualTo(positionOf(file, "${env:OTLP_COMPRESSION}"));
        assertThat(compression.evidence()).containsEntry("value", "gzp").containsEntry("suggestion", "gzip");
    }

    @Test
    void wellSetVariablesGiveNoSchemaFinding() {
        LintResult result = lint(Map.of("GRPC_ENDPOINT", "0.0.0.0:4317", "BATCH_TIMEOUT", "200ms", "BATCH_SIZE", "8192",
                "GATEWAY_ENDPOINT", "gateway:4317", "OTLP_COMPRESSION", "zstd"), CollectorVersion.LATEST,
                "schema/env-values.yaml");
        assertThat(result.findings()).noneMatch(f -> SCHEMA_CODES.contains(f.code()));
        assertThat(result.status()).isNotEqualTo(Severity.FAIL);
    }

    @Test
    void unsetVariablesAreSkippedAndNotedOnce() {
        LintResult result = lint("schema/env-values.yaml");
        assertThat(result.findings()).noneMatch(f -> SCHEMA_CODES.contains(f.code()));
        // The note is config.env-unset, one per unset reference; ${file:…} is neither fetched nor judged.
        assertThat(withCode(result, "config.env-unset")).extracting(f -> f.evidence().get("name"))
                .containsExactly("GRPC_ENDPOINT", "BATCH_TIMEOUT", "BATCH_SIZE", "GATEWAY_ENDPOINT", "OTLP_COMPRESSION");
    }

    @Test
    void aRemovedKeyFollowsTheCollectorVersion() {
        String file = "schema/removed-ballast.yaml";
        assertThat(withCode(lint(Map.of(), CollectorVersion.parse("0.39.0"), file), "config.invalid-key")).isEmpty();
        for (String version : List.of("0.40.0", "0.110.0", "latest")) {
            Finding f = only(lint(Map.of(), CollectorVersion.parse(version), file), "config.invalid-key");
            assertThat(f.severity()).as(version).isEqualTo(Severity.FAIL);
            assertThat(location(f)).isEqualTo(positionOf(file, "ballast_size_mib: 2000"));
            assertThat(f.evidence()).containsEntry("removedIn", "v0.40.0").doesNotContainKey("suggestion");
            assertThat(f.remediation().get(0)).contains("GOMEMLIMIT");
            assertThat(f.detail()).contains("removed in collector v0.40.0");
        }
    }

    @ParameterizedTest
    @CsvSource({"0.128.0,", "0.129.0,blocking", "0.130.0,blocking batcher", "0.159.0,blocking batcher",
            "latest,blocking batcher"})
    void exporterhelperKeysRemovedInTheirRelease(String version, String refused) {
        String file = "schema/removed-exporterhelper.yaml";
        List<Finding> found = refusedKeys(file, version, refused);
        for (Finding f : found) {
            assertThat(f.severity()).isEqualTo(Severity.FAIL);
            boolean blocking = f.evidence().get("key").equals("blocking");
            assertThat(location(f)).isEqualTo(positionOf(file, blocking ? "blocking: true" : "batcher:"));
            assertThat(f.evidence()).containsEntry("removedIn", blocking ? "v0.129.0" : "v0.130.0");
            assertThat(f.remediation().get(0)).contains(blocking ? "block_on_overflow: true" : "sending_queue");
        }
    }

    /**
     * Each removal or rename in its release: nothing before it, a failure from it on (collector and contrib
     * share release numbers). Keys listed in document order.
     */
    @ParameterizedTest
    @CsvSource({
            "0.120.0,",
            "0.127.0,",
            "0.128.0,address",
            "0.132.0,middleware address",
            "0.141.0,middleware topic encoding address",
            "0.143.0,middleware topic encoding use_start_time_metric address",
            "0.147.0,middleware topic encoding topic use_start_time_metric address",
            "latest,middleware topic encoding topic use_start_time_metric address"})
    void removedAndRenamedKeysFollowTheirRelease(String version, String refused) {
        List<Finding> found = refusedKeys("schema/removed-releases.yaml", version, refused);
        assertThat(found).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.FAIL);
            assertThat(f.evidence()).containsKey("removedIn");
        });
    }

    @Test
    void aRenamedKeyNamesItsSuccessorAndRelease() {
        String file = "schema/removed-releases.yaml";
        List<Finding> found = withCode(lint(file), "config.invalid-key");
        Finding middleware = found.get(0);
        assertThat(location(middleware)).isEqualTo(positionOf(file, "middleware:"));
        assertThat(middleware.evidence()).containsEntry("suggestion", "middlewares").containsEntry("removedIn", "v0.132.0")
                .containsEntry("path", "receivers.otlp.protocols.http.middleware");
        assertThat(middleware.title()).endsWith("did you mean 'middlewares'?");
        assertThat(middleware.detail()).contains("renamed to 'middlewares' in collector v0.132.0");
        Finding signalTopic = found.get(3);
        assertThat(location(signalTopic)).isEqualTo(positionOf(file, "topic: otlp_spans", 2));
        assertThat(signalTopic.evidence()).containsEntry("path", "receivers.kafka.traces.topic")
                .containsEntry("suggestion", "topics").containsEntry("removedIn", "v0.147.0");
        Finding address = found.get(5);
        assertThat(address.evidence()).containsEntry("component", "service")
                .containsEntry("path", "service.telemetry.metrics.address").containsEntry("removedIn", "v0.128.0");
        assertThat(address.remediation().get(0)).contains("readers", "prometheus");
        // The removed top-level kafka topic has no successor at that level: no suggestion.
        assertThat(found.get(1).evidence()).doesNotContainKey("suggestion").containsEntry("removedIn", "v0.141.0");
    }

    @Test
    void theOldConfigOfTheDeprecationRuleHasTheRemovedTelemetryAddressToo() {
        // Written for config.deprecated-component as an old config: its telemetry address is refused since v0.128.0.
        Finding f = only(lint("deprecated-component.yaml"), "config.invalid-key");
        assertThat(f.evidence()).containsEntry("path", "service.telemetry.metrics.address").containsEntry("removedIn", "v0.128.0");
        assertThat(lint(Map.of(), CollectorVersion.parse("0.110.0"), "deprecated-component.yaml").findings())
                .noneMatch(x -> SCHEMA_CODES.contains(x.code()));
        // Said once: "ignored" (deprecated) before v0.128.0, refused (invalid key) from then on, never both.
        assertThat(lint("deprecated-component.yaml").findings()).noneMatch(x -> x.code().equals("config.deprecated-component")
                && "service.telemetry.metrics.address".equals(x.evidence().get("component")));
        assertThat(lint(Map.of(), CollectorVersion.parse("0.125.0"), "deprecated-component.yaml").findings())
                .anyMatch(x -> x.code().equals("config.deprecated-component") && "address".equals(x.evidence().get("component")));
    }

    @Test
    void aComponentListWrittenAsAStringIsTheCollectorsDecodeError() {
        String file = "schema/string-lists.yaml";
        LintResult result = lint(file);
        List<Finding> wrong = withCode(result, "config.wrong-type");
        assertThat(wrong).hasSize(2);
        assertThat(location(wrong.get(0))).isEqualTo(positionOf(file, "health_check, pprof"));
        assertThat(wrong.get(0).evidence()).containsEntry("path", "service.extensions")
                .containsEntry("expected", "a list").containsEntry("actual", "a string")
                .containsEntry("collectorMessage", "'service.extensions' source data must be an array or slice, got string");
        assertThat(wrong.get(0).detail()).contains("[health_check, pprof]");
        assertThat(location(wrong.get(1))).isEqualTo(positionOf(file, "otlp\n      processors"));
        assertThat(wrong.get(1).evidence()).containsEntry("path", "service.pipelines.traces.receivers")
                .containsEntry("collectorMessage", "'service.pipelines[traces].receivers' source data must be an array or slice, got string");
        // The IDs meant are read from the string: no "not listed", "unused" or "no receivers" besides.
        assertThat(result.findings()).extracting(Finding::code)
                .doesNotContain("config.component-undefined", "config.receiver-unused", "config.pipeline-empty");
        assertThat(result.status()).isEqualTo(Severity.FAIL);
    }

    @Test
    void aStringIsSplitIntoAListOfPlainStringsOnly() {
        // []string (cors allowed_origins) takes "a,b" (confmap's StringToSliceHookFunc); []component.ID does not.
        String config = "receivers:\n  otlp:\n    protocols:\n      http:\n        endpoint: 0.0.0.0:4318\n"
                + "        cors:\n          allowed_origins: https://a.example,https://b.example\n"
                + "exporters:\n  debug: {}\nservice:\n  pipelines:\n    traces:\n      receivers: [otlp]\n      exporters: debug\n";
        LintResult result = lintText("c.yaml", config, CollectorVersion.LATEST);
        assertThat(only(result, "config.wrong-type").evidence()).containsEntry("path", "service.pipelines.traces.exporters");
    }

    @Test
    void aSpikeLimitNotBelowTheLimitIsTheCollectorsValidateError() throws IOException {
        String config = mutated("schema/local-example.yaml", "    spike_limit_mib: 512", "    spike_limit_mib: 2048");
        LintResult result = lintText("schema/local-example.yaml", config, CollectorVersion.LATEST);
        Finding f = only(result, "config.invalid-value");
        assertThat(f.severity()).isEqualTo(Severity.FAIL);
        assertThat(f.title()).isEqualTo("processors.memory_limiter.spike_limit_mib: spike_limit_mib (2048) must be smaller than limit_mib (1536)");
        assertThat(f.evidence()).containsEntry("collectorMessage", "'spike_limit_mib' must be smaller than 'limit_mib'")
                .containsEntry("value", "2048").containsEntry("component", "memory_limiter");
        assertThat(f.remediation().get(0)).isEqualTo("Set spike_limit_mib below limit_mib (about 20% of it is usual, "
                + "e.g. spike_limit_mib: 307), or raise limit_mib.");
        assertThat(f.detail()).contains("internal/memorylimiter/config.go");
        assertThat(result.status()).isEqualTo(Severity.FAIL);
    }

    /** In manifests the image tag of the container that mounts the ConfigMap selects the release. */
    @ParameterizedTest
    @CsvSource({"0.131.0,false", "0.132.0,true", "latest,true"})
    void theImageTagSelectsTheReleaseOfAConfigMap(String tag, boolean refused) throws IOException {
        String manifest = mutated("k8s/collector-good.yaml", "            endpoint: ${env:MY_POD_IP}:4318",
                "            endpoint: ${env:MY_POD_IP}:4318\n            middleware:\n              - id: headers_check")
                .replace("otel/opentelemetry-collector-contrib:0.110.0", "otel/opentelemetry-collector-contrib:" + tag);
        List<Finding> found = withCode(lintText("collector.yaml", manifest, CollectorVersion.LATEST), "config.invalid-key");
        assertThat(found).extracting(f -> f.evidence().get("key")).containsExactlyElementsOf(refused ? List.of("middleware") : List.of());
    }

    @Test
    void theRenameIsOnlyWhereTheSharedStructIs() {
        // gRPC server settings never had `middleware`: a plain unknown key, whatever the release.
        String config = "receivers:\n  otlp:\n    protocols:\n      grpc:\n        middleware: []\n"
                + "exporters:\n  debug: {}\nservice:\n  pipelines:\n    traces:\n      receivers: [otlp]\n      exporters: [debug]\n";
        for (String version : List.of("0.120.0", "latest")) {
            LintResult result = lintText("grpc.yaml", config, CollectorVersion.parse(version));
            Finding f = only(result, "config.invalid-key");
            assertThat(f.evidence()).as(version).doesNotContainKey("removedIn").containsEntry("suggestion", "middlewares");
        }
    }

    @Test
    void anOlderReleaseOnlyWarnsAboutKeysTheShippedSchemaDoesNotKnow() {
        Finding older = only(lint(Map.of(), CollectorVersion.parse("0.120.0"), "schema/issue-htp.yaml"), "config.invalid-key");
        assertThat(older.severity()).isEqualTo(Severity.WARN);
        assertThat(older.detail()).contains("v0.159.0", "v0.120.0");
        assertThat(only(lint(Map.of(), CollectorVersion.parse("0.159.0"), "schema/issue-htp.yaml"), "config.invalid-key")
                .severity()).isEqualTo(Severity.FAIL);
    }

    @Test
    void componentsWithoutSchemaAreNotCheckedNeverRefused() {
        LintResult result = lint("schema/contrib-components.yaml");
        List<Finding> unchecked = withCode(result, "config.component-unchecked");
        assertThat(unchecked).extracting(f -> f.evidence().get("kind") + " " + f.evidence().get("component"))
                .containsExactly("receiver kubeletstats", "processor probabilistic_sampler", "connector routing");
        assertThat(unchecked).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
        assertThat(location(unchecked.get(0))).isEqualTo(positionOf("schema/contrib-components.yaml", "kubeletstats:"));
        assertThat(unchecked.get(0).title())
                .isEqualTo("receiver kubeletstats: settings not checked (no schema for type kubeletstats)");
        assertThat(result.findings()).noneMatch(f -> SCHEMA_CODES.contains(f.code()));
        assertThat(result.status()).isEqualTo(Severity.PASS);
    }

    @Test
    void everyContribComponentOfTheAgentIsChecked() {
        LintResult result = lint("schema/contrib-agent.yaml");
        assertThat(withCode(result, "config.component-unchecked")).isEmpty();
        assertThat(result.findings()).noneMatch(f -> SCHEMA_CODES.contains(f.code()));
    }

    @Test
    void anUnknownHostmetricsScraperIsReportedWithTheCollectorsOwnMessage() throws IOException {
        String agent = mutated("schema/contrib-agent.yaml", "      memory: {}", "      memroy: {}");
        LintResult result = lintText("schema/contrib-agent.yaml", agent, CollectorVersion.LATEST);
        Finding f = only(result, "config.invalid-key");
        assertThat(f.evidence()).containsEntry("collectorMessage", "invalid scraper key: memroy")
                .containsEntry("path", "receivers.hostmetrics.scrapers.memroy").containsEntry("suggestion", "memory");
    }

    @Test
    void aRemovedComponentIsLeftToTheDeprecationRule() {
        LintResult result = lint("production.yaml");
        assertThat(withCode(result, "config.component-unchecked")).isEmpty();
        assertThat(only(result, "config.deprecated-component").evidence()).containsEntry("component", "logging");
    }

    @Test
    void aTypoInALaterFilePointsAtThatFile() {
        LintResult result = lint("clean.yaml", "schema/typo-override.yaml");
        Finding f = only(result, "config.invalid-key");
        assertThat(location(f)).isEqualTo(positionOf("schema/typo-override.yaml", "send_batchsize"));
        assertThat(f.evidence()).containsEntry("suggestion", "send_batch_size");
    }

    @Test
    void aTypoInAConfigMapIsPlacedInTheManifest() throws IOException {
        String manifest = mutated("k8s/collector-good.yaml", "            max_recv_msg_size_mib: 16", "            max_recv_msg_size_mb: 16");
        LintResult result = lintText("k8s/collector-good.yaml", manifest, CollectorVersion.LATEST);
        Finding f = only(result, "config.invalid-key");
        int line = manifest.substring(0, manifest.indexOf("max_recv_msg_size_mb")).split("\n", -1).length;
        assertThat(location(f).line()).isEqualTo(line);
        assertThat(location(f).column()).isEqualTo(13);
        assertThat(f.evidence()).containsEntry("suggestion", "max_recv_msg_size_mib");
    }

    static Stream<String> realWorldConfigs() throws IOException {
        try (Stream<Path> files = Files.walk(Fixtures.DIR)) {
            return files.filter(p -> p.toString().endsWith(".yaml"))
                    .filter(p -> !NOT_CONFIGS.contains(p.getFileName().toString()))
                    .filter(p -> !WITH_SCHEMA_MISTAKES.contains(p.getFileName().toString())
                            && !p.getFileName().toString().startsWith("removed-"))
                    .map(p -> Fixtures.DIR.relativize(p).toString()).sorted().toList().stream();
        }
    }

    /** No false error: every fixture written for other rules (and the clean schema fixtures) fits the schemas. */
    @ParameterizedTest
    @MethodSource("realWorldConfigs")
    void configsWithoutSchemaMistakesGiveNoSchemaFinding(String fixture) {
        LintResult result = lint(fixture);
        assertThat(result.findings()).as(fixture).noneMatch(f -> SCHEMA_CODES.contains(f.code()));
    }

    /** Lints one config given as text, named {@code name}. */
    private static LintResult lintText(String name, String config, CollectorVersion version) {
        return new Linter(Map.of(), version).lint(List.of(new LintInput(name, config.getBytes(StandardCharsets.UTF_8))));
    }

    /** The invalid-key findings of a fixture at a release, which must name exactly the keys listed (space-separated). */
    private static List<Finding> refusedKeys(String file, String version, String refused) {
        List<Finding> found = withCode(lint(Map.of(), CollectorVersion.parse(version), file), "config.invalid-key");
        assertThat(found).extracting(f -> f.evidence().get("key"))
                .containsExactlyElementsOf(refused == null ? List.of() : List.of(refused.split(" ")));
        return found;
    }

    /** A fixture's text with one mistake injected. */
    private static String mutated(String fixture, String find, String replace) throws IOException {
        String text = Files.readString(Fixtures.path(fixture));
        assertThat(text).contains(find);
        return text.replace(find, replace);
    }
}
