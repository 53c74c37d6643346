package dev.otlpdoctor.listen;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Linux: the listening socket's inode from /proc/net/tcp and tcp6, then the process holding a file
 * descriptor on that socket. Processes of other users cannot be inspected without privileges: then
 * only the port is named.
 */
public final class ProcPortOwner implements PortOwner {
    private static final String LISTEN = "0A";
    private final Path proc;

    public ProcPortOwner(Path proc) {
        this.proc = proc;
    }

    @Override
    public Optional<String> of(int port) {
        try {
            Set<String> inodes = listeningInodes(port);
            return inodes.isEmpty() ? Optional.empty() : processHolding(inodes);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private Set<String> listeningInodes(int port) throws IOException {
        Set<String> inodes = new HashSet<>();
        String hexPort = String.format(Locale.ROOT, ":%04X", port);
        for (String table : List.of("net/tcp", "net/tcp6")) {
            Path file = proc.resolve(table);
            if (!Files.isReadable(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file)) {
                // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
                String[] f = line.trim().split("\\s+");
                if (f.length > 9 && f[1].endsWith(hexPort) && f[3].equals(LISTEN)) {
                    inodes.add(f[9]);
                }
            }
        }
        return inodes;
    }

    private Optional<String> processHolding(Set<String> inodes) throws IOException {
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(proc, p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path pid : pids) {
                if (holds(pid, inodes)) {
                    String comm = Files.readString(pid.resolve("comm")).strip();
                    return Optional.of("pid " + pid.getFileName() + " (" + comm + ")");
                }
            }
        }
        return Optional.empty();
    }

    private static boolean holds(Path pid, Set<String> inodes) {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(pid.resolve("fd"))) {
            for (Path fd : fds) {
                String link = Files.readSymbolicLink(fd).toString();
                if (link.startsWith("socket:[") && inodes.contains(link.substring(8, link.length() - 1))) {
                    return true;
                }
            }
        } catch (IOException e) {
            return false; // another user's process, or it exited meanwhile
        }
        return false;
    }
}
