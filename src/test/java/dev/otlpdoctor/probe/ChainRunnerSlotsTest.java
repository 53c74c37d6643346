package dev.otlpdoctor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.Deadline;
import dev.otlpdoctor.diagnose.Diagnoser;
import dev.otlpdoctor.diagnose.PathFacts;
import dev.otlpdoctor.diagnose.TargetVerdict;
import dev.otlpdoctor.report.ProbeRun;
import dev.otlpdoctor.report.Severity;
import dev.otlpdoctor.target.Protocol;
import dev.otlpdoctor.target.Source;
import dev.otlpdoctor.target.Target;
import dev.otlpdoctor.target.TargetParser;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code --parallel}: targets wait for a slot, and one that gets none before the deadline is not checked. */
class ChainRunnerSlotsTest {
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r);
        t.setDaemon(true);
        return t;
    });

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void aTargetThatGetsNoSlotBeforeTheDeadlineIsReportedAsNotChecked() {
        CountDownLatch never = new CountDownLatch(1);
        Probe hog = new Probe() {
            @Override
            public ProbeInfo info() {
                return ProbeInfo.of("hog", Scope.ENDPOINT);
            }

            @Override
            public void run(ProbeContext context, FindingSink findings) throws InterruptedException {
                never.await(); // holds the only slot until the runner gives up at the deadline
            }
        };
        TargetParser parser = new TargetParser(Protocol.AUTO, "--protocol");
        List<Target> targets = List.of(parser.parse("first:4317", Source.argument(1)),
                parser.parse("second:4317", Source.argument(2)));
        Duration timeout = Duration.ofMillis(600);
        List<List<ProbeRun>> runs = new ChainRunner(new ProbeChain(List.of(hog)), executor, 1)
                .run(targets, new ProbeSettings(Protocol.AUTO), Deadline.after(timeout));

        assertThat(runs.get(0)).singleElement().satisfies(run -> {
            assertThat(run.status()).isEqualTo(Severity.SKIP);
            // cut off by the deadline (while it ran, or, on a machine too busy to start it, before)
            assertThat(run.findings().get(0).detail()).contains("the run's deadline (--timeout 600ms) was reached");
        });
        assertThat(runs.get(1)).singleElement().satisfies(run -> {
            assertThat(run.status()).isEqualTo(Severity.SKIP);
            assertThat(run.findings().get(0).detail()).contains("was reached before it started");
        });
        TargetVerdict second = new Diagnoser().diagnose(targets.get(1), runs.get(1), PathFacts.networkOnly(Set.of()));
        assertThat(second.status()).as("a target none of whose probes ran is not a pass").isEqualTo(Severity.SKIP);
    }
}
