package dev.otlpdoctor.probe.local;

import dev.otlpdoctor.probe.local.firewall.FirewallHost;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parts of this machine the local probes read: {@code /proc}, {@code /etc} and the programs that list
 * the firewall's rules. Rooted at an injectable path so tests point the probes at fixture trees; every read
 * is capped in bytes, so a hostile or huge file cannot exhaust the tool.
 */
public final class HostFs implements FirewallHost {
    /** More than any /proc file the probes read except the socket tables. */
    public static final int SMALL_FILE_CAP = 64 * 1024;
    /** /proc/net/tcp is about 150 bytes a socket: room for several hundred thousand sockets. */
    static final int SOCKET_TABLE_CAP = 64 * 1024 * 1024;

    /** Where administration programs such as nft live; a user's PATH often lacks them. */
    private static final List<String> SYSTEM_PROGRAM_DIRS = List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin",
            "/usr/bin", "/sbin", "/bin");

    private final Path root;
    private final ByteOrder byteOrder;
    private final String programPath;
    private volatile String hostName;

    private HostFs(Path root, ByteOrder byteOrder, String programPath) {
        this.root = root;
        this.byteOrder = byteOrder;
        this.programPath = programPath;
    }

    /** The running machine; its programs are looked up on PATH, then in the usual sbin and bin directories. */
    public static HostFs system() {
        Set<String> dirs = new LinkedHashSet<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        dirs.addAll(SYSTEM_PROGRAM_DIRS);
        dirs.remove("");
        return new HostFs(Path.of("/"), ByteOrder.nativeOrder(), String.join(":", dirs));
    }

    /**
     * A fixture tree holding {@code proc/}, {@code etc/}…; the socket tables in it are written in
     * {@code byteOrder}, the byte order of the machine they come from. Its programs are the tree's own
     * ({@code usr/sbin/nft}...): stand-in scripts, never the machine's.
     */
    public static HostFs at(Path root, ByteOrder byteOrder) {
        List<String> dirs = SYSTEM_PROGRAM_DIRS.stream().map(d -> root.resolve(d.substring(1)).toString()).toList();
        return new HostFs(root, byteOrder, String.join(":", dirs));
    }

    /**
     * The environment the local probes run this machine's programs ({@code nft}, {@code iptables-save}) with:
     * the search path and the C locale, nothing of this process's own environment (tokens stay here).
     */
    @Override
    public Map<String, String> programEnvironment() {
        return Map.of("PATH", programPath, "LC_ALL", "C");
    }

    /** The byte order the kernel wrote the addresses of /proc/net/tcp in. */
    public ByteOrder byteOrder() {
        return byteOrder;
    }

    /** A path under /proc, e.g. {@code proc("net", "tcp")}. */
    @Override
    public Path proc(String... parts) {
        return root.resolve("proc").resolve(String.join("/", parts));
    }

    /** Any other absolute path of the machine, e.g. {@code file("/etc/ufw/ufw.conf")}. */
    public Path file(String absolute) {
        return root.resolve(absolute.startsWith("/") ? absolute.substring(1) : absolute);
    }

    /** The path as the user knows it on the machine (fixture roots stripped), for evidence and messages. */
    @Override
    public String display(Path path) {
        return "/" + root.relativize(path).toString().replace('\\', '/');
    }

    /**
     * This machine's host name in lower case ({@code /proc/sys/kernel/hostname}), read once: every local probe
     * of every target asks whether the target is this machine, and a fleet has thousands of targets.
     */
    String hostName() {
        String name = hostName;
        if (name == null) {
            try {
                name = read(proc("sys", "kernel", "hostname"), 256).trim().toLowerCase(java.util.Locale.ROOT);
            } catch (IOException e) {
                name = "";
            }
            hostName = name;
        }
        return name;
    }

    /** Whether this looks like a Linux /proc at all. */
    public boolean hasProc() {
        return Files.isReadable(proc("net", "tcp"));
    }

    /** The file as text, at most {@code cap} bytes (the rest is ignored). */
    public static String read(Path path, int cap) throws IOException {
        return new String(readBytes(path, cap), StandardCharsets.UTF_8);
    }

    static byte[] readBytes(Path path, int cap) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return in.readNBytes(cap);
        }
    }
}
