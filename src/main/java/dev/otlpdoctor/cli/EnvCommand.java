package dev.otlpdoctor.cli;

import dev.otlpdoctor.Deadline;
import dev.otlpdoctor.check.CheckPlan;
import dev.otlpdoctor.check.Checker;
import dev.otlpdoctor.envlint.ContainerContext;
import dev.otlpdoctor.envlint.DotenvFile;
import dev.otlpdoctor.envlint.EnvCheckPlan;
import dev.otlpdoctor.envlint.EnvInput;
import dev.otlpdoctor.envlint.EnvJsonRenderer;
import dev.otlpdoctor.envlint.EnvLinter;
import dev.otlpdoctor.envlint.EnvReport;
import dev.otlpdoctor.envlint.EnvTextRenderer;
import dev.otlpdoctor.envlint.ManifestEnv;
import dev.otlpdoctor.envlint.TlsFileCheck;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.Report;
import dev.otlpdoctor.target.EnvSettings;
import dev.otlpdoctor.target.OtlpEnvironment;
import dev.otlpdoctor.target.SignalExporter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code otlpdoctor env}: lint an application's OTLP exporter settings; with --check, probe them. */
@Command(name = "env",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Lint the OTLP exporter settings (OTEL_EXPORTER_OTLP_*) an application would use.",
        description = {
            "Reads the settings from this process's environment, a dotenv file (--env-file) or a container's env:"
                    + " in a Kubernetes manifest (--manifest), and prints per signal the effective endpoint, protocol,"
                    + " header names and TLS settings with where each came from, then what is wrong and how to fix it.",
            "Header values are never printed."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  otlpdoctor env                                     # this shell's OTEL_* variables",
            "  otlpdoctor env --env-file .env",
            "  otlpdoctor env --manifest k8s/app.yaml --container app",
            "  otlpdoctor env --env-file .env --check             # then probe the effective endpoints",
            "  otlpdoctor env -o json | jq -r '.signals[] | .signal + \" \" + .endpoint.url'",
            "",
            "Exit codes: 0 no failure (with --strict: no warning either), 1 a finding or the check failed,",
            "            2 usage or input error, 3 internal error."})
public final class EnvCommand implements Callable<Integer> {

    @ParentCommand
    private RootCommand root;

    @ArgGroup(exclusive = true)
    private From from = new From();

    static final class From {
        @Option(names = "--env-file", paramLabel = "FILE", description = "A dotenv file (NAME=value lines).")
        Path envFile;

        @ArgGroup(exclusive = false)
        FromManifest manifest;
    }

    static final class FromManifest {
        @Option(names = "--manifest", paramLabel = "FILE", required = true,
                description = "A Kubernetes manifest (multi-document YAML): the env: of a container of a Pod or workload.")
        Path file;

        @Option(names = "--container", paramLabel = "NAME",
                description = "The container to read when the manifest has several.")
        String container;
    }

    @Option(names = "--check", description = "Then run 'check' against exactly the effective endpoints.")
    private boolean check;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5s", converter = DurationConverter.class,
            description = "With --check: one deadline for the whole check (500ms, 5s, 1m30s). Default: ${DEFAULT-VALUE}.")
    private Duration timeout;

    @Mixin
    private OutputOptions output;

    @Mixin
    private StrictOption strict;

    @Override
    public Integer call() throws InterruptedException {
        boolean json = output.json(); // a format env cannot render is refused before anything is read or probed
        EnvInput input = readInput();
        OtlpEnvironment exporters = new OtlpEnvironment(input.settings());
        List<SignalExporter> signals = exporters.signals();
        List<Finding> findings = new EnvLinter(input, new TlsFileCheck(Path.of("").toAbsolutePath())).lint(signals);
        Report checked = null;
        List<String> notes = List.of();
        if (check) {
            EnvCheckPlan plan = EnvCheckPlan.of(exporters, input.settings());
            checked = plan.targets().isEmpty() ? null
                    : new Checker(Checker.standardChain(), plan.targets().size())
                            .run(CheckPlan.of(plan.targets(), plan.settings()), Deadline.after(timeout));
            notes = plan.notReproduced();
            findings = new ArrayList<>(findings);
            findings.addAll(plan.findings());
        }
        EnvReport report = new EnvReport(input, signals, findings, checked, notes);
        if (json) {
            new EnvJsonRenderer().render(report, output.out());
        } else {
            new EnvTextRenderer(output.style(root.env()), output.verbose()).render(report, output.out());
        }
        return strict.exitCode(report.status());
    }

    private EnvInput readInput() {
        if (from.envFile != null) {
            EnvSettings settings = DotenvFile.load(from.envFile);
            ContainerContext where = settings.get("KUBERNETES_SERVICE_HOST").isPresent()
                    ? ContainerContext.yes("the file sets KUBERNETES_SERVICE_HOST")
                    : ContainerContext.unknown("a file does not say where the application runs");
            return new EnvInput("file", from.envFile.toString(), from.envFile.toString(), "", settings, where, true);
        }
        if (from.manifest != null) {
            return ManifestEnv.load(from.manifest.file, from.manifest.container);
        }
        ContainerContext machine = ContainerContext.ofThisMachine(Path.of("/"), root.env());
        return new EnvInput("env", "the environment of this process", "", "", EnvSettings.of(root.env()), machine, true);
    }
}
