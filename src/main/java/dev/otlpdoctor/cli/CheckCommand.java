package dev.otlpdoctor.cli;

import dev.otlpdoctor.Deadline;
import dev.otlpdoctor.InvalidInputException;
import dev.otlpdoctor.check.CheckPlan;
import dev.otlpdoctor.check.Checker;
import dev.otlpdoctor.check.KubernetesServiceStep;
import dev.otlpdoctor.check.RunStep;
import dev.otlpdoctor.k8s.ServiceRef;
import dev.otlpdoctor.lint.ConfigStep;
import dev.otlpdoctor.lint.config.CollectorVersion;
import dev.otlpdoctor.otlp.Signal;
import dev.otlpdoctor.probe.LocalChecks;
import dev.otlpdoctor.probe.ProbeSettings;
import dev.otlpdoctor.probe.RunProgress;
import dev.otlpdoctor.probe.local.HostFs;
import dev.otlpdoctor.report.JsonRenderer;
import dev.otlpdoctor.report.Report;
import dev.otlpdoctor.report.TextRenderer;
import dev.otlpdoctor.target.OtlpEnvironment;
import dev.otlpdoctor.target.Protocol;
import dev.otlpdoctor.target.Source;
import dev.otlpdoctor.target.Target;
import dev.otlpdoctor.target.TargetParser;
import dev.otlpdoctor.target.TargetsFile;
import java.net.URI;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code otlpdoctor check [TARGET...]}: run the probe chain and name the root cause. */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        abbreviateSynopsis = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Probe a collector's OTLP endpoints and name the root cause of what fails.",
        description = {
            "TARGET forms:",
            "  host                     both OTLP ports: 4317 (gRPC) and 4318 (HTTP)",
            "  host:port, [ipv6]:port   one endpoint (protocol by port, or --protocol)",
            "  http(s)://host[:port][/path]",
            "Without TARGET: the endpoints of OTEL_EXPORTER_OTLP_ENDPOINT and the per-signal",
            "OTEL_EXPORTER_OTLP_{TRACES,METRICS,LOGS}_ENDPOINT, else localhost.",
            "Several TARGETs are probed concurrently, all under one --timeout.",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {
            "  otlpdoctor check                  # $OTEL_EXPORTER_OTLP_ENDPOINT, else localhost",
            "  otlpdoctor check collector-host   # both OTLP ports",
            "  otlpdoctor check collector:4317 --timeout 2s",
            "  otlpdoctor check http://collector:4318/otlp -o json | jq -r .diagnosis.code",
            "  otlpdoctor check '[::1]:4317' otel-a:4317 otel-b:4317",
            "  otlpdoctor check --targets-file fleet.txt --parallel 32 --timeout 10s",
            "  otlpdoctor check collector-host --config otel-collector.yaml",
            "  otlpdoctor check --k8s-service otel-collector.observability   # Service, endpoints, pods; then probe",
            "  otlpdoctor check https://collector:4318 --ca-cert ca.pem --send-sample",
            "",
            "Exit codes: 0 no failure (with --strict: no warning either), 1 a check failed,",
            "            2 usage or input error, 3 internal error."})
public final class CheckCommand implements Callable<Integer> {
    /** The environment variable naming where the host's file system is mounted (docs/service-logs.md). */
    static final String HOST_ROOT = "OTLPDOCTOR_HOST_ROOT";

    /** How {@code check --help} groups the options (the declaration order below is the parse model's). */
    static final List<OptionSections.Section> HELP_SECTIONS = List.of(
            OptionSections.Section.of("Targets:", "--targets-file", "--parallel", "--k8s-service"),
            OptionSections.Section.of("Probing:", "--timeout", "--protocol", "--signals", "--send-sample", "--local",
                    "--health-url", "--metrics-url"),
            OptionSections.Section.of("Headers and TLS:", "--header", "--tls", "--ca-cert", "--client-cert",
                    "--client-key", "--insecure-skip-verify"),
            OptionSections.Section.of("Collector config:", "--config", "--collector-version"),
            OptionSections.Section.of("Output and exit code:", "--output", "--verbose", "--summary", "--progress",
                    "--no-color", "--strict"),
            OptionSections.Section.of("General:", "--help", "--version", "--debug"));

    @ParentCommand
    private RootCommand root;

    @Parameters(paramLabel = "TARGET", arity = "0..*", description = "Collector endpoint(s) to check.")
    private List<String> targets = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5s", converter = DurationConverter.class,
            description = "One deadline for the whole run (500ms, 5s, 1m30s, as collector configs write durations)."
                    + " Default: ${DEFAULT-VALUE}.")
    private Duration timeout;

    @Option(names = "--protocol", paramLabel = "PROTOCOL", defaultValue = "auto", converter = ProtocolConverter.class,
            completionCandidates = CompletionValues.Protocols.class,
            description = "auto, grpc, http/protobuf or http/json. auto decides by port and identifies what answers."
                    + " Default: ${DEFAULT-VALUE}.")
    private Protocol protocol;

    @Option(names = "--k8s-service", paramLabel = "NAME[.NAMESPACE]",
            description = "Check a collector's Kubernetes Service with kubectl (selector, endpoints, ports), then probe"
                    + " its cluster DNS name. Replaces TARGET.")
    private String k8sService;

    @Option(names = "--targets-file", paramLabel = "FILE",
            description = "More targets, one per line (# starts a comment), e.g. a fleet of collectors; '-' reads"
                    + " standard input.")
    private Path targetsFile;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "128",
            description = "Targets probed at once. Default: ${DEFAULT-VALUE}.")
    private int parallel;

    @Option(names = "--health-url", paramLabel = "URL", converter = HttpUrlConverter.class,
            description = "The collector's health_check extension. Default: http://<target host>:13133/.")
    private URI healthUrl;

    @Option(names = "--metrics-url", paramLabel = "URL", converter = HttpUrlConverter.class,
            description = "The collector's own Prometheus metrics. Default: http://<target host>:8888/metrics.")
    private URI metricsUrl;

    @Option(names = "--local", negatable = true,
            description = "The collector runs on this machine: also look at its processes, listening sockets and"
                    + " firewall (automatic for localhost and this machine's addresses; --no-local: never).")
    private Boolean local;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Also lint the collector's config (repeatable: merged in order, as the collector does)"
                    + " and let the diagnosis use it.")
    private List<Path> configFiles = new ArrayList<>();

    @Option(names = "--collector-version", paramLabel = "VERSION",
            description = "With --config: the collector release the config is for (e.g. 0.110.0). Default: the newest.")
    private String collectorVersion;

    @Option(names = "--signals", paramLabel = "LIST", defaultValue = "traces,metrics,logs",
            description = "Signals to export: any of traces,metrics,logs. Default: ${DEFAULT-VALUE}.")
    private String signals;

    @Option(names = "--send-sample",
            description = "Send one span, metric point and log record (service.name=otlpdoctor, otlpdoctor.check=true)"
                    + " instead of empty requests, so the pipeline behind the receiver is exercised too.")
    private boolean sendSample;

    @Option(names = "--summary",
            description = "Only the verdict, the root cause and one line per target: for fleets (text output).")
    private boolean summary;

    @Option(names = "--progress", negatable = true,
            description = "A live line on stderr while a long run goes on (checked/total, time left). Default: on a"
                    + " terminal.")
    private Boolean progress;

    @Mixin
    private ConnectionOptions connection;

    @Mixin
    private OutputOptions output;

    @Mixin
    private StrictOption strict;

    @Override
    public Integer call() throws InterruptedException {
        if (parallel < 1) {
            throw new InvalidInputException("--parallel " + parallel + ": give at least 1");
        }
        Deadline deadline = Deadline.sinceStart(timeout, startedAt());
        List<RunStep> steps = new ArrayList<>();
        if (!configFiles.isEmpty()) {
            CollectorVersion version = CollectorVersion.parse(collectorVersion);
            steps.add(d -> RunStep.Result.of(ConfigStep.run(configFiles, root.env(), version)));
        }
        if (k8sService != null) {
            if (!targets.isEmpty() || targetsFile != null) {
                throw new InvalidInputException("--k8s-service names what to check: give it without a TARGET");
            }
            steps.add(new KubernetesServiceStep(ServiceRef.parse(k8sService), root.env()));
        }
        ProbeSettings settings = ProbeSettings.builder().protocol(protocol)
                .signals(Signal.parseList(signals, "--signals"))
                .headers(connection.headers(root.env())).tls(connection.tls(root.env())).sendSample(sendSample)
                .healthUrl(healthUrl).metricsUrl(metricsUrl).local(localChecks()).build();
        List<Target> given = k8sService != null ? List.of() : resolveTargets(deadline);
        boolean json = output.json(); // a format check cannot render is refused before anything is probed
        RunProgress counted = new RunProgress();
        Report report;
        ProgressLine line = ProgressLine.start(progress != null ? progress : OutputOptions.terminal(), counted,
                deadline, output.err());
        try {
            report = new Checker(Checker.standardChain(hostFs(), root.env()), parallel)
                    .run(new CheckPlan(steps, given, settings), deadline, counted);
        } finally {
            line.close();
        }
        if (json) {
            new JsonRenderer().render(report, output.out());
        } else {
            new TextRenderer(output.style(root.env()), output.verbose(), summary).render(report, output.out());
        }
        return strict.exitCode(report.status());
    }

    /**
     * The machine the local probes read: {@value #HOST_ROOT} names where its file system is mounted when
     * otlpdoctor runs in a container with the host's / mounted (e.g. at /host), else this machine's /.
     */
    private HostFs hostFs() {
        String root = this.root.env().get(HOST_ROOT);
        return root == null || root.isBlank() ? HostFs.system() : HostFs.at(Path.of(root), ByteOrder.nativeOrder());
    }

    /** When the command started (epoch ms), so the deadline counts the JVM's start-up too; null: now. */
    private Long startedAt() {
        String value = root.env().get(Main.STARTED_AT);
        try {
            return value == null ? null : Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private LocalChecks localChecks() {
        if (local == null) {
            return LocalChecks.AUTO;
        }
        return local ? LocalChecks.ALWAYS : LocalChecks.NEVER;
    }

    private List<Target> resolveTargets(Deadline deadline) {
        if (targets.isEmpty() && targetsFile == null) {
            OtlpEnvironment exporters = new OtlpEnvironment(root.env());
            exporters.requireUsable(protocol);
            List<Target> fromEnvironment = exporters.targets(protocol).targets();
            if (fromEnvironment.isEmpty()) {
                throw new InvalidInputException("no TARGET given and OTEL_*_EXPORTER exports no signal over OTLP:"
                        + " give a TARGET");
            }
            return fromEnvironment;
        }
        TargetParser parser = new TargetParser(protocol, "--protocol");
        List<Target> parsed = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            parsed.add(parser.parse(targets.get(i), Source.argument(i + 1)));
        }
        if (targetsFile != null) {
            parsed.addAll(targetsFile.toString().equals("-")
                    ? TargetsFile.readStandardInput(root.in(), parser, deadline)
                    : TargetsFile.read(targetsFile, parser, deadline));
        }
        return parsed;
    }
}
