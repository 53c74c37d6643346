package dev.otlpdoctor.cli;

import dev.otlpdoctor.check.Checker;
import dev.otlpdoctor.otlp.Signal;
import dev.otlpdoctor.probe.ProbeSettings;
import dev.otlpdoctor.report.Report;
import dev.otlpdoctor.target.OtlpEnvironment;
import dev.otlpdoctor.target.Protocol;
import dev.otlpdoctor.target.Source;
import dev.otlpdoctor.target.Target;
import dev.otlpdoctor.target.TargetParser;
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
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Probe a collector's OTLP endpoints and name the root cause of what fails.",
        description = {
            "TARGET is host (both 4317 gRPC and 4318 HTTP), host:port, [ipv6]:port, or http(s)://host:port[/path].",
            "Without TARGET: the endpoints of OTEL_EXPORTER_OTLP_ENDPOINT and OTEL_EXPORTER_OTLP_{TRACES,METRICS,LOGS}_ENDPOINT,"
                + " else localhost. Several TARGETs are probed concurrently, all under one --timeout."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  otlpdoctor check                                  # OTEL_EXPORTER_OTLP_ENDPOINT, else localhost",
            "  otlpdoctor check collector-host                   # both OTLP ports",
            "  otlpdoctor check collector:4317 --timeout 2s",
            "  otlpdoctor check http://collector:4318/otlp -o json | jq -r .diagnosis.code",
            "  otlpdoctor check '[::1]:4317' otel-a:4317 otel-b:4317",
            "  otlpdoctor check https://collector:4318 --ca-cert ca.pem --send-sample",
            "",
            "Exit codes: 0 no failure (with --strict: no warning either), 1 a check failed,",
            "            2 usage or input error, 3 internal error."})
public final class CheckCommand implements Callable<Integer> {

    @ParentCommand
    private RootCommand root;

    @Parameters(paramLabel = "TARGET", arity = "0..*", description = "Collector endpoint(s) to check.")
    private List<String> targets = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5s", converter = DurationConverter.class,
            description = "One deadline for the whole run (500ms, 5s, 1m). Default: ${DEFAULT-VALUE}.")
    private Duration timeout;

    @Option(names = "--protocol", paramLabel = "PROTOCOL", defaultValue = "auto", converter = ProtocolConverter.class,
            description = "auto, grpc, http/protobuf or http/json. auto decides by port and identifies what answers."
                    + " Default: ${DEFAULT-VALUE}.")
    private Protocol protocol;

    @Option(names = "--strict", description = "Exit 1 on warnings too.")
    private boolean strict;

    @Option(names = "--signals", paramLabel = "LIST", defaultValue = "traces,metrics,logs",
            description = "Signals to export: any of traces,metrics,logs. Default: ${DEFAULT-VALUE}.")
    private String signals;

    @Option(names = "--send-sample",
            description = "Send one span, metric point and log record (service.name=otlpdoctor, otlpdoctor.check=true)"
                    + " instead of empty requests, so the pipeline behind the receiver is exercised too.")
    private boolean sendSample;

    @Mixin
    private ConnectionOptions connection;

    @Mixin
    private OutputOptions output;

    @Override
    public Integer call() {
        List<Target> parsed = resolveTargets();
        ProbeSettings settings = new ProbeSettings(timeout, protocol, Signal.parseList(signals, "--signals"),
                connection.headers(root.env()), connection.tls(root.env()), sendSample);
        Report report = new Checker(Checker.standardChain()).check(parsed, settings);
        ReportPrinter.print(report, output, root.env(), root.out());
        return ReportPrinter.exitCode(report.status(), strict);
    }

    private List<Target> resolveTargets() {
        if (targets.isEmpty()) {
            return new OtlpEnvironment(root.env()).targets(protocol);
        }
        TargetParser parser = new TargetParser(protocol, "--protocol");
        List<Target> parsed = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            parsed.add(parser.parse(targets.get(i), Source.argument(i + 1)));
        }
        return parsed;
    }
}
