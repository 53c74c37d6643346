package dev.otlpdoctor.probe.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A large host: 10,000 listening sockets held by 2,000 processes. The scan must finish within the run's
 * deadline (the probes report it when the deadline cuts the scan short) and still name the right owner.
 * Speed itself is measured by bench/local-probes.sh, not asserted here.
 */
class LargeHostTest extends FixtureTest {
    static final int PROCESSES = 2_000;
    static final int SOCKETS_PER_PROCESS = 5;

    /** Writes the large host into {@code fixture}; the last process is a collector on 0.0.0.0:4317. */
    static void populate(ProcFixture fixture) {
        int port = 20_000;
        for (int pid = 100; pid < 100 + PROCESSES - 1; pid++) {
            long[] inodes = new long[SOCKETS_PER_PROCESS];
            for (int i = 0; i < SOCKETS_PER_PROCESS; i++) {
                inodes[i] = fixture.listen(i % 2 == 0 ? "0.0.0.0" : "::", port++);
            }
            fixture.process(pid, "/usr/bin/worker-" + pid, "--serve").holds(inodes).create();
        }
        long[] inodes = new long[SOCKETS_PER_PROCESS];
        inodes[0] = fixture.listen("0.0.0.0", 4317);
        for (int i = 1; i < SOCKETS_PER_PROCESS; i++) {
            inodes[i] = fixture.listen("127.0.0.1", port++);
        }
        fixture.process(100 + PROCESSES - 1, "/otelcol-contrib", "--config=/etc/otelcol-contrib/config.yaml")
                .holds(inodes).create();
    }

    @Test
    void tenThousandSocketsAndTwoThousandProcessesAreScannedWithinTheDeadline() {
        populate(host);
        LocalRun run = LocalRun.of(host.fs(), "localhost:4317", false, Duration.ofSeconds(30));
        assertThat(run.all("local.unreadable")).as("nothing left unread because of the deadline").isEmpty();
        assertThat(run.one("process.running").evidence()).containsEntry("pid", 100 + PROCESSES - 1);
        assertThat(run.one("bind.all-interfaces", "localhost:4317").evidence().get("listeners"))
                .isEqualTo(java.util.List.of("0.0.0.0:4317 pid " + (100 + PROCESSES - 1) + " otelcol-contrib"));
        assertThat(run.facts().get(BindingProbe.LISTENERS).orElseThrow())
                .hasSize(PROCESSES * SOCKETS_PER_PROCESS)
                .allSatisfy(l -> assertThat(l.owner()).isNotNull());
    }
}
