package dev.otlpdoctor.lint.rules;

import dev.otlpdoctor.lint.config.CollectorVersion;
import dev.otlpdoctor.lint.config.Component;
import dev.otlpdoctor.lint.config.EnvReference;
import dev.otlpdoctor.lint.yaml.Located;
import dev.otlpdoctor.lint.yaml.Location;
import dev.otlpdoctor.lint.yaml.YamlNode;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.Severity;
import dev.otlpdoctor.report.catalog.ConfigCodes;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Components, keys and syntax the collector removed, each with the releases taken from the collector's
 * changelog (docs/collector-behaviour.md). A removed component fails the config even when unused.
 */
final class DeprecatedComponentRule implements ConfigRule {
    private static final Map<String, Removal> COMPONENTS = Map.of(
            "exporters/logging", new Removal("exporter logging", CollectorVersion.v(86), CollectorVersion.v(111),
                    Severity.FAIL, "removed",
                    "Replace the logging exporter with debug (same verbosity option) in exporters and in every "
                            + "pipeline:\nexporters:\n  debug:\n    verbosity: detailed\nservice:\n  pipelines:\n"
                            + "    traces:\n      exporters: [debug]"),
            "extensions/memory_ballast", new Removal("extension memory_ballast", CollectorVersion.v(92),
                    CollectorVersion.v(109), Severity.FAIL, "removed",
                    "Remove memory_ballast from extensions and service.extensions, and set GOMEMLIMIT in the "
                            + "collector's environment instead (about 80% of its memory limit, e.g. GOMEMLIMIT=1600MiB)."));

    private static final Removal TELEMETRY_ADDRESS = new Removal("service.telemetry.metrics.address",
            CollectorVersion.v(111), CollectorVersion.v(123), Severity.WARN, "ignored",
            "Configure the internal metrics endpoint with a reader:\nservice:\n  telemetry:\n    metrics:\n"
                    + "      readers:\n        - pull:\n            exporter:\n              prometheus:\n"
                    + "                host: 0.0.0.0\n                port: 8888");

    private static final CollectorVersion TELEMETRY_ADDRESS_REFUSED = CollectorVersion.v(128);

    private static final Removal BARE_VARIABLE = new Removal("bash-style variable reference", CollectorVersion.v(0),
            CollectorVersion.v(104), Severity.WARN, "not expanded",
            "Write the reference as ${env:NAME} (or ${NAME}); $$ gives a literal dollar sign.");

    /** Whether this rule reports the component (a removed or renamed component type). */
    static boolean covers(Component component) {
        return COMPONENTS.containsKey(component.kind() + "/" + component.id().type());
    }

    @Override
    public void check(ConfigContext context, Consumer<Finding> findings) {
        CollectorVersion version = context.version();
        for (Map.Entry<String, Removal> entry : COMPONENTS.entrySet()) {
            String[] kindAndType = entry.getKey().split("/");
            for (Component component : context.config().section(kindAndType[0]).values()) {
                if (component.id().type().equals(kindAndType[1])) {
                    report(entry.getValue(), version, component.location(), component.id().toString(), findings);
                }
            }
        }
        YamlNode metrics = context.config().root().at("service", "telemetry", "metrics");
        // From v0.128.0 the key is refused outright: the schema rule reports it as an invalid key instead.
        if (metrics != null && metrics.has("address") && !version.atLeast(TELEMETRY_ADDRESS_REFUSED)) {
            report(TELEMETRY_ADDRESS, version, metrics.keyLocation("address"), "address", findings);
        }
        for (EnvReference ref : context.envReferences()) {
            if (ref.bare()) {
                report(BARE_VARIABLE, version, ref.location(), ref.text(), findings);
            }
        }
    }

    private static void report(Removal removal, CollectorVersion version, Location at, String written,
                               Consumer<Finding> findings) {
        removal.severityFor(version).ifPresent(severity -> findings.accept(
                Located.at(ConfigCodes.DEPRECATED_COMPONENT.finding(), at)
                        .severity(severity)
                        .evidence("component", written)
                        .evidence("removedIn", removal.removed().toString())
                        .evidence("collectorVersion", version.toString())
                        .param("what", removal == BARE_VARIABLE ? removal.what() + " " + written : removal.what())
                        .param("change", removal.change(version))
                        .param("since", removal.since(version).toString())
                        .param("replacement", removal.replacement())
                        .detail(severity == Severity.FAIL
                                ? "Collector " + removal.removed() + " and later refuse a config that contains it, even "
                                        + "when no pipeline uses it: the collector does not start and every port is refused."
                                : removal.what() + " is " + removal.change(version) + " since " + removal.since(version)
                                        + " (version assumed: " + version + ").")
                        .build()));
    }
}
