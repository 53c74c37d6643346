package dev.otlpdoctor.lint.rules;

import dev.otlpdoctor.lint.config.CollectorConfig;
import dev.otlpdoctor.lint.config.Component;
import dev.otlpdoctor.lint.config.Pipeline;
import dev.otlpdoctor.lint.config.Reference;
import dev.otlpdoctor.lint.yaml.Located;
import dev.otlpdoctor.lint.yaml.Location;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.Severity;
import dev.otlpdoctor.report.catalog.ConfigCodes;
import java.util.function.Consumer;

/**
 * Processors, exporters and extensions the service section uses but no section defines (the collector
 * refuses the config: fail), and extensions defined but not listed in service.extensions (never started:
 * warn, because the config is valid but the extension's port stays closed).
 */
final class ComponentUndefinedRule implements ConfigRule {
    @Override
    public void check(ConfigContext context, Consumer<Finding> findings) {
        CollectorConfig config = context.config();
        for (Pipeline pipeline : config.pipelines()) {
            for (Reference ref : pipeline.processors()) {
                if (!config.section("processors").containsKey(ref.id())) {
                    findings.accept(undefined("processor", "processors", ref, "pipeline " + pipeline.id()));
                }
            }
            for (Reference ref : pipeline.exporters()) {
                if (!config.section("exporters").containsKey(ref.id()) && !config.section("connectors").containsKey(ref.id())) {
                    findings.accept(undefined("exporter", "exporters", ref, "pipeline " + pipeline.id()));
                }
            }
        }
        for (Reference ref : config.serviceExtensions()) {
            if (!config.section("extensions").containsKey(ref.id())) {
                findings.accept(undefined("extension", "extensions", ref, "service.extensions"));
            }
        }
        for (Component extension : config.section("extensions").values()) {
            if (!config.extensionEnabled(extension.id().toString())) {
                findings.accept(finding("extension", "extensions", extension.id().toString(), "its definition",
                        extension.location())
                        .param("problem", "is defined but not listed in service.extensions: it is not started")
                        .severity(Severity.WARN)
                        .detail("Extension '{component}' is defined but not listed in service.extensions, so the "
                                + "collector does not start it.")
                        .build());
            }
        }
    }

    private static Finding undefined(String kind, String section, Reference ref, String usedIn) {
        return finding(kind, section, ref.id(), usedIn, ref.location())
                .param("problem", "is used in " + usedIn + " but not defined")
                .detail("{usedIn} uses {kind} '{component}', but the {section} section does not define it: the "
                        + "collector will not start.")
                .build();
    }

    private static Finding.Builder finding(String kind, String section, String id, String usedIn, Location at) {
        return Located.at(ConfigCodes.COMPONENT_UNDEFINED.finding(), at)
                .evidence("component", id)
                .evidence("kind", kind)
                .param("section", section)
                .param("usedIn", usedIn);
    }
}
