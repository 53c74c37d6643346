package dev.otlpdoctor.probe.local;

import dev.otlpdoctor.Deadline;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lists the processes of /proc with the sockets each holds: per process it reads {@code status} (name,
 * uid), {@code cmdline} and the {@code fd} links. Processes vanish while we read; those are dropped.
 */
final class ProcessScanner {
    private static final String SOCKET_LINK = "socket:[";

    private final HostFs fs;

    ProcessScanner(HostFs fs) {
        this.fs = fs;
    }

    /** The processes read before the deadline; {@code complete} is false when it cut the scan short. */
    record Result(List<ProcessInfo> processes, boolean complete) {
    }

    Result scan(Deadline deadline) throws IOException {
        List<Integer> pids = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(fs.proc())) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
                    pids.add(Integer.parseInt(name));
                }
            }
        }
        pids.sort(Integer::compare);
        // Reading /proc is many small blocking reads: done in parallel, in pid order, until the deadline.
        AtomicBoolean cut = new AtomicBoolean();
        List<ProcessInfo> processes = pids.parallelStream()
                .map(pid -> {
                    if (deadline.expired()) {
                        cut.set(true);
                        return null;
                    }
                    return read(pid);
                })
                .filter(Objects::nonNull)
                .toList();
        return new Result(processes, !cut.get());
    }

    private ProcessInfo read(int pid) {
        Path dir = fs.proc(Integer.toString(pid));
        String status;
        try {
            status = HostFs.read(dir.resolve("status"), HostFs.SMALL_FILE_CAP);
        } catch (IOException e) {
            return null; // exited meanwhile
        }
        String name = field(status, "Name:");
        String uidField = field(status, "Uid:");
        int uid = uidField.isEmpty() ? -1 : Integer.parseInt(uidField.split("\\s+")[0]);
        List<String> argv;
        try {
            argv = argv(HostFs.readBytes(dir.resolve("cmdline"), HostFs.SMALL_FILE_CAP));
        } catch (IOException e) {
            argv = List.of();
        }
        Set<Long> sockets = new HashSet<>();
        boolean readable = true;
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(dir.resolve("fd"))) {
            for (Path fd : fds) {
                long inode = socketInode(fd);
                if (inode >= 0) {
                    sockets.add(inode);
                }
            }
        } catch (IOException e) {
            readable = false; // AccessDeniedException for other users' processes without root
        }
        return new ProcessInfo(pid, name, argv, uid, sockets, readable);
    }

    private static long socketInode(Path fd) {
        String target;
        try {
            target = Files.readSymbolicLink(fd).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return -1; // closed meanwhile
        }
        if (!target.startsWith(SOCKET_LINK) || !target.endsWith("]")) {
            return -1;
        }
        try {
            return Long.parseLong(target.substring(SOCKET_LINK.length(), target.length() - 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static List<String> argv(byte[] cmdline) {
        String text = new String(cmdline, java.nio.charset.StandardCharsets.UTF_8);
        if (text.endsWith("\0")) {
            text = text.substring(0, text.length() - 1);
        }
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\0", -1));
    }

    /** The value of a {@code Key:\tvalue} line of a /proc status file, or "". */
    static String field(String text, String key) {
        int at = text.startsWith(key) ? 0 : text.indexOf("\n" + key);
        if (at < 0) {
            return "";
        }
        int start = at + (at == 0 ? 0 : 1) + key.length();
        int end = text.indexOf('\n', start);
        return text.substring(start, end < 0 ? text.length() : end).trim();
    }
}
