package dev.otlpdoctor.report.catalog;

import static dev.otlpdoctor.report.Severity.FAIL;
import static dev.otlpdoctor.report.Severity.WARN;

import dev.otlpdoctor.report.CatalogEntry;
import java.util.List;

/**
 * The Service-level codes shared by the offline Kubernetes lint and {@code check --k8s-service}.
 * They are defined here only until both are merged; the merge keeps one definition of each code
 * (with the placeholders {service}, {protocol}, {port}, {servicePort}, {targetPort}, {selector}, {podLabels}).
 */
public final class K8sServiceCodes {
    private K8sServiceCodes() {
    }

    public static final CatalogEntry SERVICE_PORT_MISSING = new CatalogEntry("k8s.service-port-missing", WARN,
            "Service {service} does not expose {protocol} port {port}",
            "Applications reach the collector through its Service, which forwards only the ports it lists. "
                    + "Without 4317 (OTLP/gRPC) or 4318 (OTLP/HTTP) among them, exporters using that protocol "
                    + "are refused or time out, however healthy the collector pods are.",
            "The Service's ports.",
            List.of("Add the OTLP ports to the Service:\nspec:\n  ports:\n    - name: otlp-grpc\n      port: 4317\n"
                    + "      targetPort: 4317\n      appProtocol: grpc\n    - name: otlp-http\n      port: 4318\n"
                    + "      targetPort: 4318",
                    "Apply it and check: kubectl get svc {service} -o wide"));

    public static final CatalogEntry TARGET_PORT_MISMATCH = new CatalogEntry("k8s.target-port-mismatch", FAIL,
            "Service {service} port {servicePort} targets {targetPort}, which is not the collector's port for it",
            "A Service forwards each port to its targetPort on the selected pods (by number, or by the name of a "
                    + "containerPort). A name no container declares leaves the port without endpoints; a number "
                    + "no container declares works only if the process happens to listen there; and a gRPC port "
                    + "forwarded to the HTTP port (or the reverse) reaches a server of the other protocol.",
            "The Service port, its targetPort and the containers' ports.",
            List.of("Point targetPort at the collector container's port, e.g. targetPort: 4317, or at the name of "
                    + "the containerPort that carries it.",
                    "List what the containers declare: kubectl get pods -l <selector> -o jsonpath="
                            + "'{range .items[*].spec.containers[*].ports[*]}{.name}={.containerPort}{\"\\n\"}{end}'"));

    public static final CatalogEntry SELECTOR_MISMATCH = new CatalogEntry("k8s.selector-mismatch", FAIL,
            "Service {service} selects no pod ({selector})",
            "A Service sends traffic to the pods whose labels match all of its selector. When no pod has those "
                    + "labels, the Service has no endpoints and every connection through it is refused.",
            "The Service's selector, the pods it matches and the labels of the collector's pod templates.",
            List.of("Make the selector match the pod labels (spec.template.metadata.labels), e.g.\n"
                    + "spec:\n  selector:\n    {podLabels}",
                    "Compare: kubectl get pods --show-labels; kubectl get endpoints {service}"));

    static final List<CatalogEntry> ALL = List.of(SERVICE_PORT_MISSING, TARGET_PORT_MISMATCH, SELECTOR_MISMATCH);
}
