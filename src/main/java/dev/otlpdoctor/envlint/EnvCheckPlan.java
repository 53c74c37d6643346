package dev.otlpdoctor.envlint;

import dev.otlpdoctor.InvalidInputException;
import dev.otlpdoctor.otlp.Header;
import dev.otlpdoctor.otlp.OtlpHeaders;
import dev.otlpdoctor.otlp.Signal;
import dev.otlpdoctor.probe.ProbeSettings;
import dev.otlpdoctor.target.EnvSettings;
import dev.otlpdoctor.target.Endpoint;
import dev.otlpdoctor.target.ExporterOption;
import dev.otlpdoctor.target.Setting;
import dev.otlpdoctor.target.SignalExporter;
import dev.otlpdoctor.target.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code env --check} hands to {@code check}: one target per distinct effective endpoint (with the
 * transport of its protocol and the base path the HTTP probe appends {@code /v1/<signal>} to), the
 * probe settings (with the headers of {@code OTEL_EXPORTER_OTLP_HEADERS}), and the exporter settings the
 * probes do not apply, so the report can say what was not reproduced.
 *
 * @param targets the endpoints to probe, each once
 * @param settings the probe settings
 * @param notReproduced exporter settings the probes do not apply (header names, TLS files), one phrase each
 */
public record EnvCheckPlan(List<Target> targets, ProbeSettings settings, List<String> notReproduced) {

    /**
     * @param unresolved variables whose values are known only at run time: endpoints set by them are not probed
     */
    public static EnvCheckPlan of(List<SignalExporter> signals, EnvSettings settings) {
        Set<String> unresolved = settings.unresolved().keySet();
        Map<String, Target> targets = new LinkedHashMap<>();
        List<String> notReproduced = new ArrayList<>();
        List<Header> headers = headers(settings, notReproduced);
        for (SignalExporter signal : signals) {
            if (!signal.otlpEnabled() || signal.endpoint() == null || signal.protocol() == null) {
                continue;
            }
            Setting endpointSetting = signal.endpoint().setting();
            if (endpointSetting != null && unresolved.contains(endpointSetting.variable())) {
                notReproduced.add(signal.signal().label() + ": " + endpointSetting.variable()
                        + " is resolved only at run time, so it is not probed");
                continue;
            }
            String origin = signal.option(ExporterOption.PROTOCOL).map(Setting::variable).orElse("");
            // Probed with the TLS the exporter would use: a gRPC endpoint without scheme means TLS unless
            // _INSECURE=true, which a plain host:port target would not say.
            EnvTls tls = EnvTls.of(signal);
            Target target = signal.endpoint().toTarget(signal.signal(), signal.protocol(), origin, tls.enabled(),
                    signal.endpoint().scheme().isEmpty() ? tls.reason() : "");
            Endpoint e = target.endpoints().get(0);
            targets.putIfAbsent(e.label() + " " + e.transport() + " " + e.tls() + " " + e.basePath(), target);
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
        return new EnvCheckPlan(List.copyOf(targets.values()), ProbeSettings.builder().headers(headers).build(),
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
        try {
            return OtlpHeaders.resolve(Map.of(OtlpHeaders.ENV, general.get().value()), List.of());
        } catch (InvalidInputException e) {
            notReproduced.add(general.get().describe() + " (not valid header syntax, see the findings above)");
            return List.of();
        }
    }
}
