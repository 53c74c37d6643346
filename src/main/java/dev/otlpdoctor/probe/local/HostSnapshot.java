package dev.otlpdoctor.probe.local;

import dev.otlpdoctor.Deadline;
import dev.otlpdoctor.probe.Fact;
import dev.otlpdoctor.probe.ProbeContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One read of this machine's processes and listening sockets, shared by the local probes of a run (the
 * first probe that needs it takes it; the target chain runs its probes one after another).
 *
 * @param processes every process read
 * @param listeners every LISTEN socket of this network namespace, with its owner where known
 * @param bindV6Only {@code /proc/sys/net/ipv6/bindv6only}: IPv6 wildcard sockets do not accept IPv4
 * @param unreadableFds how many processes' fd tables could not be read (other users' need root)
 * @param complete false when the run's deadline cut the process scan short
 * @param hidepid whether /proc is mounted with {@code hidepid}, which hides other users' processes
 */
record HostSnapshot(List<ProcessInfo> processes, List<Listener> listeners, boolean bindV6Only, int unreadableFds,
                    boolean complete, boolean hidepid) {

    /** The snapshot, or why there is none (not Linux, /proc not readable). */
    record Outcome(HostSnapshot snapshot, String unavailable) {
    }

    private static final Fact<Outcome> OUTCOME = Fact.named("local-host-snapshot");

    /**
     * The snapshot of this run: taken once and shared by every local probe of every target (a fleet of
     * loopback targets scans /proc once, not once per target).
     */
    static Outcome of(ProbeContext context, HostFs fs) {
        return context.facts().get(OUTCOME).orElseGet(() -> {
            Outcome outcome = context.run().get(OUTCOME, () -> take(fs, context.deadline()));
            context.facts().put(OUTCOME, outcome);
            return outcome;
        });
    }

    static Outcome take(HostFs fs, Deadline deadline) {
        if (!fs.hasProc()) {
            return new Outcome(null, fs.display(fs.proc("net", "tcp")) + " is not readable (this is not Linux, "
                    + "or /proc is not mounted): processes, listening sockets and their owners");
        }
        try {
            List<ListenSocket> sockets = new ArrayList<>(readTable(fs, fs.proc("net", "tcp"), false));
            sockets.addAll(readTable(fs, fs.proc("net", "tcp6"), true));
            ProcessScanner.Result scan = new ProcessScanner(fs).scan(deadline);
            Map<Long, ProcessInfo> byInode = new HashMap<>();
            int unreadable = 0;
            for (ProcessInfo process : scan.processes()) {
                if (!process.fdsReadable()) {
                    unreadable++;
                }
                // Forked workers share their parent's socket: the lowest pid (the parent) is named.
                process.socketInodes().forEach(inode -> byInode.putIfAbsent(inode, process));
            }
            List<Listener> listeners = new ArrayList<>();
            for (ListenSocket socket : sockets) {
                listeners.add(new Listener(socket, byInode.get(socket.inode()), null));
            }
            listeners.sort(Comparator.comparingInt((Listener l) -> l.socket().port())
                    .thenComparing(l -> l.socket().label()));
            return new Outcome(new HostSnapshot(scan.processes(), listeners, bindV6Only(fs), unreadable,
                    scan.complete(), hidepid(fs)), null);
        } catch (IOException e) {
            return new Outcome(null, "reading " + fs.display(fs.proc()) + " failed (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + "): processes, listening sockets and their owners");
        }
    }

    /** The LISTEN sockets of one table; a missing tcp6 table means IPv6 is off, which is not an error. */
    static List<ListenSocket> readTable(HostFs fs, Path table, boolean tcp6) throws IOException {
        try {
            return SocketTable.listeners(HostFs.read(table, HostFs.SOCKET_TABLE_CAP), tcp6, fs.byteOrder());
        } catch (NoSuchFileException e) {
            if (tcp6) {
                return List.of();
            }
            throw e;
        }
    }

    /** {@code /proc} mounted with {@code hidepid=1|2|noaccess|invisible} shows only this user's processes. */
    private static boolean hidepid(HostFs fs) {
        try {
            return HostFs.read(fs.proc("self", "mountinfo"), HostFs.SMALL_FILE_CAP).lines()
                    .filter(line -> line.contains(" /proc ") && line.contains(" - proc "))
                    .anyMatch(line -> line.matches(".*hidepid=(1|2|noaccess|invisible).*"));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean bindV6Only(HostFs fs) {
        try {
            return Files.readString(fs.proc("sys", "net", "ipv6", "bindv6only")).trim().equals("1");
        } catch (IOException e) {
            return false; // the kernel default
        }
    }

    /** The host listeners on one port. */
    List<Listener> on(int port) {
        return listeners.stream().filter(l -> l.socket().port() == port).toList();
    }
}
