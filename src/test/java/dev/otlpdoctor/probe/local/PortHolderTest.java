package dev.otlpdoctor.probe.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PortHolderTest {
    private static final Duration WITHIN = Duration.ofSeconds(5);

    @Test
    void namesThisProcessAsTheOwnerOfItsListeningSocket() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "Linux /proc only");
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(PortHolder.of(HostFs.system(), socket.getLocalPort(), WITHIN))
                    .hasValueSatisfying(owner -> assertThat(owner).startsWith("pid " + ProcessHandle.current().pid() + " ("));
        }
    }

    @Test
    void aPortNobodyListensOnHasNoOwner() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        assertThat(PortHolder.of(HostFs.system(), port, WITHIN)).isEmpty();
    }

    @Test
    void withoutProcNothingIsClaimed(@org.junit.jupiter.api.io.TempDir Path empty) {
        assertThat(PortHolder.of(HostFs.at(empty, ByteOrder.nativeOrder()), 4317, WITHIN)).isEmpty();
    }
}
