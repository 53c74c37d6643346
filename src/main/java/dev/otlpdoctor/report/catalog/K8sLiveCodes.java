package dev.otlpdoctor.report.catalog;

import static dev.otlpdoctor.report.Severity.FAIL;
import static dev.otlpdoctor.report.Severity.INFO;
import static dev.otlpdoctor.report.Severity.PASS;
import static dev.otlpdoctor.report.Severity.SKIP;
import static dev.otlpdoctor.report.Severity.WARN;

import dev.otlpdoctor.report.CatalogEntry;
import java.util.List;

/** Codes of {@code check --k8s-service}: what the cluster says about the collector's Service, read with kubectl. */
public final class K8sLiveCodes {
    private K8sLiveCodes() {
    }

    public static final CatalogEntry KUBECTL_UNAVAILABLE = new CatalogEntry("k8s.kubectl-unavailable", SKIP,
            "Kubernetes checks skipped: {reason}",
            "check --k8s-service reads the Service, its endpoints and pods with kubectl. Without kubectl on the "
                    + "PATH, or when kubectl fails (no context, no access, API server unreachable), the "
                    + "Service-level checks that need what it could not read are skipped; nothing is concluded "
                    + "from what was not read.",
            "Whether kubectl was found, and its one-line error.",
            List.of("Install kubectl and select the cluster: kubectl config use-context <context>",
                    "Check access: kubectl auth can-i get services,endpointslices,pods -n <namespace>"));

    public static final CatalogEntry SERVICE_NOT_FOUND = new CatalogEntry("k8s.service-not-found", FAIL,
            "Service {service} does not exist in namespace {namespace}",
            "kubectl found no Service of that name in the namespace: a typo, another namespace, or the "
                    + "collector's Service was never created (a Helm release or operator resource that failed).",
            "kubectl's error line.",
            List.of("List the Services that could be the collector: kubectl get svc -A | grep -i -e otel -e collector",
                    "Give the namespace: otlpdoctor check --k8s-service <name>.<namespace>"));

    public static final CatalogEntry SERVICE_FOUND = new CatalogEntry("k8s.service-found", PASS,
            "Service {service} ({type}) exposes {ports}",
            "The Service exists; its ports are what applications in the cluster can connect to.",
            "The Service's type, cluster IP and ports.",
            List.of());

    public static final CatalogEntry ENDPOINTS_READY = new CatalogEntry("k8s.endpoints-ready", PASS,
            "Service {service} has {ready} ready endpoint(s)",
            "The Service's endpoint slices list ready pod addresses, so connections through it reach a pod.",
            "The ready addresses and the pods they belong to.",
            List.of());

    public static final CatalogEntry NO_ENDPOINTS = new CatalogEntry("k8s.no-endpoints", FAIL,
            "Service {service} has no ready endpoints: {reason}",
            "A Service forwards connections only to ready pods that its selector matches. With none, a "
                    + "connection to the Service's cluster IP is refused (or times out), whatever the ports say.",
            "The endpoint slices of the Service, and the pods its selector matches.",
            List.of("See what the Service selects: kubectl get endpointslices -l kubernetes.io/service-name={name} "
                    + "-n {namespace}",
                    "See the collector pods and why they are not ready: kubectl get pods -n {namespace} -l {selectorArg}; "
                            + "kubectl describe pod <pod> -n {namespace}"));

    public static final CatalogEntry PODS_NOT_READY = new CatalogEntry("k8s.pods-not-ready", FAIL,
            "{notReady} collector pod(s) are not ready: {pods}",
            "A pod that is not ready is taken out of the Service. A crashing collector (CrashLoopBackOff) "
                    + "usually means its configuration does not load: an unknown or removed component (the "
                    + "logging exporter since v0.111.0), a bad YAML key, or a port already in use.",
            "Each pod's phase, readiness and the waiting reason of its containers.",
            List.of("Read why the collector stops: kubectl logs <pod> -n {namespace} --previous",
                    "Lint its configuration: otlpdoctor lint <config.yaml>"));

    public static final CatalogEntry APP_PROTOCOL_MISSING = new CatalogEntry("k8s.app-protocol-missing", WARN,
            "Service {service} port {servicePort} carries gRPC without appProtocol: grpc or a grpc- name",
            "Service meshes (Istio, Linkerd) and some load balancers pick the protocol of a port from its "
                    + "appProtocol or its name prefix. A gRPC port named otherwise is treated as plain TCP or "
                    + "HTTP/1.1: gRPC is not load-balanced per request, or fails through the proxy.",
            "The port's name and appProtocol, and whether a mesh sidecar runs in the pods.",
            List.of("Declare the protocol on the Service port:\nspec:\n  ports:\n    - name: grpc-otlp\n"
                    + "      port: {servicePort}\n      appProtocol: grpc"));

    public static final CatalogEntry OUTSIDE_CLUSTER = new CatalogEntry("k8s.outside-cluster", INFO,
            "{host} resolves only inside the cluster; from here: kubectl port-forward -n {namespace} svc/{service} "
                    + "4317 4318, then otlpdoctor check localhost",
            "A Service's cluster DNS name is served by the cluster's DNS to pods only. From a workstation the "
                    + "network probes of that name end at dns.unresolved, which then says nothing about the "
                    + "collector; the Service view above still holds.",
            "KUBERNETES_SERVICE_HOST is not set in otlpdoctor's environment.",
            List.of("Probe through the Service from here: kubectl port-forward -n {namespace} svc/{service} 4317 4318, "
                    + "then: otlpdoctor check localhost",
                    "Or probe from inside the cluster, as applications do: the Job in deploy/kubernetes/otlpdoctor-job.yaml"));

    static final List<CatalogEntry> ALL = List.of(KUBECTL_UNAVAILABLE, OUTSIDE_CLUSTER, SERVICE_NOT_FOUND, SERVICE_FOUND, ENDPOINTS_READY,
            NO_ENDPOINTS, PODS_NOT_READY, APP_PROTOCOL_MISSING);
}
