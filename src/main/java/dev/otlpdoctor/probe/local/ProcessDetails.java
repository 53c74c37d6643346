package dev.otlpdoctor.probe.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the report says about a process beyond its command line. Read only for the few processes that
 * matter (collectors, owners of the OTLP ports), not for every process of the machine.
 *
 * @param exe the executable ({@code /proc/PID/exe}), or null when not readable (other users: root needed)
 * @param user the user name from /etc/passwd, else the uid
 * @param started when it started, or null
 * @param container a hint that it runs in a container ("docker 3f2a1b…", "kubernetes pod …"), or null
 * @param netns its network namespace ({@code net:[4026531840]}), or null when not readable
 * @param cwd its working directory, or null when not readable
 */
public record ProcessDetails(String exe, String user, Instant started, String container, String netns, String cwd) {
    /** The kernel reports process start times in clock ticks of USER_HZ, which is 100 on Linux. */
    private static final long USER_HZ = 100;
    private static final Pattern CONTAINER_ID = Pattern.compile("([0-9a-f]{64}|[0-9a-f]{32})");

    /**
     * Whether the process shares the network namespace {@code namespace} (this process's, {@code net:[…]}); one
     * that cannot be read counts as shared, as its sockets are then read from this namespace.
     */
    boolean sharesNetwork(String namespace) {
        return netns == null || namespace == null || netns.equals(namespace);
    }

    /** This process's own network namespace, {@code net:[…]}, or null when not readable. */
    static String ownNetwork(HostFs fs) {
        return link(fs.proc("self", "ns", "net"));
    }

    static ProcessDetails read(HostFs fs, ProcessInfo process) {
        Path dir = fs.proc(Integer.toString(process.pid()));
        return new ProcessDetails(link(dir.resolve("exe")), user(fs, process.uid()), started(fs, dir),
                container(dir), link(dir.resolve("ns/net")), link(dir.resolve("cwd")));
    }

    /** The target of a /proc link, or null when it is not readable (another user's process) or gone. */
    static String link(Path path) {
        try {
            return Files.readSymbolicLink(path).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    private static String user(HostFs fs, int uid) {
        try {
            for (String line : HostFs.read(fs.file("/etc/passwd"), 1024 * 1024).split("\n")) {
                String[] f = line.split(":");
                if (f.length > 2 && f[2].equals(Integer.toString(uid))) {
                    return f[0] + " (uid " + uid + ")";
                }
            }
        } catch (IOException e) {
            // fall through: the uid alone
        }
        return "uid " + uid;
    }

    private static Instant started(HostFs fs, Path dir) {
        try {
            String stat = HostFs.read(dir.resolve("stat"), HostFs.SMALL_FILE_CAP);
            // The name field (2) is in parentheses and may hold spaces and ')': fields restart after the last ')'.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            long ticks = Long.parseLong(f[19]); // field 22 "starttime", counted from field 3
            String boot = ProcessScanner.field(HostFs.read(fs.proc("stat"), 1024 * 1024), "btime");
            return Instant.ofEpochMilli(Long.parseLong(boot) * 1000 + ticks * 1000 / USER_HZ);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** cgroup paths name the container runtime: docker-ID.scope, /docker/ID, kubepods…, libpod-ID, /lxc/. */
    static String container(Path dir) {
        String cgroup;
        try {
            cgroup = HostFs.read(dir.resolve("cgroup"), HostFs.SMALL_FILE_CAP);
        } catch (IOException e) {
            return null;
        }
        Matcher id = CONTAINER_ID.matcher(cgroup);
        String shortId = id.find() ? id.group(1).substring(0, 12) : "";
        if (cgroup.contains("kubepods")) {
            return "kubernetes pod" + (shortId.isEmpty() ? "" : ", container " + shortId);
        }
        if (cgroup.contains("docker")) {
            return "docker container" + (shortId.isEmpty() ? "" : " " + shortId);
        }
        if (cgroup.contains("libpod")) {
            return "podman container" + (shortId.isEmpty() ? "" : " " + shortId);
        }
        if (cgroup.contains("/lxc")) {
            return "lxc container";
        }
        if (cgroup.contains("containerd") || cgroup.contains("cri-containerd")) {
            return "containerd container" + (shortId.isEmpty() ? "" : " " + shortId);
        }
        return null;
    }
}
