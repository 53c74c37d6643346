package dev.otlpdoctor.envlint;

import dev.otlpdoctor.otlp.Header;
import dev.otlpdoctor.otlp.OtlpHeaders;
import dev.otlpdoctor.otlp.ParsedHeaders;
import dev.otlpdoctor.otlp.Signal;
import dev.otlpdoctor.probe.ProbeSettings;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.catalog.RunCodes;
import dev.otlpdoctor.target.EnvSettings;
import dev.otlpdoctor.target.ExporterOption;
import dev.otlpdoctor.target.ExporterTargets;
import dev.otlpdoctor.target.OtlpEnvironment;
import dev.otlpdoctor.target.Protocol;
import dev.otlpdoctor.target.Setting;
import dev.otlpdoctor.target.SignalExporter;
import dev.otlpdoctor.target.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code env --check} hands to {@code check}: the targets of the exporter settings (resolved by
 * {@link OtlpEnvironment#targets}, as {@code check} without TARGET does), the probe settings (with the
 * headers of {@code OTEL_EXPORTER_OTLP_HEADERS}), and the exporter settings the probes do not apply, so the
 * report can say what was not reproduced.
 *
 * @param targets the endpoints to probe, each once
 * @param settings the probe settings
 * @param notReproduced exporter settings the probes do not apply (header names, TLS files), one phrase each
 */
public record EnvCheckPlan(List<Target> targets, ProbeSettings settings, List<String> notReproduced) {

    public static EnvCheckPlan of(OtlpEnvironment exporters, EnvSettings settings) {
        ExporterTargets resolved = exporters.targets(Protocol.AUTO);
        List<String> notReproduced = new ArrayList<>(resolved.notProbed());
        List<Header> headers = headers(settings, notReproduced);
        for (SignalExporter signal : exporters.signals()) {
            if (!signal.otlpEnabled()) {
                continue;
            }
            for (ExporterOption option : List.of(ExporterOption.CERTIFICATE, ExporterOption.CLIENT_CERTIFICATE,
                    ExporterOption.CLIENT_KEY)) {
                signal.option(option).ifPresent(s -> {
                    String phrase = s.variable() + " (give the file to check with --ca-cert, --client-cert, --client-key)";
                    if (!notReproduced.contains(phrase)) {
                        notReproduced.add(phrase);
                    }
                });
            }
        }
        return new EnvCheckPlan(resolved.targets(), ProbeSettings.builder().headers(headers).build(),
                List.copyOf(notReproduced));
    }

    /**
     * The headers every signal sends ({@code OTEL_EXPORTER_OTLP_HEADERS}); per-signal header variables
     * differ per signal while the probes send one set, so they are named as not reproduced. Header syntax
     * errors are the env lint's findings; the check then goes without headers and says so.
     */
    private static List<Header> headers(EnvSettings settings, List<String> notReproduced) {
        for (Signal signal : Signal.values()) {
            settings.get(ExporterOption.HEADERS.variable(signal)).ifPresent(s -> notReproduced.add(s.variable()
                    + " (per-signal headers: the probes send " + OtlpHeaders.ENV + " to every signal)"));
        }
        Optional<Setting> general = settings.get(OtlpHeaders.ENV);
        if (general.isEmpty()) {
            return List.of();
        }
        ParsedHeaders parsed = OtlpHeaders.parseList(general.get().value(), "env " + OtlpHeaders.ENV);
        if (!parsed.onlyLenientProblems()) {
            notReproduced.add(general.get().describe() + " (not valid header syntax, see the findings above)");
            return List.of();
        }
        return parsed.headers();
    }

    /**
     * What the plan itself says about the check: with nothing to probe, {@code --check} proves nothing, which
     * fails the check (exit 1) instead of passing it unseen.
     */
    public List<Finding> findings() {
        if (!targets.isEmpty()) {
            return List.of();
        }
        return List.of(RunCodes.NOT_PROVEN.finding()
                .param("missing", "nothing to probe (no signal is exported over OTLP to an endpoint known offline)")
                .evidence("reason", "env --check found no endpoint to probe")
                .build());
    }
}
