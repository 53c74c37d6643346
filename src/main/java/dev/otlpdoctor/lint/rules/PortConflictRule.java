package dev.otlpdoctor.lint.rules;

import dev.otlpdoctor.lint.config.Listener;
import dev.otlpdoctor.lint.yaml.Located;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.catalog.ConfigCodes;
import java.util.List;
import java.util.function.Consumer;

/** Two sockets of the config on one port with overlapping addresses: the second bind fails. */
final class PortConflictRule implements ConfigRule {
    @Override
    public void check(ConfigContext context, Consumer<Finding> findings) {
        List<Listener> listeners = context.listeners();
        for (int i = 0; i < listeners.size(); i++) {
            for (int j = 0; j < i; j++) {
                Listener first = listeners.get(j);
                Listener second = listeners.get(i);
                if (second.conflictsWith(first)) {
                    findings.accept(Located.at(ConfigCodes.PORT_CONFLICT.finding(), second.location())
                            .evidence("port", second.port())
                            .evidence("address", second.address())
                            .evidence("otherAddress", first.address())
                            .evidence("otherLocation", first.location().toString())
                            .param("owner", second.owner())
                            .param("other", first.owner())
                            .detail("{owner} binds {address} and {other} binds {otherAddress} (" + first.location()
                                    + "): the second bind fails with \"address already in use\".")
                            .build());
                }
            }
        }
    }
}
