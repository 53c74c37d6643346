package dev.otlpdoctor.envlint;

import dev.otlpdoctor.probe.ProbeSettings;
import dev.otlpdoctor.target.Endpoint;
import dev.otlpdoctor.target.ExporterOption;
import dev.otlpdoctor.target.Protocol;
import dev.otlpdoctor.target.Setting;
import dev.otlpdoctor.target.SignalExporter;
import dev.otlpdoctor.target.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code env --check} hands to {@code check}: one target per distinct effective endpoint (with the
 * transport of its protocol and the base path the HTTP probe appends {@code /v1/<signal>} to), the
 * probe settings, and the exporter settings the probes cannot use yet, so the report can say what was
 * not reproduced.
 *
 * @param targets the endpoints to probe, each once
 * @param settings the probe settings
 * @param notReproduced exporter settings the probes do not apply (header names, TLS files), one phrase each
 */
public record EnvCheckPlan(List<Target> targets, ProbeSettings settings, List<String> notReproduced) {

    /**
     * @param unresolved variables whose values are known only at run time: endpoints set by them are not probed
     */
    public static EnvCheckPlan of(List<SignalExporter> signals, Set<String> unresolved, Duration timeout) {
        Map<String, Target> targets = new LinkedHashMap<>();
        List<String> notReproduced = new ArrayList<>();
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
            Target target = signal.endpoint().toTarget(signal.signal(), signal.protocol(), origin);
            Endpoint e = target.endpoints().get(0);
            targets.putIfAbsent(e.label() + " " + e.transport() + " " + e.tls() + " " + e.basePath(), target);
            for (ExporterOption option : List.of(ExporterOption.HEADERS, ExporterOption.CERTIFICATE,
                    ExporterOption.CLIENT_CERTIFICATE, ExporterOption.CLIENT_KEY)) {
                signal.option(option).ifPresent(s -> {
                    String phrase = s.variable() + " (the probes do not send headers or client TLS files yet)";
                    if (!notReproduced.contains(phrase)) {
                        notReproduced.add(phrase);
                    }
                });
            }
        }
        return new EnvCheckPlan(List.copyOf(targets.values()), new ProbeSettings(timeout, Protocol.AUTO),
                List.copyOf(notReproduced));
    }
}
