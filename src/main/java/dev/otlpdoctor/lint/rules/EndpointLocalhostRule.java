package dev.otlpdoctor.lint.rules;

import dev.otlpdoctor.lint.config.Listener;
import dev.otlpdoctor.lint.config.Listeners;
import dev.otlpdoctor.lint.yaml.Located;
import dev.otlpdoctor.report.CatalogEntry;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.catalog.ConfigCodes;
import dev.otlpdoctor.report.catalog.K8sCodes;
import java.util.function.Consumer;

/**
 * A receiver bound to a loopback address, written or by default (v0.104.0 and later). In a pod that makes
 * it unreachable for every other pod, which is {@code k8s.receiver-localhost}.
 */
final class EndpointLocalhostRule implements ConfigRule {
    @Override
    public void check(ConfigContext context, Consumer<Finding> findings) {
        boolean inPod = context.config().deployment().inPod();
        CatalogEntry code = inPod ? K8sCodes.RECEIVER_LOCALHOST : ConfigCodes.ENDPOINT_LOCALHOST;
        for (Listener listener : context.listeners()) {
            if (!listener.owner().startsWith("receiver ") || !listener.loopbackOnly()) {
                continue;
            }
            String why = listener.defaulted()
                    ? "No endpoint is written for {owner}; since collector " + Listeners.LOCALHOST_DEFAULT
                            + " the default is {address} (version assumed: " + context.version() + ")."
                    : "The endpoint of {owner} is {address}.";
            findings.accept(Located.at(code.finding(), listener.location())
                    .evidence("component", listener.componentId())
                    .evidence("address", listener.address())
                    .evidence("defaulted", listener.defaulted())
                    .evidence("collectorVersion", context.version().toString())
                    .param("owner", listener.owner())
                    .detail(why + (inPod ? " Other pods, and the Service, connect to the pod IP and are refused."
                            : " Only programs on the same host (or in the same container) can connect."))
                    .build());
        }
    }
}
