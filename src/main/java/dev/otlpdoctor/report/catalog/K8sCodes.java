package dev.otlpdoctor.report.catalog;

import static dev.otlpdoctor.report.Severity.FAIL;
import static dev.otlpdoctor.report.Severity.INFO;
import static dev.otlpdoctor.report.Severity.WARN;

import dev.otlpdoctor.report.CatalogEntry;
import java.util.List;

/** Codes of the Kubernetes manifest lint: workloads, Services and ConfigMaps that run a collector. */
public final class K8sCodes {
    private K8sCodes() {
    }

    public static final CatalogEntry SERVICE_PORT_MISSING = new CatalogEntry("k8s.service-port-missing", WARN,
            "Service {service} does not expose {protocol} port {port}",
            "The collector's config opens an OTLP port, but the Service in front of the collector pods has no "
                    + "port whose targetPort reaches it. Applications that connect through the Service to that "
                    + "port are refused or time out.",
            "The Service, its ports, and the OTLP ports the mounted config opens.",
            List.of("Add the port to the Service:\nspec:\n  ports:\n    - name: otlp-grpc\n      port: 4317\n"
                    + "      targetPort: 4317\n      appProtocol: grpc\n    - name: otlp-http\n      port: 4318\n"
                    + "      targetPort: 4318"));

    public static final CatalogEntry TARGET_PORT_MISMATCH = new CatalogEntry("k8s.target-port-mismatch", FAIL,
            "Service {service} port {servicePort} targets {targetPort}, where nothing listens",
            "A Service forwards to its targetPort on the pod. A named targetPort must match a container port "
                    + "name, and the port number it resolves to must be one the collector's config listens on; "
                    + "otherwise connections through the Service are refused.",
            "The Service port, its targetPort, the container ports and the ports the config listens on.",
            List.of("Point targetPort at the receiver's port (or at the name of the containerPort that carries it), "
                    + "e.g. targetPort: 4317, or change the receiver endpoint to the port the Service targets."));

    public static final CatalogEntry SELECTOR_MISMATCH = new CatalogEntry("k8s.selector-mismatch", FAIL,
            "Service {service} selects no collector pod ({selector})",
            "A Service sends traffic to the pods whose labels match all of its selector. When no pod template "
                    + "of the collector has those labels, the Service has no endpoints and every connection "
                    + "through it fails.",
            "The Service's selector and the labels of the pod templates in the manifests.",
            List.of("Make the selector match the pod template labels (spec.template.metadata.labels), e.g.\n"
                    + "spec:\n  selector:\n    app.kubernetes.io/name: {podLabels}",
                    "Check what the Service selects in the cluster: kubectl get endpoints {service}"));

    public static final CatalogEntry CONTAINER_PORT_MISSING = new CatalogEntry("k8s.container-port-missing", INFO,
            "container {container} of {workload} does not declare port {port} ({owner})",
            "The config listens on a port that the container's ports list does not declare. Traffic still "
                    + "reaches an undeclared port, but a Service cannot target it by name and readers of the "
                    + "manifest (and tools such as the operator) do not see it.",
            "The container's ports and the ports of the mounted config.",
            List.of("Declare it:\nports:\n  - name: otlp-grpc\n    containerPort: 4317\n    protocol: TCP"));

    public static final CatalogEntry PROBE_PORT_CLOSED = new CatalogEntry("k8s.probe-port-closed", FAIL,
            "{probe} of {container} checks port {port}, where nothing will listen",
            "A liveness, readiness or startup probe points at a port that the mounted collector config does not "
                    + "open for the kubelet — e.g. 13133 without the health_check extension in "
                    + "service.extensions, or health_check bound to localhost. The probe fails: a failing "
                    + "liveness probe restarts the pod forever, a failing readiness probe keeps it out of the Service.",
            "The probe, its port (named ports resolved), and the ports the config opens.",
            List.of("Enable the health_check extension on all interfaces:\nextensions:\n  health_check:\n"
                    + "    endpoint: 0.0.0.0:13133\nservice:\n  extensions: [health_check]",
                    "Or point the probe at a port the collector opens."));

    public static final CatalogEntry RECEIVER_LOCALHOST = new CatalogEntry("k8s.receiver-localhost", FAIL,
            "{owner} listens on {address} inside a pod: other pods are refused",
            "Inside a pod, localhost is the pod itself. A receiver on localhost/127.0.0.1 — written, or by "
                    + "default since collector v0.104.0 — cannot be reached through the pod IP or a Service.",
            "The receiver, its endpoint (or the default that applies) and the collector version assumed.",
            List.of("Bind the pod IP, as the Helm chart does:\nreceivers:\n  otlp:\n    protocols:\n      grpc:\n"
                    + "        endpoint: ${env:MY_POD_IP}:4317\nwith env:\n  - name: MY_POD_IP\n    valueFrom:\n"
                    + "      fieldRef:\n        fieldPath: status.podIP",
                    "Or bind all interfaces: endpoint: 0.0.0.0:4317"));

    public static final CatalogEntry CONFIG_NOT_MOUNTED = new CatalogEntry("k8s.config-not-mounted", FAIL,
            "{container} loads {path}, but {problem}",
            "The collector reads the file given by --config, or without it the image's default "
                    + "(/etc/otelcol-contrib/config.yaml for the contrib image, /etc/otelcol/config.yaml for the "
                    + "core image). When the ConfigMap is mounted elsewhere or under another key, the collector "
                    + "starts with the image's built-in config (or none), not yours.",
            "The container's args and image, its volume mounts and the ConfigMap keys.",
            List.of("Mount the ConfigMap where the collector reads, and pass it explicitly:\nargs: [\"--config=/conf/"
                    + "config.yaml\"]\nvolumeMounts:\n  - name: config\n    mountPath: /conf\nvolumes:\n  - name: config\n"
                    + "    configMap:\n      name: <configmap>\n      items:\n        - key: <key>\n          path: config.yaml"));

    static final List<CatalogEntry> ALL = List.of(SERVICE_PORT_MISSING, TARGET_PORT_MISMATCH, SELECTOR_MISMATCH,
            CONTAINER_PORT_MISSING, PROBE_PORT_CLOSED, RECEIVER_LOCALHOST, CONFIG_NOT_MOUNTED);
}
