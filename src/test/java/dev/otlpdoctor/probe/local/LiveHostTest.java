package dev.otlpdoctor.probe.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.Severity;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteOrder;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The probes against this machine's real /proc, and against real /proc files copied into a fixture. */
class LiveHostTest extends FixtureTest {
    private final long pid = ProcessHandle.current().pid();

    @BeforeEach
    void linuxOnly() {
        assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "needs Linux /proc (this is not Linux)");
    }

    @Test
    void findsThisJvmsLoopbackListenerWithItsPid() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            String target = "127.0.0.1:" + server.getLocalPort();
            LocalRun run = LocalRun.of(HostFs.system(), target);
            Finding binding = run.one("bind.localhost-only", target);
            // a JVM is not a collector: its loopback binding is information, not a warning
            assertThat(binding.severity()).isEqualTo(Severity.INFO);
            assertThat((List<?>) binding.evidence().get("listeners")).singleElement().asString()
                    .startsWith(target + " pid " + pid + " ");
            // the owner is named; whether it conflicts is for the diagnosis to say
            assertThat(run.one("bind.port-conflict", target).evidence()).containsEntry("pid", (int) pid);
        }
    }

    @Test
    void realProcFilesCopiedIntoAFixtureReadTheSame() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Path root = host.root();
            for (String file : List.of("net/tcp", "net/tcp6", "sys/net/ipv6/bindv6only", "stat")) {
                copyIfPresent(Path.of("/proc", file), root.resolve("proc").resolve(file));
            }
            Path self = Path.of("/proc", Long.toString(pid));
            Path copy = root.resolve("proc").resolve(Long.toString(pid));
            for (String file : List.of("status", "cmdline", "stat", "cgroup")) {
                copyIfPresent(self.resolve(file), copy.resolve(file));
            }
            Files.createDirectories(copy.resolve("fd"));
            try (DirectoryStream<Path> fds = Files.newDirectoryStream(self.resolve("fd"))) {
                for (Path fd : fds) {
                    try {
                        String link = Files.readSymbolicLink(fd).toString();
                        if (link.startsWith("socket:[")) {
                            Files.createSymbolicLink(copy.resolve("fd").resolve(fd.getFileName().toString()), Path.of(link));
                        }
                    } catch (IOException e) {
                        // the fd closed while we listed it
                    }
                }
            }
            String target = "127.0.0.1:" + server.getLocalPort();
            LocalRun run = LocalRun.of(HostFs.at(root, ByteOrder.nativeOrder()), target);
            assertThat((List<?>) run.one("bind.localhost-only", target).evidence().get("listeners")).singleElement()
                    .asString().startsWith(target + " pid " + pid + " ");
        }
    }

    private static void copyIfPresent(Path from, Path to) throws IOException {
        if (Files.isReadable(from)) {
            Files.createDirectories(to.getParent());
            Files.write(to, Files.readAllBytes(from));
        }
    }
}
