package dev.otlpdoctor.listen;

import static dev.otlpdoctor.testing.CliAssert.assertThatRun;

import dev.otlpdoctor.testing.CliDriver;
import java.net.InetAddress;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** {@code check} run against {@code listen} passes on both ports: the README's quick start. */
class CheckAgainstListenTest {
    @Test
    void checkPassesAgainstBothPortsOfListen() {
        Tally tally = new Tally(0, Clock.systemUTC());
        try (OtlpServers listener = OtlpServers.start(ListenConfig.ephemeral(InetAddress.getLoopbackAddress()),
                new Recorder(tally, null), PortOwner.UNKNOWN)) {
            assertThatRun(CliDriver.create().run("check", "127.0.0.1:" + listener.grpcPort(),
                    "http://127.0.0.1:" + listener.httpPort(), "--timeout", "20s"))
                    .exitsWith(0);
        }
    }
}
