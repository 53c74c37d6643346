package dev.otlpdoctor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.check.Checker;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class PreparationTest {

    /** A probe that only records its preparation (and may fail it). */
    private record Recording(String id, List<String> prepared, boolean fails) implements Probe {
        @Override
        public ProbeInfo info() {
            return ProbeInfo.of(id, Scope.ENDPOINT);
        }

        @Override
        public void prepare() {
            prepared.add(id);
            if (fails) {
                throw new IllegalStateException("TLS is not available in this JVM");
            }
        }

        @Override
        public void run(ProbeContext context, FindingSink findings) {
            throw new AssertionError("preparing never runs a probe");
        }
    }

    @Test
    void probesPrepareInChainOrderAndOneFailureDoesNotStopTheRest() {
        List<String> prepared = new CopyOnWriteArrayList<>();
        ProbeChain chain = new ProbeChain(List.of(new Recording("tls", prepared, true),
                new Recording("grpc", prepared, false), new Recording("http", prepared, false)));

        Preparation.prepare(chain);

        // the failure is left for the probe's own run to meet and report
        assertThat(prepared).containsExactly("tls", "grpc", "http");
    }

    @Test
    void theStandardChainPreparesWithoutTouchingTheNetworkOrFailing() {
        // prepare() swallows nothing here: a failure would only show as lost start-up time in real runs
        for (Probe probe : Checker.standardChain().probes()) {
            probe.prepare();
        }
    }
}
