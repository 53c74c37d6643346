package dev.otlpdoctor.k8s;

import dev.otlpdoctor.InvalidInputException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code NAME[.NAMESPACE]} of {@code --k8s-service}: a Service name, with the namespace after the first
 * dot (Service names cannot contain dots). Without a namespace, kubectl's current namespace applies.
 */
public record ServiceRef(String name, Optional<String> namespace) {
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    public static ServiceRef parse(String text) {
        String trimmed = text.trim();
        int dot = trimmed.indexOf('.');
        String name = dot < 0 ? trimmed : trimmed.substring(0, dot);
        String namespace = dot < 0 ? null : trimmed.substring(dot + 1);
        if (namespace != null && namespace.endsWith(".svc.cluster.local")) {
            namespace = namespace.substring(0, namespace.length() - ".svc.cluster.local".length());
        }
        if (!DNS_LABEL.matcher(name).matches() || (namespace != null && !DNS_LABEL.matcher(namespace).matches())) {
            throw new InvalidInputException("--k8s-service '" + text + "': expected NAME or NAME.NAMESPACE "
                    + "(lower-case letters, digits and '-'), e.g. otel-collector.observability");
        }
        return new ServiceRef(name, Optional.ofNullable(namespace));
    }

    /** The Service's name in cluster DNS, with the default cluster domain. */
    public String dnsName(String resolvedNamespace) {
        return name + "." + resolvedNamespace + ".svc.cluster.local";
    }
}
