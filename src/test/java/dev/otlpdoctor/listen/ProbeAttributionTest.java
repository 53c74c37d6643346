package dev.otlpdoctor.listen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.listen.tally.Arrival;
import dev.otlpdoctor.listen.tally.Misdirection;
import dev.otlpdoctor.listen.tally.Summary;
import dev.otlpdoctor.listen.tally.Tally;
import dev.otlpdoctor.otlp.Signal;
import dev.otlpdoctor.target.Protocol;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which TLS ClientHellos on a plaintext port are otlpdoctor check's own: those right around its requests. */
class ProbeAttributionTest {
    private static final Misdirection.Ports PORTS = new Misdirection.Ports("127.0.0.1", 4317, 4318, false);

    /** A clock the test moves. */
    private static final class Manual extends Clock {
        Instant now = Instant.parse("2026-12-01T12:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aClientHelloJustBeforeOrAfterCheckIsTheChecksAnEarlierOneIsShown() {
        Manual clock = new Manual();
        Tally tally = new Tally(0, clock);
        tally.misdirected(Misdirection.tlsOnPlaintextPort(PORTS, "127.0.0.1:1000", true)); // an application
        clock.now = clock.now.plus(Duration.ofSeconds(6));
        tally.misdirected(Misdirection.tlsOnPlaintextPort(PORTS, "127.0.0.1:1001", true)); // check's tls probe
        clock.now = clock.now.plusMillis(300);
        probeRequest(tally);
        clock.now = clock.now.plusMillis(300);
        tally.misdirected(Misdirection.tlsOnPlaintextPort(PORTS, "127.0.0.1:1002", false)); // check, next port

        Summary s = tally.snapshot();
        assertThat(s.misdirections()).singleElement().satisfies(m -> assertThat(m.count()).isEqualTo(1));
        assertThat(s.probes()).singleElement().satisfies(p -> {
            assertThat(p.requests()).isEqualTo(3);
            assertThat(p.errorAnswers()).isEqualTo(2);
        });
        assertThat(s.totalMisdirected()).isEqualTo(1);
    }

    @Test
    void otherWrongPortsFromTheSameHostAreNeverTheChecks() {
        Manual clock = new Manual();
        Tally tally = new Tally(0, clock);
        probeRequest(tally);
        tally.misdirected(Misdirection.grpcOnHttpPort(PORTS, "127.0.0.1:1000"));
        tally.misdirected(Misdirection.http1OnGrpcPort(PORTS, "127.0.0.1:1001", "POST /v1/traces", "OTel-OTLP-Exporter-Go/1.0"));
        assertThat(tally.snapshot().misdirections()).hasSize(2);
    }

    private static void probeRequest(Tally tally) {
        tally.accepted(Signal.TRACES, new Arrival(Protocol.GRPC, "127.0.0.1:2000", "otlpdoctor/1.0 grpc-okhttp", "none",
                List.of()), List.of(), List.of());
    }
}
