package dev.otlpdoctor.probe.local;

import dev.otlpdoctor.probe.Deadline;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The parts of this machine's file system the local probes read: {@code /proc}, {@code /etc} and the
 * firewall binaries. Rooted at an injectable path so tests point the probes at fixture trees; every read
 * is capped in bytes, so a hostile or huge file cannot exhaust the tool.
 */
public final class HostFs {
    /** More than any /proc file the probes read except the socket tables. */
    public static final int SMALL_FILE_CAP = 64 * 1024;
    /** /proc/net/tcp is about 150 bytes a socket: room for several hundred thousand sockets. */
    static final int SOCKET_TABLE_CAP = 64 * 1024 * 1024;

    private final Path root;
    private final ByteOrder byteOrder;
    private Deadline memoRun;
    private Object memo;

    private HostFs(Path root, ByteOrder byteOrder) {
        this.root = root;
        this.byteOrder = byteOrder;
    }

    /** The running machine. */
    public static HostFs system() {
        return new HostFs(Path.of("/"), ByteOrder.nativeOrder());
    }

    /**
     * A fixture tree holding {@code proc/}, {@code etc/}…; the socket tables in it are written in
     * {@code byteOrder}, the byte order of the machine they come from.
     */
    public static HostFs at(Path root, ByteOrder byteOrder) {
        return new HostFs(root, byteOrder);
    }

    /** The byte order the kernel wrote the addresses of /proc/net/tcp in. */
    public ByteOrder byteOrder() {
        return byteOrder;
    }

    /** A path under /proc, e.g. {@code proc("net", "tcp")}. */
    public Path proc(String... parts) {
        return root.resolve("proc").resolve(String.join("/", parts));
    }

    /** Any other absolute path of the machine, e.g. {@code file("/etc/ufw/ufw.conf")}. */
    public Path file(String absolute) {
        return root.resolve(absolute.startsWith("/") ? absolute.substring(1) : absolute);
    }

    /** The path as the user knows it on the machine (fixture roots stripped), for evidence and messages. */
    public String display(Path path) {
        return "/" + root.relativize(path).toString().replace('\\', '/');
    }

    /**
     * What {@code compute} returns, computed once per run (the run being known by its deadline): targets
     * probed concurrently wait for the first computation and share it.
     */
    @SuppressWarnings("unchecked")
    synchronized <T> T perRun(Deadline run, Supplier<T> compute) {
        if (memoRun != run) {
            memo = compute.get();
            memoRun = run;
        }
        return (T) memo;
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
