package dev.otlpdoctor.probe.local;

import java.util.List;
import java.util.Set;

/**
 * Programs that hold a host port on behalf of a container or pod, and the port inside they pass
 * connections to, read from their command lines where they say it (docker-proxy, pasta, kubectl
 * port-forward). rootlessport and slirp4netns take their mappings over a pipe or API socket, so for them
 * the port inside is taken to be the same.
 */
final class Forwarders {
    private static final Set<String> PROGRAMS = Set.of("docker-proxy", "rootlessport", "rootlesskit",
            "slirp4netns", "pasta", "pasta.avx2", "gvproxy");

    private Forwarders() {
    }

    static boolean isForwarder(ProcessInfo process) {
        String program = process.program();
        return PROGRAMS.contains(program)
                || (program.equals("kubectl") && process.argv().contains("port-forward"));
    }

    /** The port inside the container that a forwarder holding {@code hostPort} passes connections to. */
    static int portInside(ProcessInfo process, int hostPort) {
        List<String> argv = process.argv();
        switch (process.program()) {
            case "docker-proxy": {
                // docker-proxy -proto tcp -host-ip 0.0.0.0 -host-port 4317 -container-ip 172.17.0.2 -container-port 4317
                String host = option(argv, "-host-port");
                String inside = option(argv, "-container-port");
                if (inside != null && (host == null || host.equals(Integer.toString(hostPort)))) {
                    return parse(inside, hostPort);
                }
                return hostPort;
            }
            case "kubectl":
                // kubectl port-forward svc/otel 14317:4317 ... (LOCAL:REMOTE, or one port for both)
                return mapped(argv, hostPort);
            case "pasta":
            case "pasta.avx2":
                // pasta -t 4317 or -t 14317:4317 (HOST:GUEST)
                return mapped(argv, hostPort);
            default:
                return hostPort;
        }
    }

    /** The "HOST:INSIDE" argument whose host part is {@code hostPort}, else the same port. */
    private static int mapped(List<String> argv, int hostPort) {
        String prefix = hostPort + ":";
        for (String arg : argv) {
            if (arg.startsWith(prefix) && arg.indexOf(':', prefix.length()) < 0) {
                return parse(arg.substring(prefix.length()), hostPort);
            }
        }
        return hostPort;
    }

    private static String option(List<String> argv, String name) {
        int i = argv.indexOf(name);
        return i >= 0 && i + 1 < argv.size() ? argv.get(i + 1) : null;
    }

    private static int parse(String text, int fallback) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
