package dev.otlpdoctor.envlint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.cli.RootCommand;
import dev.otlpdoctor.cli.Subcommands;
import dev.otlpdoctor.envlint.KubernetesManifest.Container;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import picocli.CommandLine;

/**
 * The files of deploy/ cannot be exercised here (no container runtime, no cluster): the Job manifest is
 * read with otlpdoctor's own manifest loader and its command line parsed by the real CLI.
 */
class DeployFilesTest {
    private static final Path JOB = Path.of("deploy/kubernetes/otlpdoctor-job.yaml");

    @Test
    void jobRunsCheckOfTheServiceDnsNameAsJson() {
        List<Container> containers = KubernetesManifest.load(JOB).containers();
        assertThat(containers).hasSize(1);
        Container container = containers.get(0);
        assertThat(container.owner()).isEqualTo("Job/otlpdoctor");
        List<String> args = container.strings("args");
        assertThat(args).containsExactly("check", "otel-collector.observability.svc.cluster.local", "-o", "json");
        assertThat(args.get(1)).matches("[a-z0-9-]+\\.[a-z0-9-]+\\.svc\\.cluster\\.local");
        String[] jobArgs = args.toArray(String[]::new);
        CommandLine.ParseResult parsed = Subcommands.commandLine(new RootCommand(Map.of()), jobArgs)
                .setCaseInsensitiveEnumValuesAllowed(true).parseArgs(jobArgs);
        assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("check");
        List<String> targets = parsed.subcommand().matchedPositionalValue(0, List.of());
        assertThat(targets).containsExactly("otel-collector.observability.svc.cluster.local");
        assertThat(parsed.subcommand().matchedOptionValue("-o", (Object) null)).hasToString("JSON");
    }

    @Test
    void jobRunsAsTheImagesNonRootUserWithAReadOnlyRoot() throws IOException {
        Container container = KubernetesManifest.load(JOB).containers().get(0);
        MappingNode security = KubernetesManifest.mapping(container.node(), "securityContext").orElseThrow();
        assertThat(KubernetesManifest.scalar(security, "readOnlyRootFilesystem")).contains("true");
        assertThat(KubernetesManifest.scalar(security, "allowPrivilegeEscalation")).contains("false");
        String job = Files.readString(JOB);
        assertThat(job).contains("runAsNonRoot: true", "runAsUser: 65532", "restartPolicy: Never", "backoffLimit: 0");
        String dockerfile = Files.readString(Path.of("deploy/Dockerfile"));
        assertThat(dockerfile).contains("USER 65532:65532", "-XX:-UsePerfData", "jlink ",
                "ENTRYPOINT [\"/opt/jre/bin/java\"");
    }
}
