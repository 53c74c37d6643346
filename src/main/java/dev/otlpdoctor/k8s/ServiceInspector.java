package dev.otlpdoctor.k8s;

import static dev.otlpdoctor.probe.JsonFields.bool;
import static dev.otlpdoctor.probe.JsonFields.integer;
import static dev.otlpdoctor.probe.JsonFields.object;
import static dev.otlpdoctor.probe.JsonFields.string;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import dev.otlpdoctor.Deadline;
import dev.otlpdoctor.InvalidInputException;
import dev.otlpdoctor.k8s.manifest.KubeContainer;
import dev.otlpdoctor.k8s.manifest.KubeObject;
import dev.otlpdoctor.k8s.manifest.Manifests;
import dev.otlpdoctor.lint.yaml.YamlNode;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.ProbeRun;
import dev.otlpdoctor.report.Severity;
import dev.otlpdoctor.report.catalog.K8sCodes;
import dev.otlpdoctor.report.catalog.K8sLiveCodes;
import dev.otlpdoctor.target.Endpoint;
import dev.otlpdoctor.target.Source;
import dev.otlpdoctor.target.Target;
import dev.otlpdoctor.target.Transport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Kubernetes view of {@code check --k8s-service}: reads the Service, its endpoint slices, the pods its
 * selector matches and (when none match) the namespace's workload templates, with kubectl under the
 * run's deadline; diagnoses the Service-level causes; and names the targets to probe: the Service's
 * cluster DNS name on its OTLP ports.
 */
public final class ServiceInspector {
    static final String PROBE_ID = "k8s";
    private static final List<String> MESH_SIDECARS = List.of("istio-proxy", "linkerd-proxy");

    private final Kubectl kubectl;

    public ServiceInspector(Kubectl kubectl) {
        this.kubectl = kubectl;
    }

    /**
     * What the cluster said and what to probe.
     *
     * @param run the findings, as a run of the {@code k8s} step
     * @param target the Service's DNS name with the ports to probe
     * @param pods the pods the Service selects, as kubectl listed them (for their container statuses)
     */
    public record View(ProbeRun run, Target target, List<JsonObject> pods) {
        public View {
            pods = List.copyOf(pods);
        }

        View(ProbeRun run, Target target) {
            this(run, target, List.of());
        }

        /** Adds that the DNS name cannot resolve from here, and how to probe through the Service instead. */
        View withOutsideClusterNote(ServiceRef ref) {
            String namespace = target.host().substring(ref.name().length() + 1, target.host().indexOf(".svc."));
            List<Finding> findings = new ArrayList<>(run.findings());
            findings.add(K8sLiveCodes.OUTSIDE_CLUSTER.finding()
                    .evidence("host", target.host())
                    .param("namespace", namespace)
                    .param("service", ref.name())
                    .detail("KUBERNETES_SERVICE_HOST is not set: this is not a pod, so cluster DNS names do not resolve here.")
                    .build().attributedTo(PROBE_ID, target.host()));
            return new View(ProbeRun.of(run.probe(), run.endpoint(), run.durationMs(), findings), target, pods);
        }
    }

    /**
     * The view of a Service through the kubectl on the environment's PATH, or a skip with the reason when
     * there is none. All of it within the run's deadline.
     */
    public static View view(ServiceRef ref, Map<String, String> env, Deadline deadline) {
        Optional<Kubectl> kubectl = Kubectl.find(env);
        View view;
        if (kubectl.isEmpty()) {
            view = unavailable(ref, "kubectl is not on the PATH");
        } else {
            try {
                view = new ServiceInspector(kubectl.get()).inspect(ref, deadline);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                view = unavailable(ref, "interrupted while kubectl ran");
            }
        }
        return env.containsKey("KUBERNETES_SERVICE_HOST") ? view : view.withOutsideClusterNote(ref);
    }

    /** The view when kubectl cannot be used: a skip with the reason, and both OTLP ports on the Service's name. */
    public static View unavailable(ServiceRef ref, String reason) {
        String namespace = ref.namespace().orElse("default");
        String host = ref.dnsName(namespace);
        Finding skip = K8sLiveCodes.KUBECTL_UNAVAILABLE.finding()
                .evidence("reason", reason)
                .detail("The Service-level checks did not run (" + reason + "); only " + host + " is probed."
                        + (ref.namespace().isPresent() ? "" : " Without kubectl the namespace is assumed to be 'default'."))
                .build().attributedTo(PROBE_ID, host);
        return new View(ProbeRun.of(PROBE_ID, host, 0, List.of(skip)), bareHost(host, ref));
    }

    public View inspect(ServiceRef ref, Deadline deadline) throws InterruptedException {
        long start = System.nanoTime();
        List<String> nsArgs = ref.namespace().map(ns -> List.of("-n", ns)).orElse(List.of());
        Kubectl.Result service = get(List.of("get", "service", ref.name()), nsArgs, deadline);
        if (!service.ok()) {
            if (service.error().contains("NotFound")) {
                String namespace = ref.namespace().orElse("(current)");
                String host = ref.dnsName(ref.namespace().orElse("default"));
                Finding missing = K8sLiveCodes.SERVICE_NOT_FOUND.finding()
                        .param("service", ref.name())
                        .evidence("namespace", namespace)
                        .evidence("kubectl", service.error())
                        .detail("kubectl answered: " + service.error())
                        .build().attributedTo(PROBE_ID, host);
                return new View(ProbeRun.of(PROBE_ID, host, elapsed(start), List.of(missing)), bareHost(host, ref));
            }
            return unavailable(ref, "kubectl failed: " + service.error());
        }
        JsonObject svc;
        try {
            svc = JsonParser.parseString(service.output()).getAsJsonObject();
        } catch (JsonSyntaxException | IllegalStateException e) {
            return unavailable(ref, "kubectl did not print a Service as JSON");
        }
        String namespace = string(object(svc, "metadata"), "namespace").orElse(ref.namespace().orElse("default"));
        String host = ref.dnsName(namespace);
        Inspection inspection = new Inspection(ref.name(), namespace, svc, deadline);
        inspection.run();
        List<Finding> findings = inspection.findings.stream().map(f -> f.attributedTo(PROBE_ID, host)).toList();
        Target target = inspection.ports.isEmpty() ? bareHost(host, ref) : new Target(host, host, inspection.ports,
                Source.k8sService(ref.name() + "." + namespace));
        return new View(ProbeRun.of(PROBE_ID, host, elapsed(start), findings), target, inspection.selectedPods);
    }

    /** The reading and diagnosing of one Service. */
    private final class Inspection {
        private final String name;
        private final String namespace;
        private final JsonObject service;
        private final Deadline deadline;
        private final List<Finding> findings = new ArrayList<>();
        private final List<Endpoint> ports = new ArrayList<>();
        private List<JsonObject> selectedPods = List.of();

        Inspection(String name, String namespace, JsonObject service, Deadline deadline) {
            this.name = name;
            this.namespace = namespace;
            this.service = service;
            this.deadline = deadline;
        }

        void run() throws InterruptedException {
            JsonObject spec = object(service, "spec");
            Map<String, String> selector = stringMap(object(spec, "selector"));
            List<JsonObject> servicePorts = objects(arr(spec, "ports"));
            reportService(spec, servicePorts);
            List<String> ns = List.of("-n", namespace);
            // Empty: kubectl could not list them, so nothing is concluded from their absence.
            Optional<List<JsonObject>> pods = Optional.of(List.of());
            if (!selector.isEmpty()) {
                pods = list(List.of("get", "pods", "-l", selectorArg(selector)), ns, "the pods it selects");
            }
            selectedPods = pods.orElse(List.of());
            ContainerPorts declared = new ContainerPorts();
            pods.orElse(List.of()).forEach(p -> objects(arr(object(p, "spec"), "containers")).forEach(declared::add));
            List<KubeObject> templates = List.of();
            if (pods.isPresent() && pods.get().isEmpty()) {
                templates = workloads(ns);
                if (!selector.isEmpty()) {
                    templates.stream().filter(w -> labelsMatch(templateLabels(w), selector))
                            .forEach(w -> w.containers().stream().filter(c -> !c.init()).forEach(declared::add));
                }
            }
            Optional<List<String>> ready = readyAddresses();
            if (ready.isPresent()) {
                reportEndpoints(selector, pods, ready.get(), templates);
            }
            reportTargetPorts(servicePorts, declared);
            reportAppProtocol(servicePorts, pods.orElse(List.of()));
        }

        private void reportService(JsonObject spec, List<JsonObject> servicePorts) {
            String described = servicePorts.stream().map(ServiceInspector::describePort).collect(Collectors.joining(", "));
            findings.add(K8sLiveCodes.SERVICE_FOUND.finding()
                    .param("service", name)
                    .evidence("namespace", namespace)
                    .evidence("type", string(spec, "type").orElse("ClusterIP"))
                    .evidence("clusterIP", string(spec, "clusterIP").orElse(""))
                    .evidence("ports", described.isEmpty() ? "no ports" : described)
                    .detail("kubectl get service " + name + " -n " + namespace + " found the Service.")
                    .build());
            List<Integer> numbers = servicePorts.stream().map(p -> integer(p, "port")).toList();
            for (JsonObject port : servicePorts) {
                Transport transport = transportOf(port);
                if (transport != Transport.UNKNOWN) {
                    ports.add(new Endpoint(name + "." + namespace + ".svc.cluster.local", integer(port, "port"), transport,
                            false, "", "Service port " + string(port, "name").orElse(String.valueOf(integer(port, "port")))));
                }
            }
            boolean noneOtlp = !numbers.contains(4317) && !numbers.contains(4318);
            for (Transport t : List.of(Transport.GRPC, Transport.HTTP)) {
                if (!numbers.contains(t.defaultPort())) {
                    findings.add(K8sCodes.SERVICE_PORT_MISSING.finding()
                            .severity(noneOtlp ? Severity.FAIL : Severity.WARN)
                            .param("service", name)
                            .param("protocol", t == Transport.GRPC ? "OTLP/gRPC" : "OTLP/HTTP")
                            .evidence("port", t.defaultPort())
                            .evidence("servicePorts", numbers)
                            .detail("The Service's ports are " + numbers + "; none is " + t.defaultPort() + "."
                                    + (numbers.contains(t == Transport.GRPC ? 55680 : 55681)
                                    ? " It exposes the legacy port " + (t == Transport.GRPC ? 55680 : 55681)
                                            + ", which current collectors no longer serve." : ""))
                            .build());
                }
            }
        }

        /** The items kubectl lists, or empty after reporting that it could not list them. */
        private Optional<List<JsonObject>> list(List<String> what, List<String> ns, String description)
                throws InterruptedException {
            Kubectl.Result result = get(what, ns, deadline);
            if (result.ok()) {
                return Optional.of(items(result.output()));
            }
            findings.add(K8sLiveCodes.KUBECTL_UNAVAILABLE.finding()
                    .evidence("reason", "kubectl could not list " + description + ": " + result.error())
                    .detail("What depends on " + description + " was not checked.")
                    .build());
            return Optional.empty();
        }

        /**
         * The Deployments, StatefulSets and DaemonSets of the namespace, read through the Kubernetes object model
         * that lint and env use for manifests (their pod templates walked once, in {@link KubeObject}); empty after
         * reporting that they could not be listed or read.
         */
        private List<KubeObject> workloads(List<String> ns) throws InterruptedException {
            String what = "the workloads";
            Kubectl.Result result = get(List.of("get", "deployments,statefulsets,daemonsets"), ns, deadline);
            String problem = result.ok() ? "" : result.error();
            if (result.ok()) {
                try {
                    return Manifests.parse(result.output(), "kubectl get deployments,statefulsets,daemonsets").all();
                } catch (InvalidInputException e) {
                    problem = "its answer could not be read: " + e.getMessage();
                }
            }
            findings.add(K8sLiveCodes.KUBECTL_UNAVAILABLE.finding()
                    .evidence("reason", "kubectl could not list " + what + ": " + problem)
                    .detail("What depends on " + what + " was not checked.")
                    .build());
            return List.of();
        }

        /** "pod (address)" of every ready endpoint, from the EndpointSlices, else the Endpoints object. */
        private Optional<List<String>> readyAddresses() throws InterruptedException {
            List<String> ns = List.of("-n", namespace);
            Kubectl.Result slices = get(List.of("get", "endpointslices", "-l", "kubernetes.io/service-name=" + name),
                    ns, deadline);
            List<String> ready = new ArrayList<>();
            if (slices.ok()) {
                for (JsonObject slice : items(slices.output())) {
                    for (JsonObject endpoint : objects(arr(slice, "endpoints"))) {
                        String pod = string(object(endpoint, "targetRef"), "name").orElse("?");
                        if (bool(object(endpoint, "conditions"), "ready").orElse(true)) {
                            arr(endpoint, "addresses").forEach(a -> ready.add(pod + " (" + a.getAsString() + ")"));
                        }
                    }
                }
                return Optional.of(ready);
            }
            // Clusters before discovery.k8s.io/v1, or access to Endpoints only: one object, not a list.
            Kubectl.Result endpoints = get(List.of("get", "endpoints", name), ns, deadline);
            if (!endpoints.ok()) {
                findings.add(K8sLiveCodes.KUBECTL_UNAVAILABLE.finding()
                        .evidence("reason", "kubectl could not read the Service's endpoints: " + endpoints.error())
                        .detail("Whether the Service has ready endpoints was not checked.")
                        .build());
                return Optional.empty();
            }
            JsonObject object;
            try {
                object = JsonParser.parseString(endpoints.output()).getAsJsonObject();
            } catch (JsonSyntaxException | IllegalStateException e) {
                object = new JsonObject();
            }
            for (JsonObject subset : objects(arr(object, "subsets"))) {
                for (JsonObject address : objects(arr(subset, "addresses"))) {
                    ready.add(string(object(address, "targetRef"), "name").orElse("?") + " (" + string(address, "ip").orElse("?") + ")");
                }
            }
            return Optional.of(ready);
        }

        private void reportEndpoints(Map<String, String> selector, Optional<List<JsonObject>> listed, List<String> ready,
                                     List<KubeObject> templates) {
            List<JsonObject> pods = listed.orElse(List.of());
            List<String> notReady = pods.stream().filter(p -> !podReady(p)).map(ServiceInspector::describePod).toList();
            if (!notReady.isEmpty()) {
                findings.add(K8sLiveCodes.PODS_NOT_READY.finding()
                        .severity(ready.isEmpty() ? Severity.FAIL : Severity.WARN)
                        .param("namespace", namespace)
                        .evidence("notReady", notReady.size())
                        .evidence("pods", String.join(", ", notReady))
                        .detail("The Service selects " + pods.size() + " pod(s); not ready: " + String.join(", ", notReady)
                                + (ready.isEmpty() ? ". None is ready, so the Service has no endpoints." : "."))
                        .build());
            }
            if (!ready.isEmpty()) {
                findings.add(K8sLiveCodes.ENDPOINTS_READY.finding()
                        .param("service", name)
                        .evidence("ready", ready.size())
                        .evidence("addresses", ready)
                        .detail("Ready: " + String.join(", ", ready) + ".")
                        .build());
                return;
            }
            String reason;
            if (selector.isEmpty()) {
                reason = "it has no selector, so its endpoints must be managed by hand and none are";
            } else if (listed.isEmpty()) {
                reason = "no ready address (its pods could not be listed)";
            } else if (pods.isEmpty()) {
                reason = "its selector matches no pod";
                reportSelectorMismatch(selector, templates);
            } else {
                reason = "none of the " + pods.size() + " pod(s) it selects is ready";
            }
            findings.add(K8sLiveCodes.NO_ENDPOINTS.finding()
                    .param("service", name)
                    .param("name", name)
                    .param("namespace", namespace)
                    .param("selectorArg", selector.isEmpty() ? "<labels>" : selectorArg(selector))
                    .evidence("reason", reason)
                    .evidence("selector", selectorArg(selector))
                    .detail("The endpoints of Service " + name + " list no ready address: " + reason + ".")
                    .build());
        }

        private void reportSelectorMismatch(Map<String, String> selector, List<KubeObject> templates) {
            Optional<KubeObject> closest = templates.stream()
                    .max((a, b) -> Integer.compare(similarity(a, selector, name), similarity(b, selector, name)))
                    .filter(w -> similarity(w, selector, name) > 0);
            String podLabels = closest.map(w -> templateLabels(w).entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n    ")))
                    .orElse("<the labels of the collector's pod template>");
            Finding.Builder finding = K8sCodes.SELECTOR_MISMATCH.finding()
                    .param("service", name)
                    .evidence("selector", selectorArg(selector))
                    .param("podLabels", podLabels)
                    .detail("No pod in namespace " + namespace + " has the labels " + selectorArg(selector)
                            + closest.map(w -> "; the closest pod template is " + w.label() + " with " + templateLabels(w))
                                    .orElse("") + ".");
            closest.ifPresent(w -> finding
                    .evidence("closestWorkload", w.label())
                    .evidence("closestLabels", templateLabels(w)));
            findings.add(finding.build());
        }

        private void reportTargetPorts(List<JsonObject> servicePorts, ContainerPorts containers) {
            if (containers.count == 0) {
                return;
            }
            Map<String, Integer> named = containers.named;
            List<Integer> numbers = containers.numbers;
            String declared = named.isEmpty() && numbers.isEmpty() ? "none"
                    : numbers.stream().distinct().map(String::valueOf).collect(Collectors.joining(", "))
                            + (named.isEmpty() ? "" : " (named: " + named.keySet().stream().sorted()
                                    .collect(Collectors.joining(", ")) + ")");
            for (JsonObject port : servicePorts) {
                JsonElement target = port.get("targetPort");
                int servicePort = integer(port, "port");
                boolean byName = target != null && target.isJsonPrimitive() && target.getAsJsonPrimitive().isString()
                        && !target.getAsString().chars().allMatch(Character::isDigit);
                if (byName && !named.containsKey(target.getAsString())) {
                    findings.add(mismatch(servicePort, target.getAsString(), declared, Severity.FAIL,
                            "No container declares a port named '" + target.getAsString() + "', so this Service port "
                                    + "has no endpoints."));
                    continue;
                }
                int number = byName ? named.get(target.getAsString()) : target == null ? servicePort : target.getAsInt();
                if (!byName && !numbers.contains(number)) {
                    findings.add(mismatch(servicePort, String.valueOf(number), declared, Severity.WARN,
                            "No container declares port " + number + "; it works only if the collector listens "
                                    + "there anyway."));
                }
                Transport front = Transport.conventionalFor(servicePort);
                Transport back = Transport.conventionalFor(number);
                if (front != Transport.UNKNOWN && back != Transport.UNKNOWN && front != back) {
                    findings.add(mismatch(servicePort, target == null ? String.valueOf(number) : target.getAsString(),
                            declared, Severity.FAIL, "Service port " + servicePort + " (OTLP/" + label(front)
                                    + " by convention) forwards to container port " + number + " (OTLP/" + label(back)
                                    + "): clients speaking " + label(front) + " reach the " + label(back) + " server."));
                }
            }
        }

        private Finding mismatch(int servicePort, String targetPort, String declared, Severity severity, String detail) {
            return K8sCodes.TARGET_PORT_MISMATCH.finding()
                    .severity(severity)
                    .param("service", name)
                    .evidence("servicePort", servicePort)
                    .evidence("targetPort", targetPort)
                    .evidence("containerPorts", declared)
                    .detail(detail)
                    .build();
        }

        private void reportAppProtocol(List<JsonObject> servicePorts, List<JsonObject> pods) {
            Optional<String> sidecar = pods.stream()
                    .flatMap(p -> objects(arr(object(p, "spec"), "containers")).stream())
                    .map(c -> string(c, "name").orElse(""))
                    .filter(MESH_SIDECARS::contains).findFirst();
            for (JsonObject port : servicePorts) {
                if (transportOf(port) != Transport.GRPC) {
                    continue;
                }
                String appProtocol = string(port, "appProtocol").orElse("").toLowerCase(Locale.ROOT);
                String portName = string(port, "name").orElse("").toLowerCase(Locale.ROOT);
                if (appProtocol.equals("grpc") || appProtocol.equals("kubernetes.io/h2c") || portName.equals("grpc")
                        || portName.startsWith("grpc-")) {
                    continue;
                }
                findings.add(K8sLiveCodes.APP_PROTOCOL_MISSING.finding()
                        .severity(sidecar.isPresent() ? Severity.WARN : Severity.INFO)
                        .param("service", name)
                        .evidence("servicePort", integer(port, "port"))
                        .evidence("portName", portName)
                        .evidence("appProtocol", appProtocol)
                        .evidence("meshSidecar", sidecar.orElse("none seen"))
                        .detail("Port " + integer(port, "port") + " (name '" + portName + "') carries OTLP/gRPC but "
                                + "declares no gRPC protocol" + sidecar.map(c -> "; the pods run the mesh sidecar " + c)
                                .orElse("; no mesh sidecar was seen in the pods") + ".")
                        .build());
            }
        }
    }

    private Kubectl.Result get(List<String> what, List<String> namespace, Deadline deadline) throws InterruptedException {
        List<String> args = new ArrayList<>(what);
        args.addAll(namespace);
        args.add("-o");
        args.add("json");
        return kubectl.run(args, deadline);
    }

    private static Target bareHost(String host, ServiceRef ref) {
        List<Endpoint> endpoints = List.of(
                new Endpoint(host, 4317, Transport.GRPC, false, "", "default OTLP/gRPC port"),
                new Endpoint(host, 4318, Transport.HTTP, false, "", "default OTLP/HTTP port"));
        return new Target(host, host, endpoints, Source.k8sService(ref.name() + ref.namespace().map(n -> "." + n)
                .orElse("")));
    }

    /** gRPC or HTTP by port number, appProtocol or name; unknown for ports that are not OTLP. */
    static Transport transportOf(JsonObject port) {
        Transport byNumber = Transport.conventionalFor(integer(port, "port"));
        if (byNumber != Transport.UNKNOWN) {
            return byNumber;
        }
        String appProtocol = string(port, "appProtocol").orElse("").toLowerCase(Locale.ROOT);
        String name = string(port, "name").orElse("").toLowerCase(Locale.ROOT);
        if (appProtocol.equals("grpc") || (name.contains("otlp") && name.contains("grpc"))) {
            return Transport.GRPC;
        }
        if (name.contains("otlp") && name.contains("http")) {
            return Transport.HTTP;
        }
        return Transport.UNKNOWN;
    }

    private static String label(Transport transport) {
        return transport == Transport.GRPC ? "gRPC" : "HTTP";
    }

    private static String describePort(JsonObject port) {
        JsonElement target = port.get("targetPort");
        return integer(port, "port") + "/" + string(port, "protocol").orElse("TCP")
                + string(port, "name").map(n -> " " + n).orElse("")
                + (target == null ? "" : " -> " + target.getAsString());
    }

    private static boolean podReady(JsonObject pod) {
        for (JsonObject condition : objects(arr(object(pod, "status"), "conditions"))) {
            if (string(condition, "type").orElse("").equals("Ready")) {
                return string(condition, "status").orElse("").equals("True");
            }
        }
        return false;
    }

    private static String describePod(JsonObject pod) {
        JsonObject status = object(pod, "status");
        List<String> reasons = new ArrayList<>();
        for (JsonObject container : objects(arr(status, "containerStatuses"))) {
            string(object(object(container, "state"), "waiting"), "reason").ifPresent(reasons::add);
        }
        return string(object(pod, "metadata"), "name").orElse("?") + " " + string(status, "phase").orElse("Unknown")
                + (reasons.isEmpty() ? "" : " " + String.join(",", reasons));
    }

    private static Map<String, String> templateLabels(KubeObject workload) {
        Map<String, String> labels = new LinkedHashMap<>();
        workload.podLabels().entries().forEach((k, v) -> labels.put(k, v.text() == null ? "" : v.text()));
        return labels;
    }

    /** The ports the containers of the selected pods (or of the matching pod templates) declare. */
    private static final class ContainerPorts {
        private int count;
        private final Map<String, Integer> named = new LinkedHashMap<>();
        private final List<Integer> numbers = new ArrayList<>();

        /** A container of a pod kubectl listed. */
        void add(JsonObject container) {
            count++;
            for (JsonObject port : objects(arr(container, "ports"))) {
                string(port, "name").ifPresent(n -> named.put(n, integer(port, "containerPort")));
                numbers.add(integer(port, "containerPort"));
            }
        }

        /** A container of a workload's pod template. */
        void add(KubeContainer container) {
            count++;
            YamlNode ports = container.node().get("ports");
            for (YamlNode port : ports == null ? List.<YamlNode>of() : ports.items()) {
                int number = number(port.textAt("containerPort"));
                String name = port.textAt("name");
                if (name != null) {
                    named.put(name, number);
                }
                numbers.add(number);
            }
        }

        private static int number(String text) {
            try {
                return text == null ? 0 : Integer.parseInt(text.trim());
            } catch (NumberFormatException e) {
                return 0;
            }
        }
    }

    private static boolean labelsMatch(Map<String, String> labels, Map<String, String> selector) {
        return selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    /**
     * Which workload the selector was probably meant for: one named like the Service or like a collector,
     * whose labels share keys or values with the selector.
     */
    private static int similarity(KubeObject workload, Map<String, String> selector, String serviceName) {
        Map<String, String> labels = templateLabels(workload);
        String workloadName = workload.node().textAt("metadata", "name");
        workloadName = workloadName == null ? "" : workloadName.toLowerCase(Locale.ROOT);
        int score = workloadName.equals(serviceName) ? 2 : 0;
        score += workloadName.contains("collector") || workloadName.contains("otel") ? 1 : 0;
        for (Map.Entry<String, String> e : selector.entrySet()) {
            score += labels.containsKey(e.getKey()) ? 1 : 0;
            score += labels.containsValue(e.getValue()) ? 1 : 0;
        }
        return score;
    }

    static String selectorArg(Map<String, String> selector) {
        return selector.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    private static List<JsonObject> items(String json) {
        try {
            return objects(arr(JsonParser.parseString(json).getAsJsonObject(), "items"));
        } catch (JsonSyntaxException | IllegalStateException e) {
            return List.of();
        }
    }

    private static JsonArray arr(JsonObject parent, String key) {
        JsonElement e = parent.get(key);
        return e != null && e.isJsonArray() ? e.getAsJsonArray() : new JsonArray();
    }

    private static List<JsonObject> objects(JsonArray array) {
        List<JsonObject> out = new ArrayList<>();
        array.forEach(e -> {
            if (e.isJsonObject()) {
                out.add(e.getAsJsonObject());
            }
        });
        return out;
    }

    private static Map<String, String> stringMap(JsonObject object) {
        Map<String, String> map = new LinkedHashMap<>();
        object.entrySet().forEach(e -> map.put(e.getKey(), e.getValue().isJsonPrimitive() ? e.getValue().getAsString() : ""));
        return map;
    }

    private static long elapsed(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
