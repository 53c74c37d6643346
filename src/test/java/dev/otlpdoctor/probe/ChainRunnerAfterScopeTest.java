package dev.otlpdoctor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.report.ProbeRun;
import dev.otlpdoctor.report.Severity;
import dev.otlpdoctor.target.Protocol;
import dev.otlpdoctor.testing.ProbeHarness;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Probes of {@link Scope#TARGET_AFTER} run once per target after all its endpoint chains, under the same rules. */
class ChainRunnerAfterScopeTest {
    @Test
    void runsAfterEveryEndpointAndIsReportedLast() {
        Queue<String> order = new ConcurrentLinkedQueue<>();
        ProbeChain chain = new ProbeChain(List.of(
                new Recording("first", Scope.TARGET, order),
                new Recording("after", Scope.TARGET_AFTER, order),
                new Recording("each", Scope.ENDPOINT, order)));
        List<ProbeRun> runs = run(chain, "collector", Duration.ofSeconds(5));
        assertThat(order).containsExactly("first", "each", "each", "after");
        assertThat(runs).extracting(ProbeRun::probe).containsExactly("first", "each", "each", "after");
        assertThat(runs.get(3).endpoint()).isEqualTo("collector");
    }

    @Test
    void isSkippedWithTheReasonWhenWhatItNeedsFailed() {
        Probe failing = new Recording("first", Scope.TARGET, new ConcurrentLinkedQueue<>()) {
            @Override
            public void run(ProbeContext context, FindingSink findings) {
                findings.add(dev.otlpdoctor.report.catalog.NetworkCodes.DNS_UNRESOLVED.finding().param("host", "x").build());
            }
        };
        Probe after = new Recording("after", Scope.TARGET_AFTER, new ConcurrentLinkedQueue<>()) {
            @Override
            public ProbeInfo info() {
                return super.info().needs(failing.getClass());
            }
        };
        List<ProbeRun> runs = run(new ProbeChain(List.of(failing, after)), "collector:4317", Duration.ofSeconds(5));
        ProbeRun skipped = runs.get(runs.size() - 1);
        assertThat(skipped.status()).isEqualTo(Severity.SKIP);
        assertThat(skipped.findings().get(0).detail()).contains("it needs first, which failed");
    }

    @Test
    void isReportedAsCutOffWhenTheEndpointsUseUpTheDeadline() {
        CountDownLatch never = new CountDownLatch(1);
        Probe hanging = new Recording("each", Scope.ENDPOINT, new ConcurrentLinkedQueue<>()) {
            @Override
            public void run(ProbeContext context, FindingSink findings) throws InterruptedException {
                never.await();
            }
        };
        Probe after = new Recording("after", Scope.TARGET_AFTER, new ConcurrentLinkedQueue<>());
        List<ProbeRun> runs = run(new ProbeChain(List.of(hanging, after)), "collector:4317", Duration.ofMillis(300));
        ProbeRun last = runs.get(runs.size() - 1);
        assertThat(last.probe()).isEqualTo("after");
        assertThat(last.status()).isEqualTo(Severity.SKIP);
        assertThat(last.findings().get(0).detail()).contains("deadline");
    }

    private List<ProbeRun> run(ProbeChain chain, String target, Duration timeout) {
        return ProbeHarness.chain(ProbeHarness.target(target), new ProbeSettings(Protocol.AUTO), timeout,
                chain.probes().toArray(Probe[]::new));
    }

    private static class Recording implements Probe {
        private final String id;
        private final Scope scope;
        private final Queue<String> order;

        Recording(String id, Scope scope, Queue<String> order) {
            this.id = id;
            this.scope = scope;
            this.order = order;
        }

        @Override
        public ProbeInfo info() {
            return ProbeInfo.of(id, scope);
        }

        @Override
        public void run(ProbeContext context, FindingSink findings) throws InterruptedException {
            order.add(id);
        }
    }
}
