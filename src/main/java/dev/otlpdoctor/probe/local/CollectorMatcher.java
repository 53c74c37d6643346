package dev.otlpdoctor.probe.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises collector processes by program name and arguments. The names are those the distributions
 * ship (docs/collector-behaviour.md, "Collector executables", says where each comes from):
 * {@code otelcol}, {@code otelcol-contrib}, {@code otelcol-k8s} and builder output {@code otelcol-*}
 * (the core releases, Splunk's and Elastic's EDOT {@code otelcol}); AWS ADOT {@code aoc},
 * {@code awscollector}, {@code aws-otel-collector}; Grafana Alloy {@code alloy run}; Elastic Agent's
 * {@code elastic-agent otel}; and any program with "collector" in its name started with {@code --config}.
 */
public final class CollectorMatcher {
    private CollectorMatcher() {
    }

    /** The distribution name when the process is a collector. */
    public static Optional<String> distribution(ProcessInfo process) {
        String program = process.program().toLowerCase(Locale.ROOT);
        List<String> argv = process.argv();
        switch (program) {
            case "otelcol":
                return Optional.of("OpenTelemetry Collector (otelcol: core, Splunk or EDOT build)");
            case "otelcol-contrib":
                return Optional.of("OpenTelemetry Collector Contrib");
            case "otelcol-k8s":
                return Optional.of("OpenTelemetry Collector for Kubernetes");
            case "aoc":
            case "awscollector":
            case "aws-otel-collector":
                return Optional.of("AWS Distro for OpenTelemetry Collector");
            case "alloy":
                return argv.size() > 1 && argv.get(1).equals("run") ? Optional.of("Grafana Alloy") : Optional.empty();
            case "elastic-agent":
                return argv.size() > 1 && argv.get(1).equals("otel")
                        ? Optional.of("Elastic Distribution of OpenTelemetry Collector (elastic-agent otel)")
                        : Optional.empty();
            default:
                break;
        }
        if (program.startsWith("otelcol-") || program.startsWith("otelcol_")) {
            return Optional.of("OpenTelemetry Collector build '" + process.program() + "'");
        }
        if (program.contains("collector") && !configs(process).isEmpty()) {
            return Optional.of("collector build '" + process.program() + "'");
        }
        return Optional.empty();
    }

    /**
     * Every {@code --config} value ({@code --config X}, {@code --config=X}, and the single-dash forms Go's
     * flag package also accepts); for Alloy, the configuration path after {@code run}.
     */
    public static List<ConfigArgument> configs(ProcessInfo process) {
        List<String> argv = process.argv();
        List<ConfigArgument> out = new ArrayList<>();
        boolean alloy = process.program().equals("alloy");
        for (int i = 1; i < argv.size(); i++) {
            String arg = argv.get(i);
            if (arg.equals("--config") || arg.equals("-config")) {
                if (i + 1 < argv.size()) {
                    out.add(ConfigArgument.parse(argv.get(++i)));
                }
            } else if (arg.startsWith("--config=") || arg.startsWith("-config=")) {
                out.add(ConfigArgument.parse(arg.substring(arg.indexOf('=') + 1)));
            } else if (alloy && i >= 2 && !arg.startsWith("-") && !takesValue(argv.get(i - 1))) {
                out.add(ConfigArgument.parse(arg));
            }
        }
        return out;
    }

    /** {@code --flag value}: a flag without '=' whose value is the next argument. */
    private static boolean takesValue(String previous) {
        return previous.startsWith("-") && !previous.contains("=");
    }
}
