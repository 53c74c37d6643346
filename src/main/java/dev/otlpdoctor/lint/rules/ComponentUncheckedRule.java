package dev.otlpdoctor.lint.rules;

import dev.otlpdoctor.lint.config.Component;
import dev.otlpdoctor.lint.yaml.Located;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.catalog.ConfigCodes;
import java.util.function.Consumer;

/**
 * A component whose type has no shipped schema: its settings are not checked, which lint says (info)
 * rather than pass over in silence or guess. Removed components are left to DeprecatedComponentRule.
 */
final class ComponentUncheckedRule implements ConfigRule {
    @Override
    public void check(ConfigContext context, Consumer<Finding> findings) {
        for (Component component : context.schema().unchecked()) {
            if (DeprecatedComponentRule.covers(component)) {
                continue;
            }
            findings.accept(Located.at(ConfigCodes.COMPONENT_UNCHECKED.finding(), component.location())
                    .evidence("component", component.id().toString())
                    .evidence("kind", singular(component.kind()))
                    .evidence("type", component.id().type())
                    .detail("The config schemas shipped (collector " + context.schema().release() + ") do not cover "
                            + "this component type; its settings were not checked.")
                    .build());
        }
    }

    private static String singular(String section) {
        return section.substring(0, section.length() - 1);
    }
}
