package dev.otlpdoctor.diagnose;

import static dev.otlpdoctor.diagnose.PathFixtures.GRPC;
import static dev.otlpdoctor.diagnose.PathFixtures.HTTP;
import static dev.otlpdoctor.diagnose.PathFixtures.accepted;
import static dev.otlpdoctor.diagnose.PathFixtures.collector;
import static dev.otlpdoctor.diagnose.PathFixtures.forwarded;
import static dev.otlpdoctor.diagnose.PathFixtures.missed;
import static dev.otlpdoctor.diagnose.PathFixtures.nothing;
import static dev.otlpdoctor.diagnose.PathFixtures.run;
import static dev.otlpdoctor.diagnose.PathFixtures.served;
import static dev.otlpdoctor.diagnose.PathFixtures.tcpOpen;
import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.probe.local.SocketPath;
import dev.otlpdoctor.report.CatalogEntry;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.ProbeRun;
import dev.otlpdoctor.report.Severity;
import dev.otlpdoctor.report.catalog.Catalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Proof outranks inference, as a property over generated combinations of facts: whatever else the probes
 * recorded — any code, at any severity, on the target or one of its endpoints, with any socket hop — a
 * target on which every requested signal was accepted on every endpoint is {@code pass} or {@code warn},
 * never {@code fail}. The one exception is by definition: a TLS failure the application's exporter would
 * stop at means the exports were accepted only past it, so they prove nothing.
 */
class ProofInvariantTest {
    private static final int CASES = 2000;
    private static final Severity[] SEVERITIES = Severity.values();

    @Test
    void aTargetProvenEndToEndIsNeverFail() {
        List<CatalogEntry> codes = Catalog.all().stream().filter(c -> !c.code().startsWith("tls.")).toList();
        Random random = new Random(20261201L);
        for (int i = 0; i < CASES; i++) {
            List<ProbeRun> runs = new ArrayList<>(List.of(tcpOpen(GRPC), accepted(GRPC), tcpOpen(HTTP), accepted(HTTP)));
            StringBuilder facts = new StringBuilder();
            int extra = 1 + random.nextInt(6);
            for (int j = 0; j < extra; j++) {
                CatalogEntry code = codes.get(random.nextInt(codes.size()));
                Severity severity = SEVERITIES[random.nextInt(SEVERITIES.length)];
                String endpoint = switch (random.nextInt(3)) {
                    case 0 -> GRPC;
                    case 1 -> HTTP;
                    default -> "collector";
                };
                runs.add(random.nextInt(runs.size() + 1),
                        run("generated", endpoint, finding(code, severity)));
                facts.append(code.code()).append('@').append(severity.label()).append(' ').append(endpoint).append("; ");
            }
            List<SocketPath> paths = List.of(path(random, GRPC), path(random, HTTP));
            TargetVerdict verdict = new Diagnoser().diagnose(DiagnoserTableTest.COLLECTOR, runs,
                    new PathFacts(Set.of(), paths, null));
            assertThat(verdict.status()).as("case %d: %s sockets %s", i, facts, paths.stream()
                    .map(p -> p.reach().name()).toList()).isIn(Severity.PASS, Severity.WARN);
        }
    }

    @Test
    void withoutProofNothingPasses() {
        List<CatalogEntry> quiet = Catalog.all().stream()
                .filter(c -> c.severity() == Severity.PASS || c.severity() == Severity.INFO)
                .filter(c -> !c.code().equals("otlp.ok") && !c.code().equals("otlp.partial-success"))
                .toList();
        Random random = new Random(7L);
        for (int i = 0; i < CASES / 4; i++) {
            List<ProbeRun> runs = new ArrayList<>(List.of(tcpOpen(GRPC), tcpOpen(HTTP)));
            if (random.nextBoolean()) {
                runs.add(accepted(GRPC)); // one endpoint proven, the other not
            }
            for (int j = 0; j < 1 + random.nextInt(5); j++) {
                CatalogEntry code = quiet.get(random.nextInt(quiet.size()));
                runs.add(run("generated", random.nextBoolean() ? HTTP : "collector", finding(code, code.severity())));
            }
            TargetVerdict verdict = new Diagnoser().diagnose(DiagnoserTableTest.COLLECTOR, runs,
                    PathFacts.networkOnly(Set.of()));
            assertThat(verdict.status()).as("case %d", i).isEqualTo(Severity.FAIL);
            assertThat(verdict.diagnosis()).as("case %d", i).isNotNull();
        }
    }

    private static Finding finding(CatalogEntry code, Severity severity) {
        return code.finding().severity(severity).evidence("port", 4317).evidence("signal", "traces")
                .evidence("address", "10.0.0.5").evidence("host", "collector").build();
    }

    private static SocketPath path(Random random, String endpoint) {
        return switch (random.nextInt(5)) {
            case 0 -> served(endpoint, collector(812, null), null);
            case 1 -> forwarded(endpoint, random.nextBoolean() ? "0.0.0.0" : "127.0.0.1", collector(4100, "docker container 1"));
            case 2 -> missed(endpoint, SocketPath.Reach.LOOPBACK_ONLY, "127.0.0.1", collector(812, null));
            case 3 -> missed(endpoint, SocketPath.Reach.UNPUBLISHED, "0.0.0.0", collector(4100, "docker container 1"));
            default -> nothing(endpoint);
        };
    }
}
