package dev.otlpdoctor.probe.otlp;

import dev.otlpdoctor.probe.FindingSink;
import dev.otlpdoctor.report.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** What the gRPC and HTTP probes share about their concurrent exchanges with one endpoint. */
final class Exchanges {
    private Exchanges() {
    }

    /** The result of an exchange run on the probe executor; each bounds itself by the deadline. */
    static <T> T await(Future<T> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("OTLP exchange failed unexpectedly", e.getCause());
        }
    }

    /** A server of the wrong protocol answers every call the same: say it once. */
    static void addOnce(List<Finding> found, FindingSink findings) {
        List<Finding> seen = new ArrayList<>();
        for (Finding finding : found) {
            if (!seen.contains(finding)) {
                seen.add(finding);
                findings.add(finding);
            }
        }
    }
}
