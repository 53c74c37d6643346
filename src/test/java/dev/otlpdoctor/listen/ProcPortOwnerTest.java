package dev.otlpdoctor.listen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProcPortOwnerTest {
    @Test
    void namesThisProcessAsTheOwnerOfItsListeningSocket() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "Linux /proc only");
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(new ProcPortOwner(Path.of("/proc")).of(socket.getLocalPort()))
                    .hasValueSatisfying(owner -> assertThat(owner).startsWith("pid " + ProcessHandle.current().pid() + " ("));
        }
    }

    @Test
    void aPortNobodyListensOnHasNoOwner() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        assertThat(new ProcPortOwner(Path.of("/proc")).of(port)).isEmpty();
    }

    @Test
    void withoutProcNothingIsClaimed(@org.junit.jupiter.api.io.TempDir Path empty) {
        assertThat(new ProcPortOwner(empty).of(4317)).isEmpty();
    }
}
