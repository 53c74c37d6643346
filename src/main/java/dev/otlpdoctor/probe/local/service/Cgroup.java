package dev.otlpdoctor.probe.local.service;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a process's {@code /proc/PID/cgroup} says about who runs it: the systemd unit, or the container
 * runtime and container id. The paths each manager writes:
 * <ul>
 *   <li>systemd: {@code 0::/system.slice/otelcol-contrib.service};</li>
 *   <li>Docker: {@code /system.slice/docker-ID.scope} (systemd driver), {@code /docker/ID} (cgroupfs);</li>
 *   <li>Kubernetes: {@code /kubepods.slice/…-podUID.slice/cri-containerd-ID.scope} or {@code crio-ID.scope},
 *       {@code /kubepods/burstable/podUID/ID} (cgroupfs);</li>
 *   <li>podman: {@code /machine.slice/libpod-ID.scope}, {@code …/libpod-ID.scope/container}.</li>
 * </ul>
 *
 * @param unit the systemd service, or null
 * @param runtime {@code docker}, {@code kubernetes} (containerd or CRI-O through the kubelet), {@code podman}, or null
 * @param containerId the full container id, or null
 * @param podUid the Kubernetes pod's UID, or null
 */
record Cgroup(String unit, String runtime, String containerId, String podUid) {
    private static final Pattern ID = Pattern.compile("(?:docker-|cri-containerd-|crio-|libpod-|/docker/|/)([0-9a-f]{64})(?:\\.scope)?");
    private static final Pattern SERVICE = Pattern.compile("/([^/]+\\.service)(?:/|$)");
    private static final Pattern POD = Pattern.compile("pod([0-9a-f]{8}[-_][0-9a-f]{4}[-_][0-9a-f]{4}[-_][0-9a-f]{4}[-_][0-9a-f]{12})");

    static Cgroup parse(String content) {
        String path = "";
        for (String line : content.split("\n")) {
            // cgroup v2 "0::/path", else the systemd (name=systemd) or a v1 controller hierarchy
            String[] f = line.split(":", 3);
            if (f.length == 3 && (f[0].equals("0") || path.isEmpty() || f[1].contains("systemd"))) {
                path = f[2];
            }
        }
        Matcher id = ID.matcher(path);
        if (path.contains("kubepods")) {
            Matcher pod = POD.matcher(path);
            return new Cgroup(null, "kubernetes", id.find() ? id.group(1) : null,
                    pod.find() ? pod.group(1).replace('_', '-') : null);
        }
        if (path.contains("docker")) {
            return new Cgroup(null, "docker", id.find() ? id.group(1) : null, null);
        }
        if (path.contains("libpod")) {
            return new Cgroup(null, "podman", id.find() ? id.group(1) : null, null);
        }
        if (path.contains("/user@")) {
            return new Cgroup(null, null, null, null); // a user's own service manager, not the system's systemctl
        }
        Matcher service = SERVICE.matcher(path);
        String unit = null;
        while (service.find()) {
            unit = service.group(1); // the innermost service: user@1000.service/app.slice/x.service → x.service
        }
        return new Cgroup(unit, null, null, null);
    }
}
