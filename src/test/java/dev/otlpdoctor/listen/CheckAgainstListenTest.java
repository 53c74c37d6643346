package dev.otlpdoctor.listen;

import static dev.otlpdoctor.testing.CliAssert.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.otlp.Signal;
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

    @Test
    void samplesInEveryEncodingAreValidOtlpAndCountedByListen() {
        Tally tally = new Tally(0, Clock.systemUTC());
        try (OtlpServers listener = OtlpServers.start(ListenConfig.ephemeral(InetAddress.getLoopbackAddress()),
                new Recorder(tally, null), PortOwner.UNKNOWN)) {
            // gRPC, HTTP protobuf and HTTP JSON each send one span, data point and log record (OTLP/JSON ids in hex)
            assertThatRun(CliDriver.create().run("check", "127.0.0.1:" + listener.grpcPort(),
                    "http://127.0.0.1:" + listener.httpPort(), "--send-sample", "--no-local", "--timeout", "20s"))
                    .exitsWith(0);
            Summary summary = tally.snapshot();
            for (Signal signal : Signal.values()) {
                // one sample item over gRPC, one over HTTP protobuf, one over HTTP JSON
                assertThat(summary.signal(signal).items()).as(signal.label()).isEqualTo(3);
            }
        }
    }
}
