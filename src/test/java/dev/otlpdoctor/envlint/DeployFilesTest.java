package dev.otlpdoctor.envlint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.cli.RootCommand;
import dev.otlpdoctor.cli.Subcommands;
import dev.otlpdoctor.k8s.manifest.KubeContainer;
import dev.otlpdoctor.k8s.manifest.Manifests;
import dev.otlpdoctor.lint.yaml.YamlNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The files of deploy/ cannot be exercised here (no container runtime, no cluster): the Job manifest is
 * read with otlpdoctor's own manifest loader and its command line parsed by the real CLI.
 */
class DeployFilesTest {
    private static final Path JOB = Path.of("deploy/kubernetes/otlpdoctor-job.yaml");

    @Test
    void jobRunsCheckOfTheServiceDnsNameAsJson() {
        List<KubeContainer> containers = Manifests.read(JOB).all().get(0).containers();
        assertThat(containers).hasSize(1);
        KubeContainer container = containers.get(0);
        assertThat(container.owner().label()).isEqualTo("Job/otlpdoctor");
        List<String> args = container.node().get("args").items().stream().map(YamlNode::text).toList();
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
        KubeContainer container = Manifests.read(JOB).all().get(0).containers().get(0);
        YamlNode security = container.node().get("securityContext");
        assertThat(security.textAt("readOnlyRootFilesystem")).isEqualTo("true");
        assertThat(security.textAt("allowPrivilegeEscalation")).isEqualTo("false");
        String job = Files.readString(JOB);
        assertThat(job).contains("runAsNonRoot: true", "runAsUser: 65532", "restartPolicy: Never", "backoffLimit: 0");
        String dockerfile = Files.readString(Path.of("deploy/Dockerfile"));
        assertThat(dockerfile).contains("USER 65532:65532", "-XX:-UsePerfData", "jlink ",
                "ENTRYPOINT [\"/opt/jre/bin/java\"");
    }
}
