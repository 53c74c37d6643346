package dev.otlpdoctor.probe.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a process's own user could read a file of its file system, so that otlpdoctor, run as root, never
 * shows what the process owner could not read itself (a collector run as {@code nobody} pointing its
 * {@code --config} at a root-only file). Also refuses symbolic links inside another root (a container):
 * read from the host, an absolute link would resolve against the host's file system, not the container's.
 */
final class OwnerAccess {
    private OwnerAccess() {
    }

    /** Why the file must not be read on the process's behalf, or empty when its user could read it. */
    static Optional<String> refusal(HostFs fs, ProcessInfo process, Path file) {
        try {
            if (Files.isSymbolicLink(file) && !hostRoot(fs, process)) {
                return Optional.of("it is a symbolic link inside the process's own root (a container), which "
                        + "is not followed from the host");
            }
            if (process.uid() == 0) {
                return Optional.empty();
            }
            int mode = (Integer) Files.getAttribute(file, "unix:mode");
            int owner = (Integer) Files.getAttribute(file, "unix:uid");
            int group = (Integer) Files.getAttribute(file, "unix:gid");
            boolean readable = owner == process.uid() ? (mode & 0400) != 0
                    : groups(fs, process).contains(group) ? (mode & 0040) != 0
                    : (mode & 0004) != 0;
            return readable ? Optional.empty()
                    : Optional.of("its user (uid " + process.uid() + ") cannot read it, so neither is it shown here");
        } catch (IOException | UnsupportedOperationException | ClassCastException e) {
            return Optional.empty(); // not a POSIX file system: the read itself decides
        }
    }

    /** Whether the process sees this machine's own root ({@code /proc/PID/root} links to {@code /}). */
    private static boolean hostRoot(HostFs fs, ProcessInfo process) {
        return "/".equals(ProcessDetails.link(fs.proc(Integer.toString(process.pid()), "root")));
    }

    /** The process's real group and supplementary groups, from {@code /proc/PID/status}. */
    private static Set<Integer> groups(HostFs fs, ProcessInfo process) {
        Set<Integer> groups = new HashSet<>();
        try {
            for (String line : HostFs.read(fs.proc(Integer.toString(process.pid()), "status"), HostFs.SMALL_FILE_CAP)
                    .split("\n")) {
                if (line.startsWith("Gid:") || line.startsWith("Groups:")) {
                    String[] fields = line.substring(line.indexOf(':') + 1).trim().split("\\s+");
                    for (int i = 0; i < fields.length && (line.startsWith("Groups:") || i == 0); i++) {
                        if (!fields[i].isEmpty()) {
                            groups.add(Integer.parseInt(fields[i]));
                        }
                    }
                }
            }
        } catch (IOException | NumberFormatException e) {
            // no groups known: only the owner and others bits decide
        }
        return groups;
    }
}
