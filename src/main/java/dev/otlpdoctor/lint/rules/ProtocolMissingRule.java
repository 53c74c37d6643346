package dev.otlpdoctor.lint.rules;

import dev.otlpdoctor.lint.config.Component;
import dev.otlpdoctor.lint.yaml.Located;
import dev.otlpdoctor.lint.yaml.YamlNode;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.Severity;
import dev.otlpdoctor.report.catalog.ConfigCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * An otlp receiver without {@code protocols.grpc} or {@code protocols.http}. Neither: the collector refuses
 * the config (fail). One of them: that port stays closed (info here; {@code check --config} makes it the
 * root cause when the application's port is refused).
 */
final class ProtocolMissingRule implements ConfigRule {
    @Override
    public void check(ConfigContext context, Consumer<Finding> findings) {
        for (Component receiver : context.config().section("receivers").values()) {
            if (!receiver.id().type().equals("otlp")) {
                continue;
            }
            YamlNode protocols = receiver.body().get("protocols");
            List<String> missing = new ArrayList<>();
            for (String protocol : List.of("grpc", "http")) {
                if (protocols == null || !protocols.has(protocol)) {
                    missing.add(protocol);
                }
            }
            if (missing.isEmpty()) {
                continue;
            }
            boolean none = missing.size() == 2;
            findings.accept(Located.at(ConfigCodes.PROTOCOL_MISSING.finding(),
                            protocols == null ? receiver.location() : receiver.body().keyLocation("protocols"))
                    .severity(none ? Severity.FAIL : Severity.INFO)
                    .evidence("component", receiver.id().toString())
                    .evidence("missing", String.join(" and ", missing))
                    .detail(none ? "The otlp receiver '{component}' defines no protocol: the collector refuses the "
                            + "config (\"must specify at least one protocol\")."
                            : "Only " + (missing.contains("http") ? "gRPC (4317)" : "HTTP (4318)") + " is served by "
                            + "'{component}'; applications using " + (missing.contains("http")
                            ? "http/protobuf or http/json get connection refused on 4318."
                            : "gRPC get connection refused on 4317."))
                    .build());
        }
    }
}
