package dev.otlpdoctor.envlint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Whether the application whose settings are linted runs in a container, and why otlpdoctor thinks so.
 * Inside a container {@code localhost} is the container itself, which changes what an endpoint means.
 *
 * @param known whether it could be told at all
 * @param inContainer whether it runs in a container (meaningful when known)
 * @param reason the evidence, e.g. "/.dockerenv exists" or "settings come from a Kubernetes manifest"
 */
public record ContainerContext(boolean known, boolean inContainer, String reason) {
    private static final int CGROUP_READ_LIMIT = 64 * 1024;

    public static ContainerContext yes(String reason) {
        return new ContainerContext(true, true, reason);
    }

    public static ContainerContext unknown(String reason) {
        return new ContainerContext(false, false, reason);
    }

    /**
     * Looks at the machine otlpdoctor runs on: {@code KUBERNETES_SERVICE_HOST} in the environment,
     * {@code /.dockerenv} or {@code /run/.containerenv}, or a container runtime in {@code /proc/1/cgroup}.
     *
     * @param root the file-system root to look under ({@code /}; tests give a fixture directory)
     */
    public static ContainerContext ofThisMachine(Path root, java.util.Map<String, String> env) {
        if (env.get("KUBERNETES_SERVICE_HOST") != null) {
            return yes("KUBERNETES_SERVICE_HOST is set: this is a Kubernetes pod");
        }
        for (String marker : new String[] {".dockerenv", "run/.containerenv"}) {
            if (Files.exists(root.resolve(marker))) {
                return yes("/" + marker + " exists");
            }
        }
        String cgroup = readCapped(root.resolve("proc/1/cgroup")).toLowerCase(Locale.ROOT);
        for (String runtime : new String[] {"kubepods", "docker", "containerd", "libpod", "lxc"}) {
            if (cgroup.contains(runtime)) {
                return yes("/proc/1/cgroup names " + runtime);
            }
        }
        return new ContainerContext(true, false, "no container markers (/.dockerenv, /proc/1/cgroup, "
                + "KUBERNETES_SERVICE_HOST) on this machine");
    }

    private static String readCapped(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(CGROUP_READ_LIMIT), StandardCharsets.UTF_8);
        } catch (IOException | SecurityException e) {
            return "";
        }
    }
}
