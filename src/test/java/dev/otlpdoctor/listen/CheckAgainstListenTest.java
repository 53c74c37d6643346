package dev.otlpdoctor.listen;

import static dev.otlpdoctor.testing.CliAssert.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.otlpdoctor.listen.server.ListenConfig;
import dev.otlpdoctor.listen.server.PortOwner;
import dev.otlpdoctor.listen.tally.Summary;
import dev.otlpdoctor.listen.tally.Tally;
import dev.otlpdoctor.otlp.Signal;
import dev.otlpdoctor.testing.CliDriver;
import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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
    void theTlsProbeFindsTheHttpPortPlaintextAsOnACollector() {
        Tally tally = new Tally(0, Clock.systemUTC());
        try (OtlpServers listener = OtlpServers.start(ListenConfig.ephemeral(InetAddress.getLoopbackAddress()),
                new Recorder(tally, null), PortOwner.UNKNOWN)) {
            // listen answers the tls probe's ClientHello with net/http's 400, so the probe needs no wait.
            JsonObject json = assertThatRun(CliDriver.create().run("check", "http://127.0.0.1:" + listener.httpPort(),
                    "--no-local", "--timeout", "20s", "-o", "json")).exitsWith(0).json();
            List<String> tlsCodes = new ArrayList<>();
            for (JsonElement probe : json.getAsJsonArray("probes")) {
                if (probe.getAsJsonObject().get("id").getAsString().equals("tls")) {
                    probe.getAsJsonObject().getAsJsonArray("findings")
                            .forEach(f -> tlsCodes.add(f.getAsJsonObject().get("code").getAsString()));
                }
            }
            assertThat(tlsCodes).containsExactly("tls.plaintext");
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
