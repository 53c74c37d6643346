package dev.otlpdoctor.probe.local;

import java.time.Duration;
import java.util.Arrays;

/**
 * Times the local probes (process, binding, conflict, firewall: one /proc scan) over the large-host fixture
 * of {@link LargeHostTest} and over this machine. Run by bench/local-probes.sh; prints one line per case.
 */
public final class LocalProbesBench {
    private LocalProbesBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        ProcFixture fixture = ProcFixture.inTempDir();
        try {
            LargeHostTest.populate(fixture);
            HostFs large = fixture.fs();
            report("fixture: " + LargeHostTest.PROCESSES + " processes, "
                    + LargeHostTest.PROCESSES * LargeHostTest.SOCKETS_PER_PROCESS + " listening sockets", large, rounds);
        } finally {
            fixture.delete();
        }
        report("this machine (" + ProcessHandle.allProcesses().count() + " processes)", HostFs.system(), rounds);
    }

    private static void report(String label, HostFs fs, int rounds) {
        long[] millis = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            LocalRun run = LocalRun.of(fs, "localhost:4317", false, Duration.ofSeconds(60));
            millis[i] = (System.nanoTime() - start) / 1_000_000;
            if (run.findings().isEmpty()) {
                throw new IllegalStateException("the probes reported nothing for " + label);
            }
        }
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf("%-55s first %5d ms   median %5d ms   min %5d ms   (%d rounds)%n", label, millis[0],
                sorted[rounds / 2], sorted[0], rounds);
    }
}
