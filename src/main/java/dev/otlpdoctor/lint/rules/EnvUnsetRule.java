package dev.otlpdoctor.lint.rules;

import dev.otlpdoctor.lint.config.EnvReference;
import dev.otlpdoctor.lint.yaml.Located;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.catalog.ConfigCodes;
import java.util.function.Consumer;

/** A ${env:NAME} or ${NAME} reference whose variable is not set where lint runs. */
final class EnvUnsetRule implements ConfigRule {
    @Override
    public void check(ConfigContext context, Consumer<Finding> findings) {
        for (EnvReference ref : context.envReferences()) {
            if (!ref.bare()) {
                findings.accept(Located.at(ConfigCodes.ENV_UNSET.finding(), ref.location())
                        .evidence("reference", ref.text())
                        .evidence("name", ref.name())
                        .detail("{name} is not set in the environment otlpdoctor runs in; the value was read as empty.")
                        .build());
            }
        }
    }
}
