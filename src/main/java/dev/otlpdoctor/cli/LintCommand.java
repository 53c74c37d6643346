package dev.otlpdoctor.cli;

import dev.otlpdoctor.lint.LintInput;
import dev.otlpdoctor.lint.LintResult;
import dev.otlpdoctor.lint.Linter;
import dev.otlpdoctor.lint.config.CollectorVersion;
import dev.otlpdoctor.lint.render.LintJsonRenderer;
import dev.otlpdoctor.lint.render.LintTextRenderer;
import dev.otlpdoctor.lint.render.SarifRenderer;
import dev.otlpdoctor.lint.yaml.YamlReader;
import dev.otlpdoctor.report.CatalogEntry;
import dev.otlpdoctor.report.catalog.Catalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code otlpdoctor lint FILE...}: lint collector configs and Kubernetes manifests offline. */
@Command(name = "lint",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Lint collector configuration files and Kubernetes manifests, offline.",
        description = {
            "Collector configs given together are merged in order, as the collector merges several --config files.",
            "Files with Kubernetes objects (Deployment, DaemonSet, StatefulSet, Service, ConfigMap,"
                + " OpenTelemetryCollector) are checked together, with the collector configs they embed.",
            "'-' reads standard input. Variables ($${env:NAME}) are expanded from this environment."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  otlpdoctor lint otel-collector.yaml",
            "  otlpdoctor lint base.yaml overrides.yaml --collector-version 0.110.0",
            "  otlpdoctor lint k8s/*.yaml -o sarif > otlpdoctor.sarif",
            "  kubectl get cm otel-collector -o yaml | otlpdoctor lint -",
            "",
            "Exit codes: 0 no failure (with --strict: no warning either), 1 a finding failed,",
            "            2 usage or input error (unreadable or invalid YAML), 3 internal error."})
public final class LintCommand implements Callable<Integer> {

    @ParentCommand
    private RootCommand root;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Config files or manifests; '-' for stdin.")
    private List<String> files = new ArrayList<>();

    @Option(names = "--collector-version", paramLabel = "VERSION",
            description = "The collector release the config is for (e.g. 0.110.0); severities follow it. Default: the newest.")
    private String collectorVersion;

    @Mixin
    private OutputOptions output;

    @Mixin
    private StrictOption strict;

    @Option(names = "--source-root", paramLabel = "DIR",
            description = "sarif: name files relative to DIR (the repository's root, for code scanning). Default: the current directory.")
    private Path sourceRoot = Path.of("");

    @Override
    public Integer call() {
        CollectorVersion version = CollectorVersion.parse(collectorVersion);
        LintResult result = new Linter(root.env(), version).lint(inputs());
        switch (output.format(OutputOptions.Format.TEXT, OutputOptions.Format.JSON, OutputOptions.Format.SARIF)) {
            case JSON -> new LintJsonRenderer().render(result, output.out());
            case SARIF -> new SarifRenderer(lintRules(), sourceRoot).render(result, output.out());
            default -> new LintTextRenderer(output.style(root.env()), output.verbose()).render(result, output.out());
        }
        return strict.exitCode(result.status());
    }

    /** The catalog entries lint reports: the config and k8s areas. */
    private static List<CatalogEntry> lintRules() {
        return Catalog.all().stream().filter(e -> e.code().startsWith("config.") || e.code().startsWith("k8s.")).toList();
    }

    private List<LintInput> inputs() {
        List<LintInput> inputs = new ArrayList<>();
        for (String file : files) {
            inputs.add(file.equals("-") ? new LintInput("stdin", YamlReader.readCapped(root.in(), "stdin"))
                    : new LintInput(file, YamlReader.readFile(Path.of(file))));
        }
        return inputs;
    }
}
