package dev.otlpdoctor.probe.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a /proc (and /etc) tree in the kernel's formats for the local probes to read: socket tables with
 * little-endian hex addresses, per-process status/cmdline/stat/cgroup files and fd links to socket inodes.
 */
public final class ProcFixture {
    static final long BOOT_TIME = 1_700_000_000L;

    private final Path root;
    private final List<String> tcp = new ArrayList<>();
    private final List<String> tcp6 = new ArrayList<>();
    private long nextInode = 10_000;

    ProcFixture(Path root) {
        this.root = root;
        write("proc/stat", "cpu  1 2 3 4\nbtime " + BOOT_TIME + "\nprocesses 10\n");
        write("proc/sys/net/ipv6/bindv6only", "0\n");
        write("etc/passwd", "root:x:0:0:root:/root:/bin/bash\notel:x:10001:10001::/:/sbin/nologin\n");
    }

    /** A fixture in a new temporary directory; {@link #delete()} removes it (links are removed, never followed). */
    public static ProcFixture inTempDir() {
        try {
            return new ProcFixture(Files.createTempDirectory("otlpdoctor-proc"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void delete() throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    public HostFs fs() {
        flush();
        return HostFs.at(root, ByteOrder.LITTLE_ENDIAN);
    }

    public Path root() {
        return root;
    }

    /** A LISTEN socket; returns its inode. */
    public long listen(String address, int port) {
        long inode = nextInode++;
        socketLine(address, port, "0A", inode);
        return inode;
    }

    /** A socket in another state (ESTABLISHED, 01), which the probes must ignore. */
    void established(String address, int port) {
        socketLine(address, port, "01", nextInode++);
    }

    private void socketLine(String address, int port, String state, long inode) {
        InetAddress parsed = parse(address);
        boolean v6 = address.contains(":");
        List<String> table = v6 ? tcp6 : tcp;
        String local = hex(parsed, v6) + ":" + String.format(Locale.ROOT, "%04X", port);
        String remote = v6 ? "00000000000000000000000000000000:0000" : "00000000:0000";
        table.add(String.format(Locale.ROOT, "%4d: %s %s %s 00000000:00000000 00:00000000 00000000  1000        0 %d 1 "
                + "0000000000000000 100 0 0 10 0", table.size(), local, remote, state, inode));
    }

    /** A process holding the given socket inodes. */
    public ProcessBuilder process(int pid, String... argv) {
        return new ProcessBuilder(pid, argv);
    }

    void bindV6Only(boolean on) {
        write("proc/sys/net/ipv6/bindv6only", on ? "1\n" : "0\n");
    }

    public void write(String relative, String content) {
        try {
            Path path = root.resolve(relative);
            Files.createDirectories(path.getParent());
            Files.writeString(path, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void flush() {
        String header4 = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";
        String header6 = "  sl  local_address                         remote_address                        st tx_queue "
                + "rx_queue tr tm->when retrnsmt   uid  timeout inode\n";
        write("proc/net/tcp", header4 + String.join("\n", tcp) + (tcp.isEmpty() ? "" : "\n"));
        write("proc/net/tcp6", header6 + String.join("\n", tcp6) + (tcp6.isEmpty() ? "" : "\n"));
    }

    /** The kernel's form: each 32-bit word of the address printed as a little-endian number. */
    static String hex(InetAddress address, boolean v6) {
        byte[] bytes = address.getAddress();
        if (v6 && address instanceof Inet4Address) {
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(bytes, 0, mapped, 12, 4);
            bytes = mapped;
        }
        StringBuilder out = new StringBuilder();
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int i = 3; i >= 0; i--) {
                out.append(String.format(Locale.ROOT, "%02X", bytes[word * 4 + i] & 0xff));
            }
        }
        return out.toString();
    }

    private static InetAddress parse(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }

    /** Writes one /proc/PID directory. */
    public final class ProcessBuilder {
        private final int pid;
        private final String[] argv;
        private int uid = 10001;
        private String cgroup = "0::/system.slice/otelcol.service\n";
        private long startTicks = 12_345;
        private final List<Long> sockets = new ArrayList<>();
        private boolean fdsReadable = true;

        private ProcessBuilder(int pid, String[] argv) {
            this.pid = pid;
            this.argv = argv;
        }

        public ProcessBuilder uid(int value) {
            uid = value;
            return this;
        }

        public ProcessBuilder cgroup(String value) {
            cgroup = value;
            return this;
        }

        ProcessBuilder startTicks(long value) {
            startTicks = value;
            return this;
        }

        public ProcessBuilder holds(long... inodes) {
            for (long inode : inodes) {
                sockets.add(inode);
            }
            return this;
        }

        /** As another user's process looks without root: no fd directory to list. */
        ProcessBuilder fdsUnreadable() {
            fdsReadable = false;
            return this;
        }

        public void create() {
            String base = "proc/" + pid + "/";
            String program = argv.length == 0 ? "kworker/0:1" : argv[0].substring(argv[0].lastIndexOf('/') + 1);
            String name = program.length() > 15 ? program.substring(0, 15) : program;
            write(base + "status", "Name:\t" + name + "\nUmask:\t0022\nState:\tS (sleeping)\nTgid:\t" + pid + "\nPid:\t"
                    + pid + "\nUid:\t" + uid + "\t" + uid + "\t" + uid + "\t" + uid + "\n");
            write(base + "cmdline", argv.length == 0 ? "" : String.join("\0", argv) + "\0");
            write(base + "stat", pid + " (" + name + ") S 1 " + pid + " " + pid
                    + " 0 -1 4194560 100 0 0 0 10 5 0 0 20 0 8 0 " + startTicks + " 123456 789 18446744073709551615\n");
            write(base + "cgroup", cgroup);
            try {
                Path fd = root.resolve(base + "fd");
                if (fdsReadable) {
                    Files.createDirectories(fd);
                    Files.createSymbolicLink(fd.resolve("0"), Path.of("/dev/null"));
                    int n = 3;
                    for (long inode : sockets) {
                        Files.createSymbolicLink(fd.resolve(Integer.toString(n++)), Path.of("socket:[" + inode + "]"));
                    }
                    Files.createSymbolicLink(fd.resolve(Integer.toString(n)), Path.of("pipe:[99]"));
                }
                if (argv.length > 0) {
                    Files.createSymbolicLink(root.resolve(base + "exe"), Path.of(argv[0]));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
